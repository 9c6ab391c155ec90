/**
 * The search form and its results. The form is plain HTML (a GET form with `q`), so the page
 * works as a link target: /en/search/?q=extra+hop. Pagefind's bundle and index are fetched
 * only when the reader focuses the field or arrives with a query, never before.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { excerptParts } from '../../search/excerpt';
import { loadPagefind, type PagefindHit } from '../../search/pagefind';
import { fill } from '../fill';

/** The island's words, resolved on the server; `{query}` and `{n}` are filled here. */
export interface SearchStrings {
  readonly label: string;
  readonly submit: string;
  readonly loading: string;
  readonly none: string;
  readonly one: string;
  readonly many: string;
  readonly failed: string;
}

interface Props {
  readonly strings: SearchStrings;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'results'; readonly query: string; readonly hits: readonly PagefindHit[] }
  | { readonly kind: 'failed' };

/** Results shown at most; the site is small, and more would only be noise. */
const MAX_RESULTS = 10;

export default function SearchBox({ strings }: Props) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const latest = useRef('');

  const run = async (text: string) => {
    latest.current = text;
    const trimmed = text.trim();
    if (trimmed === '') {
      setState({ kind: 'idle' });
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.debouncedSearch(trimmed, {}, 150);
      if (found === null || latest.current !== text) return; // a newer query took over
      const hits = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (latest.current === text) setState({ kind: 'results', query: trimmed, hits });
    } catch (error) {
      console.warn('search:', error);
      setState({ kind: 'failed' });
    }
  };

  const warmUp = () => {
    if (state.kind !== 'idle') return;
    setState({ kind: 'loading' });
    loadPagefind().then(
      () => setState((s) => (s.kind === 'loading' ? { kind: 'idle' } : s)),
      () => setState({ kind: 'failed' }),
    );
  };

  useEffect(() => {
    // Arriving with ?q= (a shared search, or the form submitted before hydration) searches at once.
    const initial = new URLSearchParams(window.location.search).get('q') ?? '';
    if (initial.trim() !== '') {
      setQuery(initial);
      void run(initial);
    }
  }, []);

  const onInput = (value: string) => {
    setQuery(value);
    void run(value);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query.trim());
    // Keep the address shareable without adding a history entry per keystroke.
    window.history.replaceState(null, '', url);
    void run(query);
  };

  const status =
    state.kind === 'loading'
      ? strings.loading
      : state.kind === 'failed'
        ? strings.failed
        : state.kind === 'results'
          ? fill(state.hits.length === 0 ? strings.none : state.hits.length === 1 ? strings.one : strings.many, {
              query: state.query,
              n: state.hits.length,
            })
          : '';

  return (
    <div class="search" data-testid="search">
      <form role="search" class="search__form" method="get" onSubmit={onSubmit}>
        <label for="search-q" class="search__label">
          {strings.label}
        </label>
        <div class="search__row">
          <input
            id="search-q"
            name="q"
            type="search"
            value={query}
            autocomplete="off"
            onFocus={warmUp}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
          <button type="submit">{strings.submit}</button>
        </div>
      </form>
      <p class="search__status" role="status" data-testid="search-status">
        {status}
      </p>
      {state.kind === 'results' && state.hits.length > 0 && (
        <ol class="search__results" data-testid="search-results">
          {state.hits.map((hit) => (
            <li key={hit.url} class="search__hit">
              <a class="search__title" href={hit.url}>
                {hit.meta['title'] ?? hit.url}
              </a>
              <p class="search__excerpt">
                {excerptParts(hit.excerpt).map((part, i) =>
                  part.marked ? <mark key={i}>{part.text}</mark> : part.text,
                )}
              </p>
              {(hit.sub_results ?? [])
                .filter((sub) => sub.url !== hit.url)
                .slice(0, 3)
                .map((sub) => (
                  <a key={sub.url} class="search__sub" href={sub.url}>
                    {sub.title}
                  </a>
                ))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
