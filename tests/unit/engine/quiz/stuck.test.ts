/** `stuck` claims on the stickiness observable: the share of groups served by one single pod. */
import { describe, expect, it } from 'vitest';
import type { Tally } from '@/engine/lab/evidence';
import type { Claim, ObservableSpec } from '@/engine/lab/spec';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest, stickyGroups } from '@/engine/quiz/observe';
import { claimSchema } from '@/lessons/labSchema';

const t = (client: string, entry: string, end: string, count: number): Tally => ({
  client,
  entry,
  end,
  source: '',
  count,
});
const observable: ObservableSpec = { kind: 'stickiness' };
// "One pod, whichever node" / "one pod per node, the nodes choose apart" / "spread".
const claims: Claim[] = [
  { kind: 'stuck', per: 'client', share: 1 },
  { kind: 'stuck', per: 'client', share: 0.5 },
  { kind: 'stuck', per: 'clientEntry', share: 0 },
  { kind: 'none' },
];

function grade(tallies: readonly Tally[]) {
  return gradeClaims(
    claims.map((claim, i) => ({ id: 'abcd'[i] as string, claim })),
    (claim) => claimTest(observable, claim, tallies),
  );
}

// Sixteen clients: with fewer than 11 groups even 0 of n or n of n cannot rule out one half at
// 99.9% (Wilson), so "all stuck" and "none stuck" would both also fit b's 0.5.
const CLIENTS = 16;

/** Sixteen clients through node-1 and node-2, each pair stuck; `apart` of them split between pods. */
function perNode(apart: number): Tally[] {
  return Array.from({ length: CLIENTS }, (_, i) => [
    t(`c${i}`, 'node-1', 'pod-1', 50),
    t(`c${i}`, 'node-2', i < apart ? 'pod-2' : 'pod-1', 50),
  ]).flat();
}

describe('stuck claims', () => {
  it('groups per client pool every entry node', () => {
    const groups = stickyGroups(perNode(3), 'client');
    expect(groups).toHaveLength(CLIENTS);
    expect(groups[0]).toEqual({ client: 'c0', entry: '', total: 100, pod: 'pod-1', top: 50 });
    expect(stickyGroups(perNode(3))).toHaveLength(2 * CLIENTS);
  });

  it('per-node affinity with the nodes choosing apart for about half the clients: b', () => {
    expect(claimTest(observable, claims[1] as Claim, perNode(8))).toEqual({ hits: 8, trials: CLIENTS, value: 0.5 });
    expect(grade(perNode(8)).verdict).toEqual({ kind: 'decided', correct: 'b' });
    expect(grade(perNode(3)).verdict).toEqual({ kind: 'decided', correct: 'b' });
    expect(grade(perNode(13)).verdict).toEqual({ kind: 'decided', correct: 'b' });
  });

  it('every client with one pod, whichever node: a', () => {
    expect(grade(perNode(0)).verdict).toEqual({ kind: 'decided', correct: 'a' });
    const single = Array.from({ length: CLIENTS }, (_, i) => t(`c${i}`, 'node-2', i % 2 ? 'pod-1' : 'pod-2', 100));
    expect(grade(single).verdict).toEqual({ kind: 'decided', correct: 'a' });
  });

  it('no affinity: no client and no client-node pair stays with one pod: c', () => {
    const spread = Array.from({ length: CLIENTS }, (_, i) =>
      ['node-1', 'node-2'].flatMap((n) => [t(`c${i}`, n, 'pod-1', 26), t(`c${i}`, n, 'pod-2', 24)]),
    ).flat();
    expect(grade(spread).verdict).toEqual({ kind: 'decided', correct: 'c' });
  });

  it('a failed connection unsticks its group', () => {
    const tallies = [t('c0', 'node-2', 'pod-2', 99), t('c0', 'node-2', 'timedOut', 1)];
    expect(claimTest(observable, claims[0] as Claim, tallies)).toEqual({ hits: 0, trials: 1, value: 1 });
  });

  it('applies to stickiness only', () => {
    expect(claimTest({ kind: 'podShare', pod: 'pod-1' }, claims[0] as Claim, perNode(1))).toBeNull();
  });

  it('the schema names a bad grouping', () => {
    const bad = claimSchema.safeParse({ kind: 'stuck', per: 'node', share: 1 });
    expect(bad.success).toBe(false);
    expect(claimSchema.parse({ kind: 'stuck', per: 'client', share: 0.5 })).toEqual({
      kind: 'stuck',
      per: 'client',
      share: 0.5,
    });
  });
});
