import type { Chooser } from './types';

/** One outcome of an exact enumeration and the probability of reaching it. */
export interface Weighted<T> {
  readonly probability: number;
  readonly value: T;
}

/** Raised when a walk asks for more random decisions than the enumeration allows. */
export class EnumerationLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly what: 'outcomes' | 'decisions',
  ) {
    super(
      what === 'outcomes'
        ? `exact mode stopped after ${limit} outcomes; the rules branch too much to enumerate`
        : `exact mode stopped after ${limit} random decisions on one path; the rules may loop`,
    );
  }
}

/**
 * Exact mode: runs a deterministic walk once per path through its random decisions and
 * returns every outcome with its probability. The walk is replayed with a scripted Chooser
 * (depth-first over the decision tree), so the same code that samples one connection also
 * yields the full distribution — no formula stands in for the rules.
 *
 * The walk must be a pure function of the choices it is given (no state carried between
 * replays), which is how a single new connection behaves.
 */
export function enumerate<T>(walk: (chooser: Chooser) => T, maxOutcomes = 100_000, maxDepth = 10_000): Weighted<T>[] {
  const out: Weighted<T>[] = [];
  // A decision script: the branch index taken at each decision point.
  let script: number[] = [];
  for (;;) {
    let depth = 0;
    let probability = 1;
    const taken: number[] = [];
    const seen: number[] = [];
    const pick = (width: number, weightOf: (branch: number) => number): number => {
      // A path that never stops deciding (a loop around a statistic rule) must not hang us.
      if (depth >= maxDepth) throw new EnumerationLimitError(maxDepth, 'decisions');
      const branch = depth < script.length ? (script[depth] as number) : 0;
      taken.push(branch);
      seen.push(width);
      probability *= weightOf(branch);
      depth++;
      return branch;
    };
    const chooser: Chooser = {
      // Branch 0 = "matched" (probability p), branch 1 = "did not match".
      bernoulli: (p) => pick(2, (b) => (b === 0 ? p : 1 - p)) === 0,
      uniform: (n) => pick(n, () => 1 / n),
    };
    const value = walk(chooser);
    if (probability > 0) out.push({ probability, value });
    if (out.length > maxOutcomes) throw new EnumerationLimitError(maxOutcomes, 'outcomes');
    // Advance to the next script: bump the deepest decision that still has an untried branch.
    // `seen` holds how many branches each decision point had.
    script = taken;
    let i = script.length - 1;
    while (i >= 0 && (script[i] as number) + 1 >= (seen[i] as number)) i--;
    if (i < 0) return out;
    script = script.slice(0, i + 1);
    script[i] = (script[i] as number) + 1;
  }
}
