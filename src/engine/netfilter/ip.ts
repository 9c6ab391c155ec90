/**
 * Addresses as numbers: IPv4 as an unsigned 32-bit integer, IPv6 as a 128-bit bigint
 * (./ip6.ts). The evaluator compares numbers, never strings, so a prefix match is one AND and
 * one compare. The engine's one address parser and printer live here; the Kubernetes model
 * (../model/ip.ts) reads addresses with them too.
 */
import { formatIPv6, maskOf6, parseIPv6, prefixLength6 } from './ip6';

/** An address: IPv4 as an unsigned 32-bit number, IPv6 as a bigint. */
export type Address = number | bigint;

/** An IP family, by its number as Kubernetes' ipFamilies and iptables/ip6tables spell it. */
export type IPFamily = 4 | 6;

/** An address prefix: `addr & mask === addr`, both of one family (number or bigint). */
export interface Prefix {
  readonly addr: Address;
  readonly mask: Address;
  readonly length: number;
}

/** A prefix known to be IPv4 (the scenario model and the IPVS and Cilium datapaths are IPv4). */
export interface Prefix4 extends Prefix {
  readonly addr: number;
  readonly mask: number;
}

/** parsePrefix for IPv4 only: null for IPv6 text as for anything else that is not a prefix. */
export function parsePrefix4(text: string): Prefix4 | null {
  const p = text.includes(':') ? null : parsePrefix(text);
  return p as Prefix4 | null;
}

/** The family of an address. */
export function familyOf(address: Address): IPFamily {
  return typeof address === 'number' ? 4 : 6;
}

/** Parses an IPv4 or IPv6 address (no brackets, no prefix length), or null. */
export function parseAddress(text: string): Address | null {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** Formats an address of either family (dotted quad, or RFC 5952 IPv6). */
export function formatAddress(address: Address): string {
  return typeof address === 'number' ? formatIPv4(address) : formatIPv6(address);
}

/** "addr:port", with the IPv6 address in brackets as iptables, nft and URLs write it. */
export function formatAddressPort(address: Address, port: number): string {
  return typeof address === 'number' ? `${formatIPv4(address)}:${port}` : `[${formatIPv6(address)}]:${port}`;
}

/** "host:port" for an address as text: an IPv6 address in brackets ("[fd00::1]:80"), as Go's JoinHostPort writes it. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The host prefix length of a family (32 or 128). */
export function hostLength(family: IPFamily): number {
  return family === 4 ? 32 : 128;
}

/**
 * What a leading zero in an octet ("010") means. 'decimal' reads it as 10: kube-proxy parses
 * addresses with k8s.io/utils/net ParseIPSloppy, which does (its TestBadIPs), and so does
 * every reader of rule text here. 'reject' refuses it, as the Kubernetes API does (Go's
 * net.ParseIP since 1.17), so manifest validation can say the value would be rejected.
 *
 * iptables itself reads octets with strtoul(…, 0) in libxtables' __numeric_to_ipaddr, so
 * "010" would be octal 8 and "0x0a" or "10.1" would be accepted too; iptables-save, nft and
 * kube-proxy only ever print plain dotted decimal, so none of that reaches the engine.
 */
export type LeadingZeros = 'decimal' | 'reject';

/**
 * Parses a dotted quad ("10.244.1.2") into an unsigned 32-bit number, or null if it is not one:
 * exactly four octets of one to three decimal digits, each at most 255.
 */
export function parseIPv4(text: string, leadingZeros: LeadingZeros = 'decimal'): number | null {
  // Hand-rolled (no split/regex): dumps hold tens of thousands of addresses.
  const strict = leadingZeros === 'reject';
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A zero octet followed by another digit means the octet started with "0".
      if (strict && digits > 0 && octet === 0) return null;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return null;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return null;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  if (dots !== 3 || digits === 0) return null;
  return (value * 256 + octet) >>> 0;
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function formatIPv4(value: number): string {
  const v = value >>> 0;
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** The netmask of a prefix length (0..32) as an unsigned 32-bit number. */
export function maskOf(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/**
 * Parses "a.b.c.d", "a.b.c.d/len" or "a.b.c.d/m.m.m.m" (iptables accepts a dotted mask too)
 * into a prefix, masking host bits as iptables does. Returns null on anything else.
 */
export function parsePrefix(text: string): Prefix | null {
  if (text.includes(':')) return parsePrefix6(text);
  const slash = text.indexOf('/');
  const addr = parseIPv4(slash < 0 ? text : text.slice(0, slash));
  if (addr === null) return null;
  if (slash < 0) return { addr, mask: 0xffffffff, length: 32 };
  const tail = text.slice(slash + 1);
  let length: number;
  if (/^\d{1,2}$/.test(tail)) {
    length = Number(tail);
    if (length > 32) return null;
  } else {
    const mask = parseIPv4(tail);
    if (mask === null) return null;
    // Only contiguous masks have a prefix length; iptables rejects the others for -s/-d too.
    const ones = countLeadingOnes(mask);
    if (maskOf(ones) !== mask) return null;
    length = ones;
  }
  const mask = maskOf(length);
  return { addr: (addr & mask) >>> 0, mask, length };
}

/** "addr", "addr/len" or "addr/mask" of IPv6 (ip6tables accepts a full mask too), masked. */
function parsePrefix6(text: string): Prefix | null {
  const slash = text.indexOf('/');
  const addr = parseIPv6(slash < 0 ? text : text.slice(0, slash));
  if (addr === null) return null;
  if (slash < 0) return { addr, mask: maskOf6(128), length: 128 };
  const tail = text.slice(slash + 1);
  let length: number;
  if (/^\d{1,3}$/.test(tail)) {
    length = Number(tail);
    if (length > 128) return null;
  } else {
    const mask = parseIPv6(tail);
    length = mask === null ? -1 : prefixLength6(mask);
    if (length < 0) return null;
  }
  const mask = maskOf6(length);
  return { addr: addr & mask, mask, length };
}

/** Whether an address lies inside a prefix; never across families. */
export function inPrefix(address: Address, prefix: Prefix): boolean {
  if (typeof address === 'number')
    return typeof prefix.mask === 'number' && (address & prefix.mask) >>> 0 === prefix.addr;
  return typeof prefix.mask === 'bigint' && (address & prefix.mask) === prefix.addr;
}

/** The family of a prefix. */
export function prefixFamily(prefix: Prefix): IPFamily {
  return familyOf(prefix.addr);
}

/** Formats a prefix the way iptables-save prints it: "a.b.c.d/len" ("/32" included). */
export function formatPrefix(prefix: Prefix): string {
  return `${formatAddress(prefix.addr)}/${prefix.length}`;
}

function countLeadingOnes(mask: number): number {
  let n = 0;
  while (n < 32 && (mask & (0x80000000 >>> n)) !== 0) n++;
  return n;
}
