/**
 * The answer and the last run survive a reload through @nanostores/persistent, and storage
 * someone else wrote (an old version, an extension, devtools) falls back to the defaults.
 */
import { cleanStores } from 'nanostores';
import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bounceLesson } from './bounceLesson';
import type { RunSummary } from '../../../src/stores/model';

const summary: RunSummary = {
  scenario: { policy: 'Local', node: 'node-3' },
  seed: 7,
  total: 1000,
  counts: { 'pod-1': 0, 'pod-2': 0, timedOut: 1000 },
  exact: { 'pod-1': 0, 'pod-2': 0, timedOut: 1 },
  tallies: [{ client: 'client', entry: 'node-3', end: 'timedOut', source: '', count: 1000 }],
  counters: { 'node-3': [1000, 0, 0] },
};

beforeAll(() => useTestStorageEngine());

afterEach(() => {
  cleanTestStorage();
  vi.resetModules();
});

/** Fresh store modules, as after a page load, with storage as it is now. */
async function load() {
  (await import('../../../src/stores/lesson')).setLesson(bounceLesson());
  const answer = await import('../../../src/stores/answer');
  const lastRun = await import('../../../src/stores/lastRun');
  return { ...answer, ...lastRun };
}

describe('persisted answer and last run', () => {
  it('start empty', async () => {
    const { $answer, $lastRun } = await load();
    expect($answer.get()).toBeNull();
    expect($lastRun.get()).toBeNull();
  });

  it('write to storage and read back after a "reload"', async () => {
    const first = await load();
    first.chooseAnswer('d');
    first.saveLastRun(summary);
    expect(getTestStorage()['bounce:lesson:bounce:answer']).toBe('d');
    cleanStores(first.$answer, first.$lastRun);
    vi.resetModules();
    const second = await load();
    expect(second.$answer.get()).toBe('d');
    expect(second.$lastRun.get()).toEqual(summary);
  });

  it.each([
    ['answer', 'bounce:lesson:bounce:answer', 'zzz'],
    ['answer', 'bounce:lesson:bounce:answer', '<script>'],
    ['last run', 'bounce:lesson:bounce:lastRun:v2', '{"scenario":'],
    ['last run', 'bounce:lesson:bounce:lastRun:v2', '{"scenario":{"policy":"Local","node":9}}'],
    ['last run', 'bounce:lesson:bounce:lastRun:v2', 'null'],
    ['last run', 'bounce:lesson:bounce:lastRun:v2', JSON.stringify({ ...summary, counts: { 'pod-9': 1000 } })],
    [
      'last run',
      'bounce:lesson:bounce:lastRun:v2',
      JSON.stringify({ ...summary, scenario: { policy: 'Local', node: 'node-7' } }),
    ],
    [
      'last run',
      'bounce:lesson:bounce:lastRun:v2',
      JSON.stringify({ ...summary, counts: { 'pod-1': 10, timedOut: 1000 } }),
    ],
  ])('fall back to nothing when the stored %s is corrupt (%s = %s)', async (_, key, value) => {
    setTestStorageKey(key, value);
    const { $answer, $lastRun } = await load();
    // Mounting re-reads storage (restore); it must not throw either.
    const stop = [$answer.listen(() => {}), $lastRun.listen(() => {})];
    expect($answer.get()).toBeNull();
    expect($lastRun.get()).toBeNull();
    for (const s of stop) s();
  });

  it('a stored run naming a pod the lesson does not have is discarded with a notice, never graded', async () => {
    setTestStorageKey('bounce:lesson:bounce:lastRun:v2', JSON.stringify({ ...summary, counts: { 'pod-9': 1000 } }));
    const { $lastRun } = await load();
    const { $discardedRun } = await import('../../../src/stores/notices');
    expect($lastRun.get()).toBeNull();
    expect($discardedRun.get()).toBe(true);
    expect(getTestStorage()['bounce:lesson:bounce:lastRun:v2']).toBeUndefined();
  });

  it('keys are per lesson: another lesson does not see this one’s answer', async () => {
    const first = await load();
    first.chooseAnswer('c');
    const lesson = await import('../../../src/stores/lesson');
    lesson.setLesson({ ...bounceLesson(), slug: 'other' });
    expect(first.$answer.get()).toBeNull();
    lesson.setLesson(bounceLesson());
    expect(first.$answer.get()).toBe('c');
  });

  it('clearing the last run removes it from storage', async () => {
    const { saveLastRun } = await load();
    saveLastRun(summary);
    saveLastRun(null);
    expect(getTestStorage()['bounce:lesson:bounce:lastRun:v2']).toBeUndefined();
  });
});
