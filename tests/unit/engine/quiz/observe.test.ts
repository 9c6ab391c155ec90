/** The four observables, measured from tallies and graded claim by claim. */
import { describe, expect, it } from 'vitest';
import type { Tally } from '@/engine/lab/evidence';
import type { Claim, ObservableSpec } from '@/engine/lab/spec';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest, measure, stickyGroups } from '@/engine/quiz/observe';

const t = (client: string, entry: string, end: string, source: string, count: number): Tally => ({
  client,
  entry,
  end,
  source,
  count,
});

function grade(observable: ObservableSpec, claims: readonly Claim[], tallies: readonly Tally[]) {
  const options = claims.map((claim, i) => ({ id: 'abcd'[i] as string, claim }));
  return gradeClaims(options, (claim) => claimTest(observable, claim, tallies));
}

describe('podShare', () => {
  const observable: ObservableSpec = { kind: 'podShare', pod: 'pod-2' };
  const claims: Claim[] = [
    { kind: 'share', value: 1 },
    { kind: 'share', value: 0.5 },
    { kind: 'share', value: 1 / 3 },
    { kind: 'none' },
  ];
  it('half the connections at pod-2 supports 50%', () => {
    const tallies = [t('c', 'node-2', 'pod-1', '192.168.10.12', 4980), t('c', 'node-2', 'pod-2', '10.244.2.1', 5020)];
    expect(measure(observable, tallies)).toEqual({ hits: 5020, trials: 10000 });
    expect(grade(observable, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'b' });
  });
  it('every connection dropped supports "none of these"', () => {
    expect(grade(observable, claims, [t('c', 'node-3', 'timedOut', '', 1000)]).verdict).toEqual({
      kind: 'decided',
      correct: 'd',
    });
  });
});

describe('sourceAddress', () => {
  const observable: ObservableSpec = { kind: 'sourceAddress', pod: 'pod-2' };
  const claims: Claim[] = [
    { kind: 'source', address: '192.168.10.100' },
    { kind: 'source', address: '10.244.2.1' },
    { kind: 'source', address: '192.168.10.12' },
    { kind: 'none' },
  ];
  it('only the connections the named pod served count', () => {
    const tallies = [t('c', 'node-2', 'pod-1', '192.168.10.12', 500), t('c', 'node-2', 'pod-2', '10.244.2.1', 500)];
    expect(grade(observable, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'b' });
    expect(measure(observable, tallies)).toEqual({ hits: 500, trials: 500 });
  });
  it('the client address kept (ETP Local) supports the client claim', () => {
    expect(grade(observable, claims, [t('c', 'node-2', 'pod-2', '192.168.10.100', 1000)]).verdict).toEqual({
      kind: 'decided',
      correct: 'a',
    });
  });
  it('a mixture fits no "always" claim, and a claimed share can fit it', () => {
    const any: ObservableSpec = { kind: 'sourceAddress' };
    const tallies = [t('c', 'node-2', 'pod-1', '192.168.10.12', 500), t('c', 'node-2', 'pod-2', '10.244.2.1', 500)];
    expect(grade(any, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'd' });
    const half: Claim[] = [{ kind: 'source', address: '192.168.10.12', share: 0.5 }, { kind: 'none' }];
    expect(grade(any, half, tallies).verdict).toEqual({ kind: 'decided', correct: 'a' });
  });
  it('a pod that served nothing gives no evidence for any address', () => {
    const g = grade(observable, claims, [t('c', 'node-1', 'pod-1', '192.168.10.11', 1000)]);
    expect(g.fits).toEqual({});
    expect(g.verdict).toEqual({ kind: 'decided', correct: 'd' });
  });
});

describe('clientExperience', () => {
  const observable: ObservableSpec = { kind: 'clientExperience' };
  const claims: Claim[] = [
    { kind: 'experience', outcome: 'served' },
    { kind: 'experience', outcome: 'refused' },
    { kind: 'experience', outcome: 'timedOut' },
    { kind: 'none' },
  ];
  it('DROP is a time-out, REJECT a refusal, a pod a service', () => {
    expect(grade(observable, claims, [t('c', 'node-3', 'timedOut', '', 1000)]).verdict).toEqual({
      kind: 'decided',
      correct: 'c',
    });
    expect(grade(observable, claims, [t('c', 'node-3', 'refused', '', 1000)]).verdict).toEqual({
      kind: 'decided',
      correct: 'b',
    });
    expect(grade(observable, claims, [t('c', 'node-2', 'pod-2', '1.2.3.4', 1000)]).verdict).toEqual({
      kind: 'decided',
      correct: 'a',
    });
  });
  it('half served, half timed out fits a claimed share only', () => {
    const tallies = [t('c', 'node-1', 'timedOut', '', 500), t('c', 'node-2', 'pod-2', '1.2.3.4', 500)];
    expect(grade(observable, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'd' });
    const half: Claim[] = [{ kind: 'experience', outcome: 'timedOut', share: 0.5 }, { kind: 'none' }];
    expect(grade(observable, half, tallies).verdict).toEqual({ kind: 'decided', correct: 'a' });
    expect(measure(observable, tallies)).toEqual({ hits: 500, trials: 1000 });
  });
});

describe('stickiness', () => {
  const observable: ObservableSpec = { kind: 'stickiness' };
  const claims: Claim[] = [{ kind: 'share', value: 1 }, { kind: 'share', value: 0.5 }, { kind: 'none' }];
  it('each client sticking to one pod (not the same pod) supports "always"', () => {
    const tallies = [t('alice', 'node-1', 'pod-1', 'x', 500), t('bob', 'node-1', 'pod-2', 'x', 500)];
    expect(stickyGroups(tallies).map((g) => `${g.client}@${g.entry}:${g.pod}=${g.top}/${g.total}`)).toEqual([
      'alice@node-1:pod-1=500/500',
      'bob@node-1:pod-2=500/500',
    ]);
    expect(grade(observable, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'a' });
  });
  it('a client spread evenly supports 50%', () => {
    const tallies = [t('alice', 'node-1', 'pod-1', 'x', 2510), t('alice', 'node-1', 'pod-2', 'x', 2490)];
    expect(grade(observable, claims, tallies).verdict).toEqual({ kind: 'decided', correct: 'b' });
  });
  it('the same client through two entry nodes is two groups', () => {
    const tallies = [t('alice', 'node-1', 'pod-1', 'x', 100), t('alice', 'node-2', 'pod-2', 'x', 100)];
    expect(stickyGroups(tallies)).toHaveLength(2);
    expect(measure(observable, tallies)).toEqual({ hits: 200, trials: 200 });
  });
  it('dropped connections count against stickiness', () => {
    const tallies = [t('alice', 'node-1', 'pod-1', 'x', 500), t('alice', 'node-1', 'timedOut', '', 500)];
    expect(measure(observable, tallies)).toEqual({ hits: 500, trials: 1000 });
  });
});

describe('claims that do not fit the observable', () => {
  it('are not tested', () => {
    expect(claimTest({ kind: 'podShare', pod: 'p' }, { kind: 'experience', outcome: 'served' }, [])).toBeNull();
    expect(claimTest({ kind: 'clientExperience' }, { kind: 'share', value: 1 }, [])).toBeNull();
  });
});
