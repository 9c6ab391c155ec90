/** The hashes the schedulers use, against the kernel's own test vectors and definitions. */
import { describe, expect, it } from 'vitest';
import { hash32, hsiphash32, jhash3 } from '../../../../src/engine/datapaths/shared/hash';

describe('kernel hashes', () => {
  it('hsiphash on a 64-bit kernel: lib/siphash_kunit.c test_vectors_hsiphash[4] (input 00 01 02 03)', () => {
    expect(hsiphash32(0x03020100, 0x0706050403020100n, 0x0f0e0d0c0b0a0908n)).toBe(0x88d38328);
  });

  it('hash_32 takes the top bits of val × GOLDEN_RATIO_32 (include/linux/hash.h)', () => {
    expect(hash32(1, 8)).toBe(0x61c88647 >>> 24);
    expect(hash32(0, 8)).toBe(0);
    expect(hash32(0xffffffff, 32)).toBe(Math.imul(0xffffffff, 0x61c88647) >>> 0);
  });

  it('jhash_3words mixes every word (changing one input changes the hash)', () => {
    const h = jhash3(1, 2, 3, 0);
    expect(jhash3(1, 2, 3, 0)).toBe(h);
    expect(new Set([h, jhash3(0, 2, 3, 0), jhash3(1, 0, 3, 0), jhash3(1, 2, 0, 0), jhash3(1, 2, 3, 1)]).size).toBe(5);
  });
});
