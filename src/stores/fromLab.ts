/** Stores the lesson's lab (the engine chunk) computes from other stores, loaded on demand. */
import type { ReadableAtom, Store, StoreValue } from 'nanostores';
import { lazyComputed, type Loaded } from './lazyComputed';
import { loadLab } from './lab/load';
import type { Lab } from './lab/types';

export type { Loaded } from './lazyComputed';

type Values<S extends readonly Store[]> = { -readonly [I in keyof S]: StoreValue<S[I]> };

/** A lazily computed store over `inputs`; `compute` runs with the loaded lab. */
export function fromLab<T, S extends readonly Store[]>(
  inputs: readonly [...S],
  compute: (lab: Lab, ...values: Values<S>) => T,
): ReadableAtom<Loaded<T>> {
  return lazyComputed(loadLab, inputs, compute);
}
