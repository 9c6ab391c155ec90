/** Loads a module-provided value (a component) the first time `wanted` is true. */
import { useEffect, useState } from 'preact/hooks';

/** The loaded value, or null until `wanted` has been true and the import has finished. */
export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | null {
  const [value, setValue] = useState<{ current: T } | null>(null);
  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    load().then(
      (loaded) => live && setValue({ current: loaded }),
      () => undefined, // a failed chunk leaves the placeholder; the next run tries again
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return value?.current ?? null;
}
