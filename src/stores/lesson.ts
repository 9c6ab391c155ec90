/**
 * The lesson on this page: its LabConfig (scenario, controls, traffic, observable, options),
 * which the page embeds as JSON (LiveLesson.astro) so every island and store reads the same
 * lesson whichever hydrates first. Tests call setLesson().
 */
import { atom } from 'nanostores';
import type { LabConfig, LabOption } from '../engine/lab/config';

/** The id of the element that carries the lesson's LabConfig as JSON. */
export const LAB_CONFIG_ID = 'lab-config';

/** One answer as the quiz shows it. */
export type QuizOption = LabOption;

function fromPage(): LabConfig | null {
  if (typeof document === 'undefined') return null;
  const text = document.getElementById(LAB_CONFIG_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as LabConfig;
  } catch {
    return null;
  }
}

/** The lesson of this page, or null where there is none (the server, other pages). */
export const $lesson = atom<LabConfig | null>(fromPage());

/** Sets the lesson (tests, or a page that embeds none); a no-op for the same slug and data. */
export function setLesson(config: LabConfig): void {
  const current = $lesson.get();
  if (current !== config && JSON.stringify(current) !== JSON.stringify(config)) $lesson.set(config);
}
