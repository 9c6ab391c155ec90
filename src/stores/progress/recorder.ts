/**
 * Connects the quiz to the progress store: every graded pick on a lesson page is recorded
 * for that lesson. Read-only towards the quiz's stores; started by the lesson's hints island,
 * which hydrates next to the quiz, so the lesson page ships no extra eager script for it.
 */
import { $graded, type GradedRun } from '../grade.ts';
import { recordGraded } from './progress.ts';

const recording = new Set<string>();

/** "seed:size:policy:node": the same run replayed has the same fingerprint. */
export function runFingerprint(graded: GradedRun): string {
  const { seed, total, scenario } = graded.run;
  return `${seed}:${total}:${scenario.policy}:${scenario.node}`;
}

/** Records the pick of a graded run, if the run decided and the reader had picked. */
export function recordFrom(slug: string, graded: GradedRun | null): void {
  if (!graded || graded.picked === null || (graded.verdict !== 'correct' && graded.verdict !== 'wrong')) return;
  recordGraded(slug, {
    run: runFingerprint(graded),
    answer: graded.picked,
    right: graded.verdict === 'correct',
    total: graded.run.total,
  });
}

/** Starts recording for `slug` (once per page); the current grade counts too. */
export function startRecording(slug: string): void {
  if (recording.has(slug)) return;
  recording.add(slug);
  $graded.subscribe((graded) => recordFrom(slug, graded));
}
