/**
 * useStore that renders the server's value until the island has hydrated. Stores read
 * localStorage and the URL on the client, and Preact does not patch attributes while it
 * hydrates, so the first client render must match the HTML the server sent.
 */
import { useStore } from '@nanostores/preact';
import type { Store, StoreValue } from 'nanostores';

/** The store's value, or `serverValue` during hydration. */
export function useClientStore<S extends Store>(store: S, serverValue: StoreValue<S>): StoreValue<S> {
  return useStore(store, { ssr: () => serverValue });
}
