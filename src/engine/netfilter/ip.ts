/**
 * IPv4 addresses as unsigned 32-bit integers: the evaluator compares numbers, never strings,
 * so a prefix match is one AND and one compare.
 */

/** An address prefix: `addr & mask === addr`, both unsigned 32-bit. */
export interface Prefix {
  readonly addr: number;
  readonly mask: number;
  readonly length: number;
}

/** Parses a dotted quad ("10.244.1.2") into an unsigned 32-bit number, or null if it is not one. */
export function parseIPv4(text: string): number | null {
  // Hand-rolled (no split/regex): dumps hold tens of thousands of addresses.
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
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
  return ((address & prefix.mask) >>> 0) === prefix.addr;
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
