import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/engine/netfilter/parse';
import { walkBound } from '../../../src/workers/trace/cost';
import { bounceRules, filterDump } from './helpers';

/** Chains C0…Cn, each jumping twice to the next: 2^n paths through the last one. */
function doubling(n: number): string {
  const chains = Array.from({ length: n + 1 }, (_, i) => `C${i}`);
  const rules = [
    '-A INPUT -j C0',
    ...Array.from({ length: n }, (_, i) => [`-A C${i} -j C${i + 1}`, `-A C${i} -j C${i + 1}`]).flat(),
  ];
  return filterDump(chains, rules);
}

describe('walkBound', () => {
  it('counts every rule once when chains do not fan out', () => {
    const text = filterDump(['A', 'B'], ['-A INPUT -j A', '-A A -p tcp -j B', '-A A -j ACCEPT', '-A B -j RETURN']);
    // INPUT: 1 + A(2 + B(1)) = 4
    expect(walkBound(parseIptablesSave(text))).toBe(4);
  });

  it('grows with fan-out the way the walk would: 2^n', () => {
    // cost(Cn) = 0; cost(Ci) = 2 + 2·cost(Ci+1) → cost(C0) = 2^(n+1) − 2; plus INPUT's one rule.
    expect(walkBound(parseIptablesSave(doubling(10)))).toBe(2 ** 11 - 2 + 1);
    expect(walkBound(parseIptablesSave(doubling(100)))).toBe(1e15);
  });

  it('stops at loops (the parser cuts them) and survives chains nested thousands deep', () => {
    expect(
      walkBound(parseIptablesSave(filterDump(['A', 'B'], ['-A INPUT -j A', '-A A -j B', '-A B -j A']))),
    ).toBeLessThan(10);
    const n = 5_000;
    const chains = Array.from({ length: n }, (_, i) => `D${i}`);
    const rules = ['-A INPUT -j D0', ...Array.from({ length: n - 1 }, (_, i) => `-A D${i} -j D${i + 1}`)];
    expect(walkBound(parseIptablesSave(filterDump(chains, rules)))).toBe(n);
  });

  it('is modest for kube-proxy rules', () => {
    const bound = walkBound(parseIptablesSave(bounceRules()));
    expect(bound).toBeGreaterThan(20);
    expect(bound).toBeLessThan(200);
  });
});
