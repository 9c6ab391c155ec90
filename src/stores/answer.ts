/** The reader's chosen answer, kept per lesson across reloads. */
import type { OptionId } from './model';
import { lessonValue } from './storage';
import { toAnswer } from './validate';

const stored = lessonValue<OptionId | null>(
  'answer',
  null,
  (text) => toAnswer(text) ?? undefined,
  (v) => v ?? undefined,
);

/** The option the reader picked, or null before they pick one. Invalid storage reads as null. */
export const $answer = stored.store;

/** Records the reader's choice (and, once there is a run, progress: see progress/record.ts). */
export function chooseAnswer(id: OptionId): void {
  if ($answer.get() === id) return;
  stored.save(id);
  void import('./progress/record').then((m) => m.recordCurrent());
}

/** Forgets the choice (tests, a reset). */
export function clearAnswer(): void {
  stored.save(null);
}
