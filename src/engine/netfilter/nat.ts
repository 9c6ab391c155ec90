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

/** An IPv6 address as four 32-bit words, most significant first (the address's byte order). */
function words6(addr: bigint): number[] {
  return [96n, 64n, 32n, 0n].map((shift) => Number((addr >> shift) & 0xffffffffn));
}

/**
 * find_best_ips_proto() for IPv6: jhash2 over the source's four words with the destination's
 * last word as init value (0 with --persistent); then word by word, most significant first,
 * the word's own [min, max] distance until a word falls short of the range's maximum, and the
 * full 32-bit range for every word after it (so a range across a word boundary can land past
 * its nominal end, as the kernel's can). Without --persistent each destination word is mixed
 * into the hash after its word is picked.
 */
export function pickNatAddress6(first: bigint, last: bigint, src: bigint, dst: bigint, persistent: boolean): bigint {
  if (first === last) return first;
  const min = words6(first);
  const max = words6(last);
  const d = words6(dst).map(asStoredWord);
  let j = jhash2(words6(src).map(asStoredWord), persistent ? 0 : (d[3] as number));
  let full = false;
  let out = 0n;
  for (let i = 0; i < 4; i++) {
    const lo = full ? 0 : (min[i] as number);
    // u32 arithmetic: a full word's distance (max - min + 1) wraps to 0, and reciprocal_scale(j, 0) is 0.
    const dist = full ? 0xffffffff : ((max[i] as number) - lo + 1) >>> 0;
    const word = (lo + Math.floor((j * dist) / 4294967296)) >>> 0;
    out = (out << 32n) | BigInt(word);
    if (word !== max[i]) full = true;
    if (!persistent) j = (j ^ (d[i] as number)) >>> 0;
  }
  return out;
}

/**
 * The address a NAT mapping gives the packet: its one address, or for a range the kernel's
 * hashed pick (pickNatAddress, pickNatAddress6).
 */
export function natAddress(
  range: { readonly first: Address; readonly last: Address },
  p: Packet,
  persistent: boolean,
): Address {
  const { first, last } = range;
  if (first === last) return first;
  if (typeof first === 'number' && typeof last === 'number' && typeof p.src === 'number' && typeof p.dst === 'number')
    return pickNatAddress(first, last, p.src, p.dst, persistent);
  if (typeof first === 'bigint' && typeof last === 'bigint' && typeof p.src === 'bigint' && typeof p.dst === 'bigint')
    return pickNatAddress6(first, last, p.src, p.dst, persistent);
  return first;
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
