/**
 * Fuzzing the trace page's pipeline (parsers, cost bound, exact mode, sample, run) with
 * fast-check: 11,000 generated inputs in all. For every one, no exception escapes, the report
 * is plain data, every traced rule points at its own line of the dump, and the work done stays
 * within the budget of the dump's size — 100 ms per 1,000 lines, counted in rule evaluations
 * and walks rather than measured on a shared machine's clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workUnits } from '../../../src/engine/simulate';
import { traceDump, workBudget } from '../../../src/workers/trace/pipeline';
import type { TraceReport } from '../../../src/workers/trace/protocol';
import { bounceNft, bounceRules, request } from './helpers';

const RUN = 50;

/** Checks one dump end to end; returns the report for extra checks. */
function check(
  text: string,
  dst = '10.0.0.1',
  port = 80,
  src = '10.0.0.9',
  localIPs: readonly string[] = ['10.0.0.1'],
): TraceReport {
  const report = traceDump(request(text, { dst, port, src, localIPs, runCount: RUN }));
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  if (report.kind !== 'traced') return report;
  // Lines as the engine reads them: \n, \r\n and a lone \r all end one.
  const lines = text.split(/\r\n|\r|\n/);
  expect(report.lines).toBeLessThanOrEqual(lines.length);
  for (const p of report.problems) expect(p.line).toBeGreaterThanOrEqual(0);
  for (const p of report.problems) expect(p.line).toBeLessThanOrEqual(lines.length);
  for (const e of report.sample?.trace ?? []) {
    // iptables rules are quoted as written; nft ones as the parser re-spells them.
    if (e.rule === 0 || e.table.includes(' ')) continue;
    expect((lines[e.line - 1] ?? '').trim().replace(/^\[\d+:\d+\]\s+/, '')).toBe(e.text);
  }
  const w = report.work;
  // Exact mode and the sample: within the dump's budget (plus the walk that crossed it).
  const spent = workUnits(w.exactWalks, w.exactEvaluations) + workUnits(1, w.sampleEvaluations);
  expect(spent).toBeLessThanOrEqual(workBudget(report.lines) + 2 * workUnits(1, 2 * w.walkBound));
  // The run: at most RUN walks, none longer than the bound.
  expect(w.runUnitsBound).toBeLessThanOrEqual(workUnits(RUN, RUN * 2 * w.walkBound));
  return report;
}

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
  '-i',
  '-o',
  '!',
  '--dport',
  '--sport',
  'tcp',
  'udp',
  'sctp',
  'comment',
  '--comment',
  '"a b',
  'c"',
  '"<script>alert(1)</script>"',
  'statistic',
  '--mode',
  'random',
  'nth',
  '--every',
  '2',
  '--packet',
  '0',
  '--probability',
  '0.5',
  '0.25',
  'DNAT',
  'SNAT',
  'MASQUERADE',
  '--to-destination',
  '--to-source',
  '10.0.0.1:80',
  '10.0.0.2',
  'REJECT',
  'LOG',
  'KUBE-X',
  'KUBE-Y',
  'INPUT',
  'OUTPUT',
  'PREROUTING',
  'POSTROUTING',
  'FORWARD',
  'ACCEPT',
  'DROP',
  'RETURN',
  'MARK',
  '--set-xmark',
  '--or-mark',
  '0x4000/0x4000',
  'recent',
  '--rcheck',
  '--set',
  '--name',
  'mark',
  '--mark',
  'addrtype',
  '--dst-type',
  'LOCAL',
  'conntrack',
  '--ctstate',
  'NEW',
  '10.0.0.0/8',
  '0.0.0.0/0',
  'multiport',
  '--dports',
  '1,2:3',
  '80',
  'eth0',
  'lo',
  '-c',
  '1',
  '[0:0]',
  '\u0000',
  '\u202e',
  '\t',
];
const word = fc.constantFrom(...WORDS);
const ruleLine = fc
  .tuple(
    fc.constantFrom('-A', '-I', '-N', '-X', '-F', '-P'),
    fc.constantFrom('KUBE-X', 'KUBE-Y', 'INPUT', 'PREROUTING', 'OUTPUT', 'POSTROUTING', 'FORWARD', 'NOPE'),
    fc.array(word, { maxLength: 12 }),
  )
  .map(([cmd, chain, rest]) => [cmd, chain, ...rest].join(' '));
