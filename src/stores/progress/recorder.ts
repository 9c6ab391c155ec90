/** Turns a graded run into a progress record for one lesson (see record.ts for when). */
import type { GradedRun } from '../grade';
import { recordGraded } from './progress';

/** "seed:size:setting=value,…": the same run replayed has the same fingerprint. */
export function runFingerprint(graded: GradedRun): string {
  const { seed, total, scenario } = graded.run;
  const settings = Object.keys(scenario)
    .sort()
    .map((k) => `${k}=${scenario[k] ?? ''}`)
    .join(',');
  return `${seed}:${total}:${settings}`.slice(0, 160);
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
