import type { Chooser, Rng } from './types';

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and is a handful of 32-bit integer operations — fast enough that the generator
 * never dominates a multi-million-connection run.
 */
export function createRng(seed: number): Rng {
  // Spread a 32-bit seed over the state with splitmix32 so nearby seeds give unrelated streams.
  let s = seed >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 needs a few rounds to decorrelate from its seed.
  for (let i = 0; i < 12; i++) step();
  return { next: () => step() / 4294967296 };
}

/** A Chooser that draws every decision from a seeded generator (sampling mode). */
export function samplingChooser(rng: Rng): Chooser {
  return {
    bernoulli: (p) => rng.next() < p,
    uniform: (n) => Math.floor(rng.next() * n),
  };
}

/** Turns a user-facing seed (any integer or string) into the 32-bit seed createRng takes. */
export function normalizeSeed(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  // FNV-1a over the text, so "abc" and 42 are both valid, stable seeds.
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
