/**
 * Records progress from the stores, whichever island the reader used: called when a run
 * finishes and when an answer is chosen, it grades the current run and records the pick for
 * the page's lesson. Loaded on demand, so the lesson page ships no eager script for it.
 */
import { $answer } from '../answer';
import { gradeSummary } from '../grade';
import { $lastRun } from '../lastRun';
import { $lesson } from '../lesson';
import { recordFrom } from './recorder';

/** Grades the current run and pick of the page's lesson and records them (a no-op without both). */
export function recordCurrent(): void {
  const lesson = $lesson.get();
  if (!lesson) return;
  recordFrom(lesson.slug, gradeSummary($lastRun.get(), lesson, $answer.get()));
}
