/** Parses a dotted IPv4 address into a 32-bit unsigned number; throws naming the bad text. */
export function parseIPv4(text: string, what = 'address'): number {
  const parts = text.split('.');
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (bytes.length !== 4 || bytes.some((b) => !(b >= 0 && b <= 255))) {
    throw new Error(`${what}: "${text}" is not an IPv4 address`);
  }
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

/** Formats a 32-bit unsigned number as a dotted IPv4 address. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** An IPv4 network: base address and prefix length. */
export interface Cidr {
  readonly base: number;
  readonly bits: number;
}

/** Parses "a.b.c.d/n" (host bits must be zero); throws naming the bad text. */
export function parseCidr(text: string, what = 'CIDR'): Cidr {
  const [address, length, extra] = text.split('/');
  const bits = Number(length);
  if (address === undefined || length === undefined || extra !== undefined || !/^\d{1,2}$/.test(length) || bits > 32) {
    throw new Error(`${what}: "${text}" is not an IPv4 CIDR like 10.244.1.0/24`);
  }
  const base = parseIPv4(address, what);
  if ((base & ~maskOf(bits)) >>> 0 !== 0) throw new Error(`${what}: "${text}" has host bits set`);
  return { base, bits };
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** True when `address` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, address: number): boolean {
  return (address & maskOf(cidr.bits)) >>> 0 === cidr.base;
}

/** The address `offset` places after the network base, e.g. offset 1 gives the ".1" gateway. */
export function hostInCidr(cidr: Cidr, offset: number): string {
  return formatIPv4((cidr.base + offset) >>> 0);
}
