/**
 * Where randomness enters the engine. The engine never calls the global random source: every random
 * decision (an iptables `statistic` match, an nft `numgen`, a scheduler pick) asks a Chooser.
 * A sampling Chooser draws from a seeded generator, so a run replays from its seed; an
 * enumerating Chooser (exact mode) explores every branch and weighs it by its probability.
 */
export interface Chooser {
  /** True with probability p (0 ≤ p ≤ 1), as `-m statistic --mode random --probability p`. */
  bernoulli(p: number): boolean;
  /** An integer in [0, n) uniformly, as `numgen random mod n`. */
  uniform(n: number): number;
}

/** A seeded source of uniform doubles in [0, 1). */
export interface Rng {
  /** The next double in [0, 1). */
  next(): number;
}
