/** The last finished run, kept across reloads so the results survive them. */
import { persistentAtom } from '@nanostores/persistent';
import type { RunSummary } from './model.ts';
import { STORAGE_PREFIX, tryPersist } from './storage.ts';
import { parseJson, toRunSummary } from './validate.ts';

/** The summary of the last completed run, or null. Corrupt storage reads as null. */
export const $lastRun = persistentAtom<RunSummary | null>(`${STORAGE_PREFIX}lastRun:v1`, null, {
  encode: (value) => (value === null ? undefined : JSON.stringify(value)),
  decode: (text) => toRunSummary(parseJson(text)),
});

/** Stores a finished run (or null to forget it). */
export function saveLastRun(summary: RunSummary | null): void {
  tryPersist(() => $lastRun.set(summary));
}
