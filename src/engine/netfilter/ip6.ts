/**
 * IPv6 addresses as 128-bit bigints. IPv4 stays a plain number (./ip.ts) so the IPv4 hot path
 * keeps its one-AND prefix match; an IPv6 packet pays for bigint arithmetic only when it exists.
 * A number and a bigint are never equal (`===`, Set and Map alike), so an IPv4 address can
 * never match an IPv6 rule by accident.
 */

/** All 128 bits set. */
export const ALL_ONES_128 = (1n << 128n) - 1n;

/** Parses one to four hex digits; -1 when the text is not that. */
function hexGroup(text: string): number {
  if (text.length === 0 || text.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** The 16-bit groups of one side of "::", an embedded dotted quad counting as two; null if bad. */
function groupsOf(text: string, allowQuad: boolean): number[] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (allowQuad && i === parts.length - 1 && part.includes('.')) {
      const quad = part.split('.');
      if (quad.length !== 4) return null;
      const bytes = quad.map((q) => (/^\d{1,3}$/.test(q) && Number(q) <= 255 ? Number(q) : -1));
      if (bytes.some((b) => b < 0)) return null;
      out.push(((bytes[0] as number) << 8) | (bytes[1] as number), ((bytes[2] as number) << 8) | (bytes[3] as number));
      continue;
    }
    const g = hexGroup(part);
    if (g < 0) return null;
    out.push(g);
  }
  return out;
}

/**
 * Parses an IPv6 address in any RFC 4291 text form ("fd00:10:96::1", "::1", "::ffff:1.2.3.4")
 * into a bigint, or null. No brackets, no zone ("%eth0"), no prefix length.
 */
export function parseIPv6(text: string): bigint | null {
  if (!text.includes(':')) return null;
  const gap = text.indexOf('::');
  let groups: number[];
  if (gap < 0) {
    const all = groupsOf(text, true);
    if (!all || all.length !== 8) return null;
    groups = all;
  } else {
    if (text.indexOf('::', gap + 1) >= 0) return null;
    const head = groupsOf(text.slice(0, gap), false);
    const tail = groupsOf(text.slice(gap + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

/**
 * Formats an IPv6 address the RFC 5952 way, as ip6tables-save, nft and Go print it: lower-case
 * hex without leading zeros, the longest run of two or more zero groups (the first on a tie) as
 * "::", and an IPv4-mapped address (::ffff:0:0/96) with its dotted quad.
 */
export function formatIPv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  if (value >> 32n === 0xffffn) {
    const low = Number(value & 0xffffffffn);
    return `::ffff:${low >>> 24}.${(low >>> 16) & 255}.${(low >>> 8) & 255}.${low & 255}`;
  }
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

/** The netmask of an IPv6 prefix length (0..128). */
export function maskOf6(length: number): bigint {
  return length === 0 ? 0n : (ALL_ONES_128 << BigInt(128 - length)) & ALL_ONES_128;
}

/** The prefix length of a contiguous IPv6 mask, or -1 when the mask is not contiguous. */
export function prefixLength6(mask: bigint): number {
  let n = 0;
  while (n < 128 && ((mask >> BigInt(127 - n)) & 1n) === 1n) n++;
  return maskOf6(n) === mask ? n : -1;
}
