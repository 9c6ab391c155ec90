/**
 * The dump line of a rule named the way traces name it (table, chain, 1-based rule; rule 0
 * is the chain's own declaration). nft tables are named "family name", iptables ones "nat".
 */
import type { NetNode } from './topology';

/** The line of (table, chain, rule) in `node`'s rules text, or 0 when unknown. */
export function ruleLine(node: NetNode, table: string, chain: string, rule: number): number {
  const c = table.includes(' ')
    ? node.nft?.ruleset.tables.get(table)?.chains.get(chain)
    : node.ruleset.tables.get(table)?.chains.get(chain);
  if (!c) return 0;
  if (rule === 0) return c.line;
  return c.rules[rule - 1]?.line ?? 0;
}
