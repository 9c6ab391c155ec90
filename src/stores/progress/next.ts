/**
 * Which challenge a reader should do next: the first one, in the site's order, that no graded
 * run has answered right yet. Pure, so the home page island and the tests share it.
 */
import type { Progress } from './data';

/** True once a graded run in this browser has found the reader's answer right. */
export function isSolved(progress: Progress, slug: string): boolean {
  return progress.challenges[slug]?.best?.right === true;
}

/** The first of `ordered` (slugs in challenge order) not solved yet; undefined when all are. */
export function nextUnsolved(progress: Progress, ordered: readonly string[]): string | undefined {
  return ordered.find((slug) => !isSolved(progress, slug));
}
