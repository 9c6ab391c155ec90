/**
 * The hash functions the modelled datapaths use, bit for bit, so hashing schedulers pick the
 * backend the kernel would:
 *   hash32     linux include/linux/hash.h hash_32() (GOLDEN_RATIO_32), used by ip_vs_sh.c;
 *   hsiphash   linux lib/siphash.c hsiphash() as built on 64-bit kernels (SipHash-1-3 on
 *              64-bit words; "on 64-bit, we make HalfSipHash1-3 actually be SipHash1-3"),
 *              used by ip_vs_mh.c;
 *   jhash3     linux include/linux/jhash.h jhash_3words(), copied in cilium/cilium
 *              bpf/lib/jhash.h and used by bpf/lib/hash.h hash_from_tuple_v4();
 *   murmur3    MurmurHash3_x64_128 as cilium/cilium pkg/murmur3 implements it (used by
 *              pkg/maglev getOffsetAndSkip).
 * 64-bit arithmetic uses BigInt; these run once per backend or per connection, not per byte.
 */

const M64 = (1n << 64n) - 1n;
const rotl64 = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M64;
const rol32 = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;

/** hash_32(val, bits): (val * 0x61C88647) >> (32 - bits). */
export function hash32(value: number, bits: number): number {
  return (Math.imul(value >>> 0, 0x61c88647) >>> 0) >>> (32 - bits);
}

/** hsiphash(&v, 4, key) on a 64-bit little-endian kernel; key words are unsigned longs. */
export function hsiphash32(value: number, key0: bigint, key1: bigint): number {
  let v0 = 0x736f6d6570736575n ^ key0;
  let v1 = 0x646f72616e646f6dn ^ key1;
  let v2 = 0x6c7967656e657261n ^ key0;
  let v3 = 0x7465646279746573n ^ key1;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rotl64(v1, 13n);
    v1 ^= v0;
    v0 = rotl64(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rotl64(v3, 16n);
    v3 ^= v2;
    v0 = (v0 + v3) & M64;
    v3 = rotl64(v3, 21n);
    v3 ^= v0;
    v2 = (v2 + v1) & M64;
    v1 = rotl64(v1, 17n);
    v1 ^= v2;
    v2 = rotl64(v2, 32n);
  };
  // len = 4: no full 8-byte word; the 4 bytes go into b with the length in the top byte.
  const b = (4n << 56n) | BigInt(value >>> 0);
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return Number((v0 ^ v1 ^ v2 ^ v3) & 0xffffffffn);
}

/** jhash_3words(a, b, c, initval): __jhash_nwords with initval + JHASH_INITVAL + (3 << 2). */
export function jhash3(a0: number, b0: number, c0: number, initval: number): number {
  const init = (initval + 0xdeadbeef + 12) >>> 0;
  let a = (a0 + init) >>> 0;
  let b = (b0 + init) >>> 0;
  let c = (c0 + init) >>> 0;
  // __jhash_final
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

function fmix64(k0: bigint): bigint {
  let k = k0;
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & M64;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & M64;
  k ^= k >> 33n;
  return k;
}

/** MurmurHash3_x64_128(data, seed) → [h1, h2] (each a 64-bit unsigned BigInt). */
export function murmur3x64128(data: Uint8Array, seed: number): [bigint, bigint] {
  const c1 = 0x87c37b91114253d5n;
  const c2 = 0x4cf5ad432745937fn;
  let h1 = BigInt(seed >>> 0);
  let h2 = BigInt(seed >>> 0);
  const word = (at: number, n: number): bigint => {
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[at + i] ?? 0);
    return v;
  };
  const blocks = Math.floor(data.length / 16);
  for (let i = 0; i < blocks; i++) {
    let k1 = word(i * 16, 8);
    let k2 = word(i * 16 + 8, 8);
    k1 = (k1 * c1) & M64;
    k1 = rotl64(k1, 31n);
    k1 = (k1 * c2) & M64;
    h1 ^= k1;
    h1 = rotl64(h1, 27n);
    h1 = (h1 + h2) & M64;
    h1 = (h1 * 5n + 0x52dce729n) & M64;
    k2 = (k2 * c2) & M64;
    k2 = rotl64(k2, 33n);
    k2 = (k2 * c1) & M64;
    h2 ^= k2;
    h2 = rotl64(h2, 31n);
    h2 = (h2 + h1) & M64;
    h2 = (h2 * 5n + 0x38495ab5n) & M64;
  }
  const tail = blocks * 16;
  const rest = data.length & 15;
  if (rest > 8) {
    let k2 = word(tail + 8, rest - 8);
    k2 = (k2 * c2) & M64;
    k2 = rotl64(k2, 33n);
    k2 = (k2 * c1) & M64;
    h2 ^= k2;
  }
  if (rest > 0) {
    let k1 = word(tail, Math.min(rest, 8));
    k1 = (k1 * c1) & M64;
    k1 = rotl64(k1, 31n);
    k1 = (k1 * c2) & M64;
    h1 ^= k1;
  }
  const len = BigInt(data.length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  return [h1, h2];
}

/** The bytes of a string as UTF-8. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A 32-bit value with its byte order swapped (network order read as a little-endian word). */
export function bswap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}

/** A 16-bit value with its byte order swapped. */
export function bswap16(v: number): number {
  return ((v & 0xff) << 8) | ((v >>> 8) & 0xff);
}
