/**
 * The reader's progress across challenges, kept in this browser's localStorage and nowhere
 * else: answered challenges, whether the first answer was right, the best run, and hints
 * opened. Other tabs see changes as they happen.
 */
import { persistentAtom } from '@nanostores/persistent';
import { tryPersist } from '../storage';
import { decodeProgress, emptyProgress, isBetterRun, untouched, type ChallengeProgress, type Progress } from './data';
import type { OptionId } from '../model';

/** The localStorage key. The version is in the key, so a new shape starts clean. */
export const PROGRESS_KEY = 'bounce:progress:v1';

/** All progress; malformed storage reads as none (see data.ts). */
export const $progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress, {
  encode: (value) => JSON.stringify(value),
  decode: decodeProgress,
});

/** One challenge's progress (untouched when there is none). */
export function progressOf(progress: Progress, slug: string): ChallengeProgress {
  return progress.challenges[slug] ?? untouched;
}

function update(slug: string, change: (entry: ChallengeProgress) => ChallengeProgress, seen?: string): void {
  const progress = $progress.get();
  const next: Progress = {
    challenges: { ...progress.challenges, [slug]: change(progressOf(progress, slug)) },
    seen: seen === undefined ? progress.seen : { ...progress.seen, [slug]: seen },
  };
  tryPersist(() => $progress.set(next));
}

/** Records that the reader has opened `count` hints of a challenge (never fewer than before). */
export function recordHints(slug: string, count: number): void {
  if (count <= progressOf($progress.get(), slug).hints) return;
  update(slug, (entry) => ({ ...entry, hints: count }));
}

/** A graded pick, as the recorder reports it. */
export interface GradedPick {
  /** Identifies the run (seed, size, scenario), so the same run is counted once. */
  readonly run: string;
  readonly answer: OptionId;
  readonly right: boolean;
  readonly total: number;
}

/**
 * Records a graded pick: the first one becomes the first answer, the best run is kept, and
 * each run is counted once. The same (run, pick) twice in a row is one event (a reload, a
 * second tab), and so is the one still on screen after a reset.
 */
export function recordGraded(slug: string, pick: GradedPick): void {
  const mark = `${pick.run}|${pick.answer}`;
  const progress = $progress.get();
  if (progress.seen[slug] === mark) return;
  const previousRun = progress.seen[slug]?.split('|')[0];
  update(
    slug,
    (entry) => {
      const candidate = { total: pick.total, right: pick.right };
      return {
        ...entry,
        first: entry.first ?? { answer: pick.answer, right: pick.right },
        best: isBetterRun(candidate, entry.best) ? candidate : entry.best,
        runs: previousRun === pick.run ? entry.runs : entry.runs + 1,
      };
    },
    mark,
  );
}

/** Forgets every challenge's progress (what was last seen is kept; see Progress.seen). */
export function resetProgress(): void {
  tryPersist(() => $progress.set({ challenges: {}, seen: $progress.get().seen }));
}
