/**
 * IPv4 addresses and CIDRs the way Kubernetes reads them. The API validates strictly (no
 * leading zeros), but kube-proxy parses "sloppily" (k8s.io/utils/net ParseIPSloppy): leading
 * zeros are decimal, so "172.30.0.041" is 172.30.0.41 and "203.0.113.000/025" is
 * 203.0.113.0/25 (kube-proxy's TestBadIPs). Addresses are kept as unsigned 32-bit numbers,
 * parsed and printed by ../netfilter/ip.ts; `leadingZeros` picks the API's or kube-proxy's rule.
 */
import { formatIPv4, maskOf, parseIPv4, type LeadingZeros } from '../netfilter/ip';

/** A parsed IPv4 CIDR; `base` is already masked to the prefix, like Go's net.IPNet. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

/**
 * Parses "a.b.c.d/n"; the result is masked (Go's ParseCIDR returns the network, too). Leading
 * zeros, in the address and the length alike, are read as `leadingZeros` says.
 */
export function parseCidr(text: string, leadingZeros: LeadingZeros = 'decimal'): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIPv4(text.slice(0, slash), leadingZeros);
  const bits = text.slice(slash + 1);
  if (ip === null || !(leadingZeros === 'decimal' ? /^[0-9]{1,3}$/ : /^(0|[1-9][0-9]?)$/).test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > 32) return undefined;
  return { base: (ip & maskOf(prefix)) >>> 0, prefix };
}

/** Formats a CIDR as Go's IPNet.String() does ("10.244.0.0/16"). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.base)}/${cidr.prefix}`;
}

/** True when the address lies inside the CIDR. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  return (ip & maskOf(cidr.prefix)) >>> 0 === cidr.base;
}

/** kube-proxy's view of an address string: sloppy-parsed and re-printed, or undefined. */
export function normalizeIPv4(text: string): string | undefined {
  const value = parseIPv4(text.trim());
  return value === null ? undefined : formatIPv4(value);
}

/** kube-proxy's view of a CIDR string (trimmed, sloppy, masked), or undefined. */
export function normalizeCidr(text: string): string | undefined {
  const cidr = parseCidr(text.trim());
  return cidr === undefined ? undefined : formatCidr(cidr);
}

/** True for strings that look like IPv6: the loader sends them to the IPv6 family (or its own error). */
export function looksLikeIPv6(text: string): boolean {
  return text.includes(':');
}

/** True when the address is in 127.0.0.0/8. */
export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}
