/**
 * The Pagefind search API, loaded on demand from /pagefind/pagefind.js (written into dist/ by
 * `pagefind` after `astro build`). Only what the search island uses is typed, and the module
 * is checked when it arrives, so a missing or different index says so instead of crashing.
 */

/** One search hit, as Pagefind's `data()` returns it. */
export interface PagefindHit {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly sub_results?: readonly { readonly title: string; readonly url: string; readonly excerpt: string }[];
}

/** A search result before its data is fetched. */
export interface PagefindResult {
  readonly id: string;
  data(): Promise<PagefindHit>;
}

/** The subset of the Pagefind JS API used here. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Resolves null when a newer call superseded this one. */
  debouncedSearch(
    query: string,
    options?: Record<string, unknown>,
    wait?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

/** Where the build writes Pagefind's bundle. */
export const PAGEFIND_PATH = '/pagefind/pagefind.js';

let loading: Promise<PagefindApi> | undefined;

function isPagefind(value: unknown): value is PagefindApi {
  const api = value as Partial<Record<keyof PagefindApi, unknown>> | null;
  return (
    typeof api === 'object' &&
    api !== null &&
    ['options', 'init', 'debouncedSearch'].every((k) => typeof api[k as keyof PagefindApi] === 'function')
  );
}

/**
 * Loads and starts Pagefind once. It picks the index of the page's <html lang>, so English and
 * Korean pages each search their own language. It runs on the page's main thread (no worker):
 * the index is small, and the page's CSP, which allows WebAssembly here, then governs it.
 */
export function loadPagefind(path: string = PAGEFIND_PATH): Promise<PagefindApi> {
  loading ??= (async () => {
    const module: unknown = await import(/* @vite-ignore */ path);
    if (!isPagefind(module)) throw new Error(`${path} is not a Pagefind bundle (no options/init/debouncedSearch)`);
    await module.options({ noWorker: true, excerptLength: 24 });
    await module.init();
    return module;
  })();
  // A failed load may be retried (e.g. after a network hiccup).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
