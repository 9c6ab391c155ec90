/**
 * IPv4 addresses and CIDRs the way Kubernetes reads them. The API validates strictly (no
 * leading zeros), but kube-proxy parses "sloppily" (k8s.io/utils/net ParseIPSloppy): leading
 * zeros are decimal, so "172.30.0.041" is 172.30.0.41 and "203.0.113.000/025" is
 * 203.0.113.0/25 (kube-proxy's TestBadIPs). Addresses are kept as unsigned 32-bit numbers.
 */

/** A parsed IPv4 CIDR; `base` is already masked to the prefix, like Go's net.IPNet. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

const OCTET_STRICT = /^(0|[1-9][0-9]{0,2})$/;
const OCTET_SLOPPY = /^[0-9]{1,3}$/;

/** Parses dotted-quad IPv4; `sloppy` accepts leading zeros (read as decimal). */
export function parseIPv4(text: string, sloppy = false): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!(sloppy ? OCTET_SLOPPY : OCTET_STRICT).test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Formats an unsigned 32-bit address as dotted quad. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The netmask of a prefix length as an unsigned 32-bit number. */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses "a.b.c.d/n"; the result is masked (Go's ParseCIDR returns the network, too). */
export function parseCidr(text: string, sloppy = false): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIPv4(text.slice(0, slash), sloppy);
  const bits = text.slice(slash + 1);
  if (ip === undefined || !(sloppy ? /^[0-9]{1,3}$/ : /^(0|[1-9][0-9]?)$/).test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > 32) return undefined;
  return { base: (ip & prefixMask(prefix)) >>> 0, prefix };
}

/** Formats a CIDR as Go's IPNet.String() does ("10.244.0.0/16"). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.base)}/${cidr.prefix}`;
}

/** True when the address lies inside the CIDR. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ((ip & prefixMask(cidr.prefix)) >>> 0) === cidr.base;
}

/** kube-proxy's view of an address string: sloppy-parsed and re-printed, or undefined. */
export function normalizeIPv4(text: string): string | undefined {
  const value = parseIPv4(text.trim(), true);
  return value === undefined ? undefined : formatIPv4(value);
}

/** kube-proxy's view of a CIDR string (trimmed, sloppy, masked), or undefined. */
export function normalizeCidr(text: string): string | undefined {
  const cidr = parseCidr(text.trim(), true);
  return cidr === undefined ? undefined : formatCidr(cidr);
}

/** True for strings that look like IPv6 (the model is IPv4-only, so these get their own error). */
export function looksLikeIPv6(text: string): boolean {
  return text.includes(':');
}

/** True when the address is in 127.0.0.0/8. */
export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}
