/**
 * A store whose value is computed from other stores by a lazily loaded module (an engine
 * chunk): nothing is imported or computed until an island subscribes, and an answer that
 * arrives after its inputs changed again is dropped instead of overwriting the newer one.
 */
import { atom, onMount, type ReadableAtom, type Store, type StoreValue } from 'nanostores';

/** The value, or why there is none yet. */
export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly message: string };

type Values<S extends readonly Store[]> = { -readonly [I in keyof S]: StoreValue<S[I]> };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A lazily computed store over `inputs`: `compute` runs with the module `load` resolves to.
 * With `settleMs` > 0, bursts of input changes (a reader clicking "add pod" ten times) are
 * computed once they pause that long; the first computation never waits.
 */
export function lazyComputed<M, T, S extends readonly Store[]>(
  load: () => Promise<M>,
  inputs: readonly [...S],
  compute: (module: M, ...values: Values<S>) => T,
  settleMs = 0,
): ReadableAtom<Loaded<T>> {
  const $out = atom<Loaded<T>>({ state: 'loading' });
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = (mine: number): void => {
    if (mine !== generation) return;
    const values = inputs.map((s) => s.get()) as Values<S>;
    load().then(
      (module) => {
        if (mine !== generation) return;
        try {
          $out.set({ state: 'ready', value: compute(module, ...values) });
        } catch (error) {
          $out.set({ state: 'failed', message: messageOf(error) });
        }
      },
      (error: unknown) => {
        if (mine === generation) $out.set({ state: 'failed', message: messageOf(error) });
      },
    );
  };
  const refresh = (): void => {
    const mine = ++generation;
    if (settleMs === 0) return settle(mine);
    clearTimeout(timer);
    timer = setTimeout(() => settle(mine), $out.get().state === 'loading' ? 0 : settleMs);
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
