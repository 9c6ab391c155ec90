/**
 * A parsed nftables ruleset: tables of any family with their chains (base chains carry hook,
 * type, priority and policy), rules kept as tokens and text, and named sets and maps with
 * their elements. Rules are compiled later (compile.ts), once every object they name exists.
 */
import type { Token } from './tokenize';

/** A base chain's binding to a netfilter hook. */
export interface NftHookBinding {
  readonly type: string;
  readonly hook: string;
  readonly priority: number;
  readonly policy: 'accept' | 'drop';
}

/** One rule as written. */
export interface NftRule {
  /** Tokens of the rule body (after `add rule <family> <table> <chain>`). */
  readonly tokens: readonly Token[];
  /** The rule text, tokens joined by single spaces (strings re-quoted). */
  readonly text: string;
  readonly line: number;
  /** `# handle N` from a listing, when present. */
  readonly handle: number | null;
}

/** A chain. */
export interface NftChain {
  readonly name: string;
  base: NftHookBinding | null;
  comment: string | null;
  rules: NftRule[];
  /** Line of the declaration (or of the first mention). */
  readonly line: number;
}

/** An element of a set or map, still as text parts (typed at compile time). */
export interface NftElementText {
  /** Key parts (split on " . "), each a list of tokens' text joined by spaces. */
  readonly key: readonly string[];
  /** The map value as text ("goto chain", "drop", an address …), or null for a set. */
  readonly value: string | null;
  /** Seconds until it expires, when given ("expires 2h59m"); null = never. */
  readonly expires: number | null;
  readonly line: number;
}

/** A named set or map. */
export interface NftSet {
  readonly name: string;
  kind: 'set' | 'map';
  /** Key types ("ipv4_addr", "inet_proto", "inet_service", …). */
  keyTypes: string[];
  /** Data type of a map ("verdict", "ipv4_addr", …); null for a set. */
  dataType: string | null;
  flags: string[];
  /** Default timeout in seconds (0 = none). */
  timeout: number;
  comment: string | null;
  elements: NftElementText[];
  readonly line: number;
}

/** A table. */
export interface NftTable {
  readonly family: string;
  readonly name: string;
  comment: string | null;
  readonly chains: Map<string, NftChain>;
  readonly sets: Map<string, NftSet>;
}

/** Something in the text the parser or compiler could not use. */
export interface NftProblem {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

/** The whole parsed text. */
export interface NftRuleset {
  /** Keyed "family name". */
  readonly tables: Map<string, NftTable>;
  readonly problems: NftProblem[];
}
