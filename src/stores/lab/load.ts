/** Loads the engine on first use; every caller shares one import. */
import type { Lab } from './types.ts';

let pending: Promise<Lab> | undefined;

/** The lab, imported lazily (a separate chunk): the first run or view that needs rules pays for it. */
export function loadLab(): Promise<Lab> {
  pending ??= import('./lab.ts')
    .then((m) => m.lab)
    .catch((error: unknown) => {
      pending = undefined; // a failed chunk download may succeed on the next try
      throw error;
    });
  return pending;
}
