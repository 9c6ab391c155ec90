/**
 * The objects kube-proxy's nftables proxier keeps in `table ip kube-proxy`, independent of how
 * they are printed: the transaction form (`nft -f`) and the listing form (`nft list table`)
 * are two renderings of this one description.
 */

/** A base chain's hook binding. */
export interface NftBaseSpec {
  readonly type: 'filter' | 'nat';
  readonly hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
  readonly priority: number;
}

/** One rule, as kube-proxy writes it (knftables syntax), plus its comment. */
export interface NftRuleSpec {
  readonly text: string;
  readonly comment?: string;
}

/** A chain: regular, or a base chain with its hook. */
export interface NftChainSpec {
  readonly name: string;
  readonly base?: NftBaseSpec;
  readonly comment?: string;
  readonly rules: NftRuleSpec[];
}

/** An element of a set or map: key parts joined by " . ", the map value, a comment. */
export interface NftElementSpec {
  readonly key: string;
  readonly value?: string;
  readonly comment?: string;
}

/** A named set or map. */
export interface NftSetSpec {
  readonly kind: 'set' | 'map';
  readonly name: string;
  /** e.g. "ipv4_addr" or "ipv4_addr . inet_proto . inet_service : verdict". */
  readonly type: string;
  readonly flags?: readonly string[];
  /** Default element timeout in seconds. */
  readonly timeout?: number;
  readonly comment?: string;
  readonly elements: NftElementSpec[];
}

/** The whole table for one node. */
export interface NftTableSpec {
  readonly family: 'ip' | 'ip6';
  readonly name: string;
  readonly comment: string;
  readonly sets: NftSetSpec[];
  readonly chains: NftChainSpec[];
}
