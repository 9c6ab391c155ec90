/** Loads the engine on first use; every caller shares one import, and one lab per lesson. */
import type { LabConfig } from '../../engine/lab/config';
import { $lesson } from '../lesson';
import type { Lab } from './types';

let cached: { readonly lesson: LabConfig; readonly lab: Promise<Lab> } | undefined;

/** The lab of the page's lesson, imported lazily (a separate chunk): the first run or view that needs rules pays for it. */
export function loadLab(): Promise<Lab> {
  const lesson = $lesson.get();
  if (!lesson) return Promise.reject(new Error('this page has no lesson lab'));
  if (cached?.lesson === lesson) return cached.lab;
  const lab = import('./lab')
    .then((m) => m.createLab(lesson))
    .catch((error: unknown) => {
      if (cached?.lab === lab) cached = undefined; // a failed chunk download may succeed on the next try
      throw error;
    });
  cached = { lesson, lab };
  return lab;
}
