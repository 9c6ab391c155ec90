/**
 * What the nft compiler produces and the evaluator runs: rules as ordered steps, chains with
 * their counter slots, sets with typed elements, and how chains and sets are keyed. Kept apart
 * from the compiler so the evaluator depends on these shapes only, not on how text becomes them.
 */
import type { EvalEnv, SlotInfo } from '../netfilter/compile';
import type { NodeAddresses } from '../netfilter/addresses';
import type { Packet } from '../netfilter/packet';
import type { NftHookBinding, NftProblem, NftTable } from './model';
import type { NftState } from './state';
import type { Value, ValueRange, ValueType } from './values';

/** What the evaluator carries through one hook. */
export interface NftRun {
  readonly p: Packet;
  readonly e: EvalEnv;
  readonly state: NftState;
  readonly addresses: NodeAddresses;
  /** Where this ruleset's counter slots start in the node's counters (after iptables'). */
  readonly slotBase: number;
  /**
   * Whether the base chain running sits before conntrack (prerouting or output, priority below
   * -200): only there can `notrack` keep a packet out of it (nft_notrack_eval leaves a packet
   * that already has an entry alone).
   */
  beforeConntrack: boolean;
}

/** A verdict a rule or map element gives. */
export type NftVerdict =
  | { readonly kind: 'accept' | 'drop' | 'reject' | 'return' | 'continue' }
  | { readonly kind: 'jump' | 'goto'; readonly chain: string };

/** One step of a compiled rule. */
export type Step =
  | { readonly kind: 'match'; readonly test: (r: NftRun) => boolean }
  | { readonly kind: 'stmt'; readonly run: (r: NftRun) => string }
  | {
      readonly kind: 'vmap';
      readonly key: (r: NftRun) => Value[] | null;
      readonly lookup: (key: Value[], r: NftRun) => NftVerdict | null;
      readonly types: readonly ValueType[];
      /** Every verdict the map can give (for the static bound on one packet's work). */
      readonly verdicts: () => readonly NftVerdict[];
    }
  | {
      readonly kind: 'nat';
      readonly nat: 'dnat' | 'snat' | 'masquerade';
      readonly addr: Value | null;
      readonly port: number | null;
      /** `random` / `fully-random`: the kernel draws the source port. */
      readonly randomPort: boolean;
    }
  | { readonly kind: 'verdict'; readonly verdict: NftVerdict };

/** A compiled rule. */
export interface CompiledNftRule {
  /** Counter slot (relative to the ruleset). */
  readonly slot: number;
  readonly number: number;
  readonly text: string;
  readonly line: number;
  readonly steps: readonly Step[];
  /** Why the rule cannot be evaluated, or null. */
  readonly problem: string | null;
}

/** A compiled chain. */
export interface CompiledNftChain {
  readonly table: string;
  readonly name: string;
  readonly base: NftHookBinding | null;
  /** The packets its table sees: 4 for `ip`, 6 for `ip6`, both for `inet`. */
  readonly families: readonly (4 | 6)[];
  readonly rules: readonly CompiledNftRule[];
  /** Counter slot of a base chain's policy (-1 for a regular chain). */
  readonly policySlot: number;
}

/** A set with its elements typed. */
export interface CompiledNftSet {
  readonly id: string;
  readonly types: readonly ValueType[];
  readonly dynamic: boolean;
  readonly timeout: number;
  readonly exact: Map<string, NftVerdict | true>;
  readonly ranges: { readonly key: readonly ValueRange[]; readonly value: NftVerdict | true }[];
}

/** A whole compiled ruleset. */
export interface CompiledNft {
  readonly chains: Map<string, CompiledNftChain>;
  readonly baseChains: readonly CompiledNftChain[];
  readonly sets: Map<string, CompiledNftSet>;
  /** Whether any rule updates a set (then connections are not independent). */
  readonly stateful: boolean;
  /** Counter slots: every rule, then every base chain's policy. */
  readonly slots: readonly SlotInfo[];
  readonly problems: readonly NftProblem[];
}

/** The key a chain is stored under (table "family name", chain name). */
export function nftChainKey(table: string, chain: string): string {
  return `${table}\u0000${chain}`;
}

/** The key a table's chain or set is stored under (the same shape as nftChainKey's). */
export const objectKey = (table: NftTable, name: string): string => `${table.family} ${table.name}\u0000${name}`;
