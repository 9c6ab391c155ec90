/**
 * IPv4 addresses as unsigned 32-bit integers: the evaluator compares numbers, never strings,
 * so a prefix match is one AND and one compare. The engine's one address parser and printer
 * live here; the Kubernetes model (../model/ip.ts) reads addresses with them too.
 */

/** An address prefix: `addr & mask === addr`, both unsigned 32-bit. */
export interface Prefix {
  readonly addr: number;
  readonly mask: number;
  readonly length: number;
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

/** Whether an address lies inside a prefix. */
export function inPrefix(address: number, prefix: Prefix): boolean {
  return (address & prefix.mask) >>> 0 === prefix.addr;
}

/** Formats a prefix the way iptables-save prints it: "a.b.c.d/len" ("/32" included). */
export function formatPrefix(prefix: Prefix): string {
  return `${formatIPv4(prefix.addr)}/${prefix.length}`;
}

function countLeadingOnes(mask: number): number {
  let n = 0;
  while (n < 32 && (mask & (0x80000000 >>> n)) !== 0) n++;
  return n;
}
