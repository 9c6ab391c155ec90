/** Polite notices for the reader: deep-link values the page ignored, a stored run it discarded. */
import { atom } from 'nanostores';
import type { DeepLinkProblem } from './deepLink';

/** Deep-link parameters that were ignored, for the quiz's polite live region. */
export const $linkProblems = atom<readonly DeepLinkProblem[]>([]);

/** True when a stored last run did not fit the lesson and was discarded, not graded. */
export const $discardedRun = atom(false);

/** Clears the notices once the reader has dismissed them. */
export function dismissLinkProblems(): void {
  $linkProblems.set([]);
  $discardedRun.set(false);
}
