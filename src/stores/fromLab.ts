/**
 * A store whose value the engine computes from other stores, loaded on demand: nothing is
 * imported or computed until an island subscribes, and an answer that arrives after its
 * inputs changed again is dropped instead of overwriting the newer one.
 */
import { atom, onMount, type ReadableAtom, type Store, type StoreValue } from 'nanostores';
import { loadLab } from './lab/load.ts';
import type { Lab } from './lab/types.ts';

/** The value, or why there is none yet. */
export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly message: string };

type Values<S extends readonly Store[]> = { -readonly [I in keyof S]: StoreValue<S[I]> };

/** A lazily computed store over `inputs`; `compute` runs with the loaded lab. */
export function fromLab<T, S extends readonly Store[]>(
  inputs: readonly [...S],
  compute: (lab: Lab, ...values: Values<S>) => T,
): ReadableAtom<Loaded<T>> {
  const $out = atom<Loaded<T>>({ state: 'loading' });
  let generation = 0;
  const refresh = (): void => {
    const mine = ++generation;
    const values = inputs.map((s) => s.get()) as Values<S>;
    loadLab().then(
      (lab) => {
        if (mine !== generation) return;
        try {
          $out.set({ state: 'ready', value: compute(lab, ...values) });
        } catch (error) {
          $out.set({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
      (error: unknown) => {
        if (mine === generation) $out.set({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  onMount($out, () => {
    refresh();
    const stops = inputs.map((s) => s.listen(refresh));
    return () => {
      generation++;
      for (const stop of stops) stop();
    };
  });
  return $out;
}
