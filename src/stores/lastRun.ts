/**
 * The last finished run, kept per lesson across reloads so the results survive them. A stored
 * run that does not fit the lesson (a pod or node it does not have, counts that do not add
 * up) is discarded with a notice, never graded.
 */
import type { RunSummary } from './model';
import { $discardedRun } from './notices';
import { lessonValue } from './storage';
import { parseJson, toRunSummary } from './validate';

const stored = lessonValue<RunSummary | null>(
  'lastRun:v2',
  null,
  (text, lesson) => toRunSummary(parseJson(text), lesson) ?? undefined,
  (value) => (value === null ? undefined : JSON.stringify(value)),
  () => $discardedRun.set(true),
);

/** The summary of the last completed run, or null. */
export const $lastRun = stored.store;

/** Stores a finished run (or null to forget it). */
export function saveLastRun(summary: RunSummary | null): void {
  stored.save(summary);
}