const anyLine = fc.oneof(
  { weight: 3, arbitrary: ruleLine },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

describe('trace pipeline fuzz (11,000 inputs)', () => {
  it('random rules in nat and filter (4,000)', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 30 }), fc.array(anyLine, { maxLength: 30 }), (nat, filter) => {
        const text = [
          '*nat',
          ':KUBE-X - [0:0]',
          ':KUBE-Y - [0:0]',
          ...nat,
          'COMMIT',
          '*filter',
          ':KUBE-X - [0:0]',
          ':KUBE-Y - [0:0]',
          ...filter,
          'COMMIT',
          '',
        ].join('\n');
        check(text);
      }),
      { numRuns: 4_000, seed: 7001 },
    );
  }, 180_000);

  it('mutated kube-proxy dumps: lines dropped, duplicated, cut, swapped (2,500)', () => {
    const dumps = [
      bounceRules('node-2'),
      bounceRules('node-1', { sessionAffinity: 'ClientIP' }),
      bounceRules('node-3', { externalTrafficPolicy: 'Local' }),
    ].map((t) => t.split('\n'));
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('drop', 'dup', 'cut', 'swap', 'junk'),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.nat(dumps.length - 1),
        fc.array(edit, { maxLength: 10 }),
        fc.constantFrom(['192.168.10.12', 30080], ['10.96.120.15', 80], ['127.0.0.1', 30080]),
        (which, edits, [dst, port]) => {
          const lines = [...(dumps[which] as string[])];
          for (const [i, kind, junk] of edits) {
            const at = i % lines.length;
            if (kind === 'drop') lines.splice(at, 1);
            else if (kind === 'dup') lines.splice(at, 0, lines[at] ?? '');
            else if (kind === 'cut') lines[at] = (lines[at] ?? '').slice(0, Math.floor((lines[at] ?? '').length / 2));
            else if (kind === 'swap')
              [lines[at], lines[(at + 1) % lines.length]] = [lines[(at + 1) % lines.length] ?? '', lines[at] ?? ''];
            else lines[at] = `${lines[at] ?? ''} ${junk}`;
          }
          const text = lines.join('\n');
          const report = traceDump(request(text, { dst: dst as string, port: port as number, runCount: RUN }));
          expect(JSON.parse(JSON.stringify(report))).toEqual(report);
          if (report.kind === 'traced')
            expect(workUnits(report.work.exactWalks, report.work.exactEvaluations)).toBeLessThanOrEqual(
              workBudget(report.lines) + workUnits(1, 2 * report.work.walkBound),
            );
        },
      ),
      { numRuns: 2_500, seed: 7002 },
    );
  }, 180_000);

  it('random jump graphs with gotos, loops, fan-out and random branches (2,500)', () => {
    const edge = fc.tuple(
      fc.nat(9),
      fc.nat(9),
      fc.constantFrom('-j', '-g'),
      fc.constantFrom('', '-p tcp ', '-m statistic --mode random --probability 0.5 ', '! -d 10.0.0.1 '),
    );
    fc.assert(
      fc.property(
        fc.array(edge, { maxLength: 40 }),
        fc.constantFrom('ACCEPT', 'DROP', 'REJECT', 'RETURN'),
        (edges, last) => {
          const chains = Array.from({ length: 10 }, (_, i) => `C${i}`);
          const rules = [
            '-A INPUT -j C0',
            '-A FORWARD -j C0',
            ...edges.map(([a, b, j, m]) => `-A C${a} ${m}${j} C${b}`),
            `-A C9 -j ${last}`,
          ];
          const text = [
            '*filter',
            ':INPUT ACCEPT [0:0]',
            ':FORWARD ACCEPT [0:0]',
            ':OUTPUT ACCEPT [0:0]',
            ...chains.map((c) => `:${c} - [0:0]`),
            ...rules,
            'COMMIT',
            '',
          ].join('\n');
          const report = check(text);
          if (report.kind === 'traced' && report.refusal === null) expect(report.exact).not.toBeNull();
        },
      ),
      { numRuns: 2_500, seed: 7003 },
    );
  }, 180_000);

  it('mutated kube-proxy nftables rules, both spellings (1,000)', () => {
    const dumps = [
      bounceNft('node-2', 'listing'),
      bounceNft('node-2', 'transaction'),
      bounceNft('node-3', 'listing', { externalTrafficPolicy: 'Local' }),
    ].map((t) => t.split('\n'));
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('drop', 'dup', 'cut', 'jump'),
      fc.constantFrom('services', 'masquerading', 'nat-prerouting', 'nope', 'filter-input'),
    );
    fc.assert(
      fc.property(fc.nat(dumps.length - 1), fc.array(edit, { maxLength: 8 }), (which, edits) => {
        const lines = [...(dumps[which] as string[])];
        for (const [i, kind, chain] of edits) {
          const at = i % lines.length;
          if (kind === 'drop') lines.splice(at, 1);
          else if (kind === 'dup') lines.splice(at, 0, lines[at] ?? '');
          else if (kind === 'cut') lines[at] = (lines[at] ?? '').slice(0, Math.floor((lines[at] ?? '').length / 2));
          else lines.splice(at, 0, `\t\tjump ${chain}`);
        }
        check(lines.join('\n'), '192.168.10.12', 30080, '192.168.10.100', ['192.168.10.12']);
      }),
      { numRuns: 1_000, seed: 7005 },
    );
  }, 180_000);

  it('hostile text: control characters, markup, huge and odd lines, other formats (1,000)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom(
          '\u0000',
          '\u001b',
          '\u202e',
          '\r',
          '\n',
          '"',
          '\\',
          '<',
          '>',
          '*',
          ':',
          '-',
          ' ',
          'A',
          'table ',
          '{',
          '}',
        ),
        maxLength: 200,
      }),
      fc.nat(80_000).map((n) => `*nat\n-A PREROUTING -m comment --comment "${'x'.repeat(n)}" -j ACCEPT\nCOMMIT\n`),
      fc.string({ maxLength: 50 }).map((s) => `table ip ${s} {\n}\n`),
      fc.string({ maxLength: 50 }).map((s) => `Chain INPUT (policy ACCEPT)\n${s}`),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        check(text);
      }),
      { numRuns: 1_000, seed: 7004 },
    );
  }, 180_000);
});
