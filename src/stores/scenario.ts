/** The settings the reader has made with the controls (or a deep link), and the run size. */
import { atom } from 'nanostores';
import { defaultSettings } from '../engine/lab';
import { $lesson } from './lesson';
import type { RunSize, Scenario } from './model';

/** Control id → value; the lesson's scenario as written until the reader changes something. */
export const $scenario = atom<Scenario>({});

$lesson.subscribe((lesson) => $scenario.set(lesson ? defaultSettings(lesson.controls) : {}));

/** How many connections the next run sends. */
export const $runSize = atom<RunSize>(1_000);

/** The lesson's own settings (every control at its default). */
export function lessonDefaults(): Scenario {
  const lesson = $lesson.get();
  return lesson ? defaultSettings(lesson.controls) : {};
}

/** Sets one control; a no-op when unchanged so listeners do not re-run for nothing. */
export function setSetting(id: string, value: string): void {
  const current = $scenario.get();
  if (current[id] !== value) $scenario.set({ ...current, [id]: value });
}

/** Sets the run size for the next run. */
export function setRunSize(size: RunSize): void {
  $runSize.set(size);
}

/** True when two settings are the same. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
