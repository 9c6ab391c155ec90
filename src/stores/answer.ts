/** The reader's chosen answer, kept per lesson across reloads. */
import type { OptionId } from './model.ts';
import { lessonValue } from './storage.ts';
import { toAnswer } from './validate.ts';

const stored = lessonValue<OptionId | null>('answer', null, (text) => toAnswer(text) ?? undefined, (v) => v ?? undefined);

/** The option the reader picked, or null before they pick one. Invalid storage reads as null. */
export const $answer = stored.store;

/** Records the reader's choice (and, once there is a run, progress: see progress/record.ts). */
export function chooseAnswer(id: OptionId): void {
  if ($answer.get() === id) return;
  stored.save(id);
  void import('./progress/record.ts').then((m) => m.recordCurrent());
}

/** Forgets the choice (tests, a reset). */
export function clearAnswer(): void {
  stored.save(null);
}
