/**
 * The grade, derived from the last run: the engine's evidence-based grader decides which
 * option the observed share supports; comparing that with the reader's pick gives the
 * verdict. Nothing here knows the answer in advance.
 */
import { computed } from 'nanostores';
import { gradeRun, type Claim, type Grade } from '../engine/quiz/grade.ts';
import { wilsonInterval, type Interval } from '../engine/stats/wilson.ts';
import { $answer } from './answer.ts';
import { $lastRun } from './lastRun.ts';
import { $options } from './lesson.ts';
import { TARGET_POD, type OptionId, type RunSummary } from './model.ts';

/** How the reader did. */
export type Verdict = 'correct' | 'wrong' | 'inconclusive' | 'unanswered';

/** The grade of the last run plus the reader's side of it. */
export interface GradedRun {
  readonly run: RunSummary;
  readonly grade: Grade;
  readonly picked: OptionId | null;
  readonly verdict: Verdict;
  /** The supported option when the run decided one. */
  readonly correct: OptionId | null;
  /** The observable's measure: observed share and its interval. */
  readonly share: number;
  readonly interval: Interval;
}

/** Grades a summary against the options; null when there is nothing to grade. */
export function gradeSummary(
  run: RunSummary | null,
  options: readonly { readonly id: OptionId; readonly claim: Claim }[],
  picked: OptionId | null,
): GradedRun | null {
  if (!run || options.length === 0 || run.total <= 0) return null;
  const hits = run.counts[TARGET_POD] ?? 0;
  const grade = gradeRun(options, { hits, trials: run.total });
  const { verdict: decision } = grade;
  const correct = decision.kind === 'decided' ? (options.find((o) => o.id === decision.correct)?.id ?? null) : null;
  const verdict: Verdict =
    correct === null ? 'inconclusive' : picked === null ? 'unanswered' : picked === correct ? 'correct' : 'wrong';
  return { run, grade, picked, verdict, correct, share: hits / run.total, interval: wilsonInterval(hits, run.total, grade.confidence) };
}

/** The graded last run, or null before any run. */
export const $graded = computed([$lastRun, $options, $answer], (run, options, picked) => gradeSummary(run, options, picked));
