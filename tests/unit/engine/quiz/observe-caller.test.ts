/** The callerShare observable: connections that came back to the pod that opened them. */
import { describe, expect, it } from 'vitest';
import type { Tally } from '@/engine/lab/evidence';
import type { Claim, ObservableSpec } from '@/engine/lab/spec';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest, measure } from '@/engine/quiz/observe';

const t = (caller: string | undefined, end: string, source: string, count: number): Tally =>
  caller === undefined
    ? { client: 'c', entry: 'node-1', end, source, count }
    : { client: caller, entry: 'node-1', end, source, count, caller };

const observable: ObservableSpec = { kind: 'callerShare' };
const claims: Claim[] = [
  { kind: 'share', value: 0 },
  { kind: 'source', address: '10.244.1.2', share: 0.5 },
  { kind: 'source', address: '10.244.1.1', share: 0.5 },
  { kind: 'none' },
];
const grade = (tallies: readonly Tally[]) =>
  gradeClaims(
    claims.map((claim, i) => ({ id: 'abcd'[i] as string, claim })),
    (claim) => claimTest(observable, claim, tallies),
  ).verdict;

describe('callerShare', () => {
  it('counts, out of every connection, those the caller served itself', () => {
    const tallies = [t('pod-1', 'pod-1', '10.244.1.1', 510), t('pod-1', 'pod-2', '10.244.1.2', 490)];
    expect(measure(observable, tallies)).toEqual({ hits: 510, trials: 1000 });
    expect(grade(tallies)).toEqual({ kind: 'decided', correct: 'c' });
  });

  it('a source claim needs the address seen on the connections that came back, not elsewhere', () => {
    // Half come back unmasqueraded (seen from the caller's own address): b, not c.
    expect(grade([t('pod-1', 'pod-1', '10.244.1.2', 500), t('pod-1', 'pod-2', '10.244.1.2', 500)])).toEqual({
      kind: 'decided',
      correct: 'b',
    });
  });

  it('never coming back supports "never"; always coming back fits no half claim', () => {
    expect(grade([t('pod-1', 'pod-2', '10.244.1.2', 1000)])).toEqual({ kind: 'decided', correct: 'a' });
    expect(grade([t('pod-1', 'pod-1', '10.244.1.1', 1000)])).toEqual({ kind: 'decided', correct: 'd' });
  });

  it('an outside client is never its own server, and failed connections count as not back', () => {
    const tallies = [t(undefined, 'pod-1', '192.168.10.11', 600), t('pod-1', 'timedOut', '', 400)];
    expect(measure(observable, tallies)).toEqual({ hits: 0, trials: 1000 });
  });
});
