/** The lesson's options as the quiz island received them from the content collection. */
import { atom } from 'nanostores';
import type { Claim } from '../engine/quiz/grade.ts';
import type { OptionId } from './model.ts';

/** One answer: its id, its text in the page's language, and the claim it makes about the share. */
export interface QuizOption {
  readonly id: OptionId;
  readonly text: string;
  readonly claim: Claim;
}

/** The options of the lesson on this page; empty until the quiz island mounts. */
export const $options = atom<readonly QuizOption[]>([]);

/** Called by the quiz island with the options from the lesson's frontmatter. */
export function setOptions(options: readonly QuizOption[]): void {
  const current = $options.get();
  const same =
    current.length === options.length &&
    current.every(
      (o, i) =>
        o.id === options[i]?.id && o.text === options[i]?.text && JSON.stringify(o.claim) === JSON.stringify(options[i]?.claim),
    );
  if (!same) $options.set(options);
}
