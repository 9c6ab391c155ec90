/**
 * The playground's engine and YAML modules, each imported on first use (separate chunks), and
 * stores computed from them: nothing is loaded until an island subscribes, and an answer
 * that arrives after its inputs changed again is dropped.
 */
import type { ReadableAtom, Store, StoreValue } from 'nanostores';
import { lazyComputed, type Loaded } from './lazyComputed';

type Engine = typeof import('../playground/engine');
type Yaml = typeof import('../playground/yaml');

let engine: Promise<Engine> | undefined;
let yaml: Promise<Yaml> | undefined;

/** The engine chunk (runs, rules, samples, comparison). */
export function loadPlaygroundEngine(): Promise<Engine> {
  engine ??= import('../playground/engine').catch((error: unknown) => {
    engine = undefined; // a failed chunk download may succeed on the next try
    throw error;
  });
  return engine;
}

/** The YAML chunk (import and export of manifests), loaded when the reader asks for it. */
export function loadPlaygroundYaml(): Promise<Yaml> {
  yaml ??= import('../playground/yaml').catch((error: unknown) => {
    yaml = undefined;
    throw error;
  });
  return yaml;
}

/** A value the engine computes, or why there is none yet. */
export type EngineValue<T> = Loaded<T>;

/** How long edits must pause before the engine recomputes (ms). */
const SETTLE_MS = 60;

type Values<S extends readonly Store[]> = { -readonly [I in keyof S]: StoreValue<S[I]> };

/** A store over `inputs` whose value `compute` derives with the loaded engine. */
export function fromPlayground<T, S extends readonly Store[]>(
  inputs: readonly [...S],
  compute: (e: Engine, ...values: Values<S>) => T,
): ReadableAtom<EngineValue<T>> {
  return lazyComputed(loadPlaygroundEngine, inputs, compute, SETTLE_MS);
}
