/**
 * How the kernel's NAT core picks an address and port inside a `--to-destination` /
 * `--to-source` range (net/netfilter/nf_nat_core.c). The address is not random: it is a
 * jhash of the source and destination addresses (find_best_ips_proto), so one client keeps
 * landing on the same address. Ports are kept when they already lie in the range.
 */
import type { Address } from './ip';
import type { NatRangeSpec } from './model';
import type { Packet } from './packet';

const rol32 = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Linux jhash2() (Bob Jenkins' lookup3) over 32-bit words. */
export function jhash2(words: readonly number[], initval: number): number {
  let length = words.length;
  let a = (0xdeadbeef + (length << 2) + initval) >>> 0;
  let b = a;
  let c = a;
  let k = 0;
  while (length > 3) {
    a = (a + (words[k] as number)) >>> 0;
    b = (b + (words[k + 1] as number)) >>> 0;
    c = (c + (words[k + 2] as number)) >>> 0;
    // __jhash_mix
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 4)) >>> 0;
    b = (b + a) >>> 0;
    length -= 3;
    k += 3;
  }
  if (length === 0) return c;
  if (length === 3) c = (c + (words[k + 2] as number)) >>> 0;
  if (length >= 2) b = (b + (words[k + 1] as number)) >>> 0;
  a = (a + (words[k] as number)) >>> 0;
  // __jhash_final
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 14)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rol32(c, 11)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rol32(a, 25)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 16)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rol32(c, 4)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rol32(a, 14)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rol32(b, 24)) >>> 0;
  return c;
}

// An address as the kernel holds it (network byte order) read as a little-endian u32 (x86).
const asStoredWord = (addr: number): number =>
  (((addr & 0xff) << 24) | (((addr >>> 8) & 0xff) << 16) | (((addr >>> 16) & 0xff) << 8) | (addr >>> 24)) >>> 0;

/**
 * The address find_best_ips_proto() picks from [first, last] for a connection from `src` to
 * `dst` (IPv4, conntrack zone 0): jhash2 over the 16-byte source address with the destination
 * as init value (0 with --persistent), scaled into the range by reciprocal_scale.
 */
export function pickNatAddress(first: number, last: number, src: number, dst: number, persistent: boolean): number {
  if (first === last) return first;
  const j = jhash2([asStoredWord(src), 0, 0, 0], persistent ? 0 : asStoredWord(dst));
  const dist = last - first + 1;
  // reciprocal_scale(j, dist) = (u64)j * dist >> 32, exact in doubles for 32-bit operands.
  return (first + Math.floor((j * dist) / 4294967296)) >>> 0;
}

/**
 * The address a NAT mapping gives the packet: its one address, or for an IPv4 range the
 * kernel's hashed pick (pickNatAddress). IPv6 ranges are refused when the rule is parsed.
 */
export function natAddress(
  range: { readonly first: Address; readonly last: Address },
  p: Packet,
  persistent: boolean,
): Address {
  const { first, last } = range;
  if (first === last || typeof first !== 'number' || typeof last !== 'number') return first;
  if (typeof p.src !== 'number' || typeof p.dst !== 'number') return first;
  return pickNatAddress(first, last, p.src, p.dst, persistent);
}

/**
 * The port the NAT core leaves on the packet for a range: the original one when it lies in
 * the range (the tuple is unique: every simulated connection has its own source port), else
 * the range's first port (DNAT: nf_nat_l4proto_unique_tuple starts at offset 0). For SNAT the
 * kernel would start at a random offset instead; nothing downstream depends on that port, so
 * the first port stands in for it and the docs say so.
 */
export function pickNatPort(range: NatRangeSpec, original: number): number {
  if (!range.ports) return original;
  if (original >= range.ports.first && original <= range.ports.last) return original;
  return range.ports.first;
}
