/**
 * The table as `nft list table ip kube-proxy` prints it back (nftables 1.0.x, checked against
 * the real binary): nested blocks, base chains with `type … hook … priority …; policy accept;`
 * (standard priorities by name: `dstnat - 10`), marks as 32-bit hex with `|`/`&`/`^`,
 * one-element anonymous sets unwrapped, sets and maps with their elements.
 */
import type { NftBaseSpec, NftChainSpec, NftSetSpec, NftTableSpec } from './model';

const quote = (s: string): string => `"${s}"`;

/** nft's prio2str: the standard name when one applies at this hook, with an offset. */
export function priorityText(base: NftBaseSpec): string {
  const named: [string, number][] = [['filter', 0]];
  if (base.hook === 'prerouting') named.push(['dstnat', -100], ['raw', -300], ['mangle', -150]);
  if (base.hook === 'postrouting') named.push(['srcnat', 100], ['mangle', -150]);
  if (base.hook !== 'prerouting' && base.hook !== 'postrouting')
    named.push(['raw', -300], ['mangle', -150], ['security', 50]);
  for (const [name, value] of named) {
    const off = base.priority - value;
    if (off === 0) return name;
    if (Math.abs(off) <= 10) return `${name} ${off < 0 ? '-' : '+'} ${Math.abs(off)}`;
  }
  return String(base.priority);
}

const hex32 = (text: string): string => `0x${Number(text).toString(16).padStart(8, '0')}`;

/** A knftables rule as nft prints it back. */
export function listedRule(text: string): string {
  return text
    .replace(/^mark set mark or (0x[0-9a-f]+)$/, (_, m: string) => `meta mark set meta mark | ${hex32(m)}`)
    .replace(/^mark set mark xor (0x[0-9a-f]+)$/, (_, m: string) => `meta mark set meta mark ^ ${hex32(m)}`)
    .replace(/^mark and (0x[0-9a-f]+) == 0 /, (_, m: string) => `meta mark & ${hex32(m)} == 0x00000000 `)
    .replace(/\{ ([^{},]+) \}(?= (drop|accept|reject|goto|jump))/g, '$1')
    .replace(/ , /g, ', ');
}

function timeoutText(seconds: number): string {
  let s = seconds;
  let out = '';
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (s >= size) {
      out += `${Math.floor(s / size)}${unit}`;
      s %= size;
    }
  }
  return s > 0 || out === '' ? `${out}${s}s` : out;
}

/**
 * nft prints plain IPv4 sets sorted, two per line (five for inet_service); concatenated keys
 * and maps one per line, in the kernel set backend's own (hash) order, which is not modelled:
 * those keep insertion order.
 */
function elementText(set: NftSetSpec): string[] {
  let elements = [...set.elements];
  const plainIPv4 = set.kind === 'set' && set.type === 'ipv4_addr';
  if (plainIPv4) elements = elements.sort((a, b) => ipValue(a.key) - ipValue(b.key));
  const items = elements.map(
    (e) =>
      `${e.key}${e.comment !== undefined ? ` comment ${quote(e.comment)}` : ''}${e.value !== undefined ? ` : ${e.value}` : ''}`,
  );
  if (items.length === 0) return [];
  const perLine = plainIPv4 ? 2 : set.kind === 'set' && set.type === 'inet_service' ? 5 : 1;
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return lines.map(
    (line, i) => `${i === 0 ? '\t\telements = { ' : '\t\t\t     '}${line}${i === lines.length - 1 ? ' }' : ','}`,
  );
}

function ipValue(text: string): number {
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function setBlock(s: NftSetSpec): string[] {
  const out = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`];
  // The kernel gives a dynamic set without a size its default maximum, and nft prints it.
  if (s.flags?.includes('dynamic')) out.push('\t\tsize 65535');
  if (s.flags && s.flags.length > 0) out.push(`\t\tflags ${s.flags.join(',')}`);
  if (s.timeout !== undefined) out.push(`\t\ttimeout ${timeoutText(s.timeout)}`);
  if (s.comment !== undefined) out.push(`\t\tcomment ${quote(s.comment)}`);
  out.push(...elementText(s), '\t}');
  return out;
}

function chainBlock(c: NftChainSpec): string[] {
  const out = [`\tchain ${c.name} {`];
  if (c.base) out.push(`\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base)}; policy accept;`);
  if (c.comment !== undefined) out.push(`\t\tcomment ${quote(c.comment)}`);
  for (const r of c.rules)
    out.push(`\t\t${listedRule(r.text)}${r.comment !== undefined ? ` comment ${quote(r.comment)}` : ''}`);
  out.push('\t}');
  return out;
}

/** The table as `nft list table` prints it. */
export function renderNftListing(table: NftTableSpec): string {
  const blocks = [...table.sets.map(setBlock), ...table.chains.map(chainBlock)];
  const body = blocks.map((b) => b.join('\n')).join('\n\n');
  return `table ${table.family} ${table.name} {\n\tcomment ${quote(table.comment)}\n${body}\n}\n`;
}
