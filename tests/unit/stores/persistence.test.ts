/**
 * The answer and the last run survive a reload through @nanostores/persistent, and storage
 * someone else wrote (an old version, an extension, devtools) falls back to the defaults.
 */
import { cleanStores } from 'nanostores';
import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/stores/model.ts';

const summary: RunSummary = {
  scenario: { policy: 'Local', node: 3 },
  seed: 7,
  total: 1000,
  counts: { 'pod-1': 0, 'pod-2': 0, dropped: 1000 },
  exact: { 'pod-1': 0, 'pod-2': 0, dropped: 1 },
  counters: { 'node-3': [1000, 0, 0] },
};

beforeAll(() => useTestStorageEngine());

afterEach(() => {
  cleanTestStorage();
  vi.resetModules();
});

/** Fresh store modules, as after a page load, with storage as it is now. */
async function load() {
  const answer = await import('../../../src/stores/answer.ts');
  const lastRun = await import('../../../src/stores/lastRun.ts');
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
    expect(getTestStorage()['bounce:quiz:answer']).toBe('d');
    cleanStores(first.$answer, first.$lastRun);
    vi.resetModules();
    const second = await load();
    expect(second.$answer.get()).toBe('d');
    expect(second.$lastRun.get()).toEqual(summary);
  });

  it.each([
    ['answer', 'bounce:quiz:answer', 'zzz'],
    ['answer', 'bounce:quiz:answer', '<script>'],
    ['last run', 'bounce:quiz:lastRun:v1', '{"scenario":'],
    ['last run', 'bounce:quiz:lastRun:v1', '{"scenario":{"policy":"Local","node":9}}'],
    ['last run', 'bounce:quiz:lastRun:v1', 'null'],
  ])('fall back to nothing when the stored %s is corrupt (%s = %s)', async (_, key, value) => {
    setTestStorageKey(key, value);
    const { $answer, $lastRun } = await load();
    // Mounting re-reads storage (restore); it must not throw either.
    const stop = [$answer.listen(() => {}), $lastRun.listen(() => {})];
    expect($answer.get()).toBeNull();
    expect($lastRun.get()).toBeNull();
    for (const s of stop) s();
  });

  it('clearing the last run removes it from storage', async () => {
    const { saveLastRun } = await load();
    saveLastRun(summary);
    saveLastRun(null);
    expect(getTestStorage()['bounce:quiz:lastRun:v1']).toBeUndefined();
  });
});
