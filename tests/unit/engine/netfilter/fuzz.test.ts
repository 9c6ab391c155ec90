/** Malformed dumps give problems, never exceptions or hangs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { parseIptablesSave } from '../../../../src/engine/netfilter/parse';
import { renderRuleset } from '../../../../src/engine/netfilter/render';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { fromRulesText } from '../../../../src/engine/simulate';

const WORDS = [
  '-A',
  '-I',
  '-N',
  '-X',
  '-F',
  '-P',
  '-j',
  '-g',
  '-m',
  '-s',
  '-d',
  '-p',
  '!',
  '--dport',
  'tcp',
  'udp',
  'comment',
  '--comment',
  '"a b',
  'c"',
  'statistic',
  '--mode',
  'random',
  '--probability',
  '0.5',
  'DNAT',
  '--to-destination',
  '10.0.0.1:80',
  'KUBE-X',
  'INPUT',
  'PREROUTING',
  'ACCEPT',
  'DROP',
  'RETURN',
  'MARK',
  '--set-xmark',
  '0x4000/0x4000',
  'recent',
  '--rcheck',
  '--name',
  'mark',
  '--mark',
  'addrtype',
  '--dst-type',
  'LOCAL',
  '10.0.0.0/8',
  '*nat',
  '*filter',
  'COMMIT',
  ':KUBE-X',
  '-',
  '[0:0]',
  '-c',
  '1',
  'multiport',
  '--dports',
  '1,2:3',
];

const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' ')),
);

/** Walks a client connection through a dump; must return, whatever the dump. */
function walkAnything(text: string): void {
  const sim = fromRulesText(text, { localIPs: ['10.0.0.1'] });
  for (const to of [
    { ip: '10.0.0.1', port: 80 },
    { ip: '10.96.0.1', port: 443 },
  ]) {
    const outcomes = sim.exact({ from: { kind: 'client', ip: '10.0.0.9' }, to });
    expect(outcomes.length).toBeGreaterThan(0);
  }
}

describe('fuzzed dumps', () => {
  it('random lines: the parser and the walk never throw', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = ['*nat', ':KUBE-X - [0:0]', ...lines, 'COMMIT', '*filter', ...lines, 'COMMIT'].join('\n');
        const parsed = parseIptablesSave(text);
        expect(Array.isArray(parsed.problems)).toBe(true);
        renderRuleset(parsed);
        walkAnything(text);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('mutated real dumps (lines dropped, duplicated, truncated) never throw', () => {
    const real = generateIptablesSave(bounceCluster({ sessionAffinity: 'ClientIP' }), 'node-2').split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(real.length - 1), fc.constantFrom('drop', 'dup', 'cut')), { maxLength: 12 }),
        (edits) => {
          const lines = [...real];
          for (const [i, kind] of edits) {
            const at = Math.min(i, lines.length - 1);
            if (kind === 'drop') lines.splice(at, 1);
            else if (kind === 'dup') lines.splice(at, 0, lines[at] ?? '');
            else lines[at] = (lines[at] ?? '').slice(0, Math.floor((lines[at] ?? '').length / 2));
          }
          walkAnything(lines.join('\n'));
        },
      ),
      { numRuns: 200, seed: 43 },
    );
  });

  it('huge lines are reported, not parsed', () => {
    const parsed = parseIptablesSave(
      `*filter\n-A INPUT -m comment --comment ${'x'.repeat(100_000)} -j ACCEPT\nCOMMIT\n`,
    );
    expect(parsed.problems.map((p) => p.message)).toEqual(['line is longer than 65536 characters']);
    expect(parsed.problems[0]?.text.length).toBeLessThan(300);
  });

  it('random jump graphs, loops included, end with a verdict or UNKNOWN', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.boolean()), { maxLength: 40 }), (edges) => {
        const chains = Array.from({ length: 12 }, (_, i) => `C${i}`);
        const rules = [
          '-A INPUT -j C0',
          ...edges.map(([a, b, g]) => `-A C${a} -p tcp ${g ? '-g' : '-j'} C${b}`),
          '-A C11 -j DROP',
        ];
        const text = ['*filter', ...chains.map((c) => `:${c} - [0:0]`), ...rules, 'COMMIT'].join('\n');
        const [o] = fromRulesText(text, { localIPs: ['10.0.0.1'] }).exact({
          from: { kind: 'client', ip: '10.0.0.9' },
          to: { ip: '10.0.0.1', port: 80 },
        });
        expect(['NONE', 'DROP', 'UNKNOWN']).toContain(o?.result.verdict);
      }),
      { numRuns: 300, seed: 44 },
    );
  });

  it('a chain nested thousands deep does not overflow the stack', () => {
    const n = 5000;
    const lines = [
      '*filter',
      ...Array.from({ length: n }, (_, i) => `:D${i} - [0:0]`),
      '-A INPUT -j D0',
      ...Array.from({ length: n - 1 }, (_, i) => `-A D${i} -j D${i + 1}`),
      'COMMIT',
    ];
    const [o] = fromRulesText(lines.join('\n'), { localIPs: ['10.0.0.1'] }).exact({
      from: { kind: 'client', ip: '10.0.0.9' },
      to: { ip: '10.0.0.1', port: 80 },
    });
    expect(o?.result.verdict).toBe('UNKNOWN');
    expect(o?.result.reason).toMatch(/deeper than/);
  });
});
