/** Polite notices for the reader, such as deep-link values the page ignored. */
import { atom } from 'nanostores';
import type { DeepLinkProblem } from './deepLink.ts';

/** Deep-link parameters that were ignored, for the quiz's polite live region. */
export const $linkProblems = atom<readonly DeepLinkProblem[]>([]);

/** Clears the notices once the reader has dismissed them. */
export function dismissLinkProblems(): void {
  $linkProblems.set([]);
}
