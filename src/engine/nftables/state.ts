/**
 * What nft keeps between connections on a node: the elements rules added to dynamic sets
 * (`update @affinity-… { ip saddr }`), each with the time it expires (seconds on the injected
 * clock). Keyed by set id, then by the element's numeric key.
 */

/** Live dynamic-set elements of one node. */
export type NftState = Map<string, Map<string, number>>;

/** An empty state. */
export function createNftState(): NftState {
  return new Map();
}

/** A deep copy (exact mode replays every branch from the same state). */
export function cloneNftState(state: NftState): NftState {
  return new Map([...state].map(([k, v]) => [k, new Map(v)]));
}
