import { beforeEach, describe, expect, it } from 'vitest';
import { decodeProgress, emptyProgress, isBetterRun, toProgress } from '../../../src/stores/progress/data';
import { $progress, progressOf, recordGraded, recordHints, resetProgress } from '../../../src/stores/progress/progress';
import { recordFrom, runFingerprint } from '../../../src/stores/progress/recorder';

const pick = (run: string, answer: 'a' | 'b' | 'c' | 'd', right: boolean, total = 1000) => ({
  run,
  answer,
  right,
  total,
});

describe('progress storage is validated on read', () => {
  it('reads what it wrote', () => {
    const progress = {
      challenges: {
        bounce: { first: { answer: 'a', right: false }, best: { total: 10000, right: true }, runs: 3, hints: 2 },
      },
      seen: { bounce: '1:1000:Cluster:2|b' },
    };
    expect(decodeProgress(JSON.stringify(progress))).toEqual(progress);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
    ['no challenges', '{"seen":{}}'],
  ])('%s reads as no progress', (_, text) => {
    expect(decodeProgress(text)).toEqual(emptyProgress);
  });

  it('drops a malformed challenge entry and keeps the good ones', () => {
    const read = toProgress({
      challenges: {
        good: { first: null, best: null, runs: 0, hints: 1 },
        'Bad Slug': { first: null, best: null, runs: 0, hints: 0 },
        wrongAnswer: { first: { answer: 'e', right: true }, best: null, runs: 0, hints: 0 },
        'neg-runs': { first: null, best: null, runs: -1, hints: 0 },
        'many-hints': { first: null, best: null, runs: 0, hints: 1e9 },
        'zero-best': { first: null, best: { total: 0, right: true }, runs: 0, hints: 0 },
        'str-right': { first: { answer: 'a', right: 'yes' }, best: null, runs: 0, hints: 0 },
      },
      seen: { good: 'x', 'Bad Slug': 'y', other: 42, long: 'z'.repeat(201) },
    });
    expect(Object.keys(read.challenges)).toEqual(['good']);
    expect(read.seen).toEqual({ good: 'x' });
  });
});

describe('isBetterRun', () => {
  it('prefers right over wrong, then more connections', () => {
    expect(isBetterRun({ total: 1000, right: true }, null)).toBe(true);
    expect(isBetterRun({ total: 1000, right: true }, { total: 100000, right: false })).toBe(true);
    expect(isBetterRun({ total: 100000, right: false }, { total: 1000, right: true })).toBe(false);
    expect(isBetterRun({ total: 10000, right: true }, { total: 1000, right: true })).toBe(true);
    expect(isBetterRun({ total: 1000, right: true }, { total: 1000, right: true })).toBe(false);
  });
});

describe('recording', () => {
  beforeEach(() => $progress.set(emptyProgress));

  it('keeps the first answer, the best run and counts each run once', () => {
    recordGraded('bounce', pick('r1', 'a', false));
    recordGraded('bounce', pick('r1', 'b', true)); // same run, new pick: not a new run
    recordGraded('bounce', pick('r2', 'b', true, 100000));
    const entry = progressOf($progress.get(), 'bounce');
    expect(entry.first).toEqual({ answer: 'a', right: false });
    expect(entry.best).toEqual({ total: 100000, right: true });
    expect(entry.runs).toBe(2);
  });

  it('ignores the same graded pick seen twice (a reload)', () => {
    recordGraded('bounce', pick('r1', 'b', true));
    const before = $progress.get();
    recordGraded('bounce', pick('r1', 'b', true));
    expect($progress.get()).toBe(before);
  });

  it('never lowers the hint count', () => {
    recordHints('bounce', 2);
    recordHints('bounce', 1);
    expect(progressOf($progress.get(), 'bounce').hints).toBe(2);
  });

  it('reset forgets every challenge but not the run still on screen', () => {
    recordGraded('bounce', pick('r1', 'b', true));
    recordHints('bounce', 3);
    resetProgress();
    expect($progress.get().challenges).toEqual({});
    recordGraded('bounce', pick('r1', 'b', true)); // the quiz re-grades its stored run on the next visit
    expect($progress.get().challenges).toEqual({});
    recordGraded('bounce', pick('r1', 'c', false)); // a new pick after the reset is a new first answer
    expect(progressOf($progress.get(), 'bounce').first).toEqual({ answer: 'c', right: false });
  });

  it('keeps challenges apart', () => {
    recordGraded('one', pick('r1', 'a', true));
    recordGraded('two', pick('r1', 'b', false));
    expect(progressOf($progress.get(), 'one').first?.answer).toBe('a');
    expect(progressOf($progress.get(), 'two').first?.answer).toBe('b');
  });
});

describe('recordFrom (quiz grade → progress)', () => {
  beforeEach(() => $progress.set(emptyProgress));
  const run = {
    scenario: { policy: 'Cluster', node: 'node-2' },
    seed: 7,
    total: 10000,
    counts: {},
    exact: {},
    tallies: [],
    counters: {},
  } as const;
  const graded = (picked: 'a' | 'b' | null, verdict: 'correct' | 'wrong' | 'inconclusive' | 'unanswered') =>
    ({
      run,
      grade: {} as never,
      picked,
      verdict,
      correct: verdict === 'inconclusive' ? null : 'b',
      share: 0.5,
      interval: { low: 0.49, high: 0.51 },
      first: null,
    }) as const;

  it('records decided, picked grades with the run as fingerprint', () => {
    recordFrom('bounce', graded('a', 'wrong'));
    expect(progressOf($progress.get(), 'bounce')).toEqual({
      first: { answer: 'a', right: false },
      best: { total: 10000, right: false },
      runs: 1,
      hints: 0,
    });
    expect($progress.get().seen['bounce']).toBe(`${runFingerprint(graded('a', 'wrong'))}|a`);
    expect(runFingerprint(graded('a', 'wrong'))).toBe('7:10000:node=node-2,policy=Cluster');
  });

  it('records nothing for no grade, no pick or an undecided run', () => {
    recordFrom('bounce', null);
    recordFrom('bounce', graded(null, 'unanswered'));
    recordFrom('bounce', graded('a', 'inconclusive'));
    expect($progress.get()).toEqual(emptyProgress);
  });
});
