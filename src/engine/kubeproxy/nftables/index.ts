/** kube-proxy's nftables mode for the model: the ruleset one node gets, in nft's two spellings. */
import type { Cluster } from '../../model/types';
import { generateNftablesSpec, type NftablesOptions } from './generate';
import { renderNftListing } from './listing';
import { renderNftTransaction } from './transaction';

export { generateNftablesSpec, nftMasqueradeMark } from './generate';
export type { NftablesOptions } from './generate';
export type { NftTableSpec, NftChainSpec, NftSetSpec, NftRuleSpec, NftElementSpec } from './model';
export { hashAndTruncate } from './names';
export { renderNftTransaction } from './transaction';
export { renderNftListing } from './listing';

/** How the ruleset is spelled: `nft -f` input (kube-proxy's transaction) or `nft list table` output. */
export type NftRendering = 'transaction' | 'listing';

/** The `table ip kube-proxy` kube-proxy's nftables mode writes on `nodeName`. */
export function generateNftables(
  cluster: Cluster,
  nodeName: string,
  options: NftablesOptions & { readonly rendering?: NftRendering } = {},
): string {
  const spec = generateNftablesSpec(cluster, nodeName, options);
  return options.rendering === 'listing' ? renderNftListing(spec) : renderNftTransaction(spec);
}
