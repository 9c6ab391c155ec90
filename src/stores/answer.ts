/** The reader's chosen answer, kept across reloads. */
import { persistentAtom } from '@nanostores/persistent';
import type { OptionId } from './model.ts';
import { STORAGE_PREFIX, tryPersist } from './storage.ts';
import { toAnswer } from './validate.ts';

/** The option the reader picked, or null before they pick one. Invalid storage reads as null. */
export const $answer = persistentAtom<OptionId | null>(`${STORAGE_PREFIX}answer`, null, {
  encode: (value) => value ?? '',
  decode: (text) => toAnswer(text),
});

/** Records the reader's choice. */
export function chooseAnswer(id: OptionId): void {
  tryPersist(() => $answer.set(id));
}
