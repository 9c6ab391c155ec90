/**
 * The playground's engine and YAML modules, each imported on first use (separate chunks), and
 * stores computed from them: nothing is loaded until an island subscribes, and an answer
 * that arrives after its inputs changed again is dropped.
 */
import { atom, onMount, type ReadableAtom, type Store, type StoreValue } from 'nanostores';

type Engine = typeof import('../playground/engine.ts');
type Yaml = typeof import('../playground/yaml.ts');

let engine: Promise<Engine> | undefined;
let yaml: Promise<Yaml> | undefined;

/** The engine chunk (runs, rules, samples, comparison). */
export function loadPlaygroundEngine(): Promise<Engine> {
  engine ??= import('../playground/engine.ts').catch((error: unknown) => {
    engine = undefined; // a failed chunk download may succeed on the next try
    throw error;
  });
  return engine;
}

/** The YAML chunk (import and export of manifests), loaded when the reader asks for it. */
export function loadPlaygroundYaml(): Promise<Yaml> {
  yaml ??= import('../playground/yaml.ts').catch((error: unknown) => {
    yaml = undefined;
    throw error;
  });
  return yaml;
}

/** A value the engine computes, or why there is none yet. */
export type EngineValue<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly message: string };

/** How long edits must pause before the engine recomputes (ms). */
const SETTLE_MS = 60;

type Values<S extends readonly Store[]> = { -readonly [I in keyof S]: StoreValue<S[I]> };

/** A store over `inputs` whose value `compute` derives with the loaded engine. */
export function fromPlayground<T, S extends readonly Store[]>(
  inputs: readonly [...S],
  compute: (e: Engine, ...values: Values<S>) => T,
): ReadableAtom<EngineValue<T>> {
  const $out = atom<EngineValue<T>>({ state: 'loading' });
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Edits come in bursts (a reader clicking "add pod" ten times): compute once they settle.
  const refresh = (): void => {
    const mine = ++generation;
    clearTimeout(timer);
    timer = setTimeout(() => settle(mine), $out.get().state === 'loading' ? 0 : SETTLE_MS);
  };
  const settle = (mine: number): void => {
    if (mine !== generation) return;
    const values = inputs.map((s) => s.get()) as Values<S>;
    loadPlaygroundEngine().then(
      (e) => {
        if (mine !== generation) return;
        try {
          $out.set({ state: 'ready', value: compute(e, ...values) });
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
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  });
  return $out;
}
