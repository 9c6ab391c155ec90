/**
 * The grade, derived from the last run: the engine's evidence-based grader tests every
 * option's claim against the run's tallies for the lesson's observable; comparing the
 * supported option with the reader's pick gives the verdict. Nothing here knows the answer
 * in advance, nor which lesson it grades.
 */
import { computed } from 'nanostores';
import {
  claimTest,
  fillPlaceholders,
  gradeClaims,
  measure,
  valuesOf,
  viewOf,
  wilsonInterval,
  type Grade,
  type Interval,
  type LabConfig,
} from '../engine/lab';
import { $answer } from './answer';
import { $lastRun } from './lastRun';
import { $lesson } from './lesson';
import type { OptionId, RunSummary } from './model';
import { $progress, progressOf } from './progress/progress';

/** How the reader did; "unanswered" shows where connections went but no verdict. */
export type Verdict = 'correct' | 'wrong' | 'inconclusive' | 'unanswered';

/** The grade of the last run plus the reader's side of it. */
export interface GradedRun {
  readonly run: RunSummary;
  readonly grade: Grade;
  readonly picked: OptionId | null;
  readonly verdict: Verdict;
  /** The supported option when the run decided one (null while unanswered: nothing is revealed). */
  readonly correct: OptionId | null;
  /** The observable's headline measure: observed share and its interval. */
  readonly share: number;
  readonly interval: Interval;
  /** The first graded answer, when this pick is another one (a second try). */
  readonly first: { readonly answer: OptionId; readonly right: boolean } | null;
}

/** Grades a summary of `lesson`'s lab; null when there is nothing to grade. */
export function gradeSummary(
  run: RunSummary | null,
  lesson: LabConfig | null,
  picked: OptionId | null,
  first: { readonly answer: OptionId; readonly right: boolean } | null = null,
): GradedRun | null {
  if (!run || !lesson || run.total <= 0) return null;
  const values = valuesOf(lesson, run.scenario) ?? viewOf(lesson, run.scenario).values;
  const observable = lesson.spec.observable;
  const options = lesson.options.map((o) => ({
    id: o.id,
    claim: o.claim.kind === 'source' ? { ...o.claim, address: fillPlaceholders(o.claim.address, values) } : o.claim,
  }));
  const grade = gradeClaims(options, (claim) => claimTest(observable, claim, run.tallies));
  const { verdict: decision } = grade;
  const supported = decision.kind === 'decided' ? (options.find((o) => o.id === decision.correct)?.id ?? null) : null;
  const verdict: Verdict =
    picked === null ? 'unanswered' : supported === null ? 'inconclusive' : picked === supported ? 'correct' : 'wrong';
  const { hits, trials } = measure(observable, run.tallies);
  return {
    run,
    grade,
    picked,
    verdict,
    correct: picked === null ? null : supported,
    share: trials > 0 ? hits / trials : 0,
    interval: wilsonInterval(hits, trials, grade.confidence),
    first: first && picked !== null && first.answer !== picked ? first : null,
  };
}

/** The graded last run, or null before any run. */
export const $graded = computed([$lastRun, $lesson, $answer, $progress], (run, lesson, picked, progress) =>
  gradeSummary(run, lesson, picked, lesson ? progressOf(progress, lesson.slug).first : null),
);
