import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileNft, parseNft } from '../../../../src/engine/nftables';
import { fromRulesText } from '../../../../src/engine/simulate';

const listing = readFileSync(
  new URL('../kubeproxy/nftables/golden/bounce-etp-local-node-2.nft-list.txt', import.meta.url),
  'utf8',
);
const transaction = readFileSync(
  new URL('../kubeproxy/nftables/golden/bounce-affinity-node-2.nft', import.meta.url),
  'utf8',
);
const WORDS = [
  'table',
  'ip',
  'inet',
  'add',
  'rule',
  'chain',
  'set',
  'map',
  'element',
  '{',
  '}',
  ';',
  ',',
  ':',
  '.',
  '@s',
  'jump',
  'goto',
  'c',
  't',
  'type',
  'hook',
  'priority',
  'filter',
  'nat',
  'prerouting',
  'ip saddr',
  'daddr',
  'vmap',
  'numgen random mod 2',
  '"x"',
  'comment',
  '\n',
  '10.0.0.1',
  '10.0.0.0/8',
  'tcp',
  '80',
  'dnat to',
  'accept',
  'drop',
  'flush',
  'delete',
  'elements',
  '=',
];

describe('nft text that is broken or random', () => {
  it('random token soup: parse and compile report problems, never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => {
        const rs = parseNft(words.join(' '));
        expect(() => compileNft(rs)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('real rulesets with lines dropped, duplicated or cut: the walk ends with a verdict or UNKNOWN', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(listing, transaction),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'cut')), { maxLength: 4 }),
        (text, edits) => {
          const lines = text.split('\n');
          for (const [n, kind] of edits) {
            const i = n % lines.length;
            if (kind === 'drop') lines.splice(i, 1);
            else if (kind === 'dup') lines.splice(i, 0, lines[i] as string);
            else lines[i] = (lines[i] as string).slice(0, Math.floor((lines[i] as string).length / 2));
          }
          const sim = fromRulesText(lines.join('\n'), { localIPs: ['192.168.10.12'] });
          const out = sim.exact(
            { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } },
            { trace: false },
          );
          expect(out.reduce((a, o) => a + o.probability, 0)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
