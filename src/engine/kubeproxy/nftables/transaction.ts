/**
 * The `nft -f` transaction form of a table, spelled as knftables writes it (and as kube-proxy's
 * tests dump it): `add table`, `add set|map`, `add chain`, `add rule`, `add element`. Objects
 * come before the rules and elements that name them, so the text loads into an empty table.
 */
import type { NftChainSpec, NftSetSpec, NftTableSpec } from './model';

const quote = (s: string): string => `"${s}"`;

function chainLine(prefix: string, c: NftChainSpec): string {
  const parts: string[] = [];
  if (c.base) parts.push(`type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority} ;`);
  if (c.comment !== undefined) parts.push(`comment ${quote(c.comment)} ;`);
  return parts.length === 0 ? `add chain ${prefix} ${c.name}` : `add chain ${prefix} ${c.name} { ${parts.join(' ')} }`;
}

function setLine(prefix: string, s: NftSetSpec): string {
  const parts = [`type ${s.type} ;`];
  if (s.flags && s.flags.length > 0) parts.push(`flags ${s.flags.join(',')} ;`);
  if (s.timeout !== undefined) parts.push(`timeout ${s.timeout}s ;`);
  if (s.comment !== undefined) parts.push(`comment ${quote(s.comment)} ;`);
  return `add ${s.kind} ${prefix} ${s.name} { ${parts.join(' ')} }`;
}

/** The whole table as `nft -f` input (one object per line). */
export function renderNftTransaction(table: NftTableSpec): string {
  const prefix = `${table.family} ${table.name}`;
  const out = [`add table ${prefix} { comment ${quote(table.comment)} ; }`];
  for (const s of table.sets) out.push(setLine(prefix, s));
  for (const c of table.chains) out.push(chainLine(prefix, c));
  for (const c of table.chains) {
    for (const r of c.rules)
      out.push(
        `add rule ${prefix} ${c.name} ${r.text}${r.comment !== undefined ? ` comment ${quote(r.comment)}` : ''}`,
      );
  }
  for (const s of table.sets) {
    for (const e of s.elements) {
      const comment = e.comment !== undefined ? ` comment ${quote(e.comment)}` : '';
      const value = e.value !== undefined ? ` : ${e.value}` : '';
      out.push(`add element ${prefix} ${s.name} { ${e.key}${comment}${value} }`);
    }
  }
  return `${out.join('\n')}\n`;
}
