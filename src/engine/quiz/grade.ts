import { wilsonInterval, type Interval } from '../stats/wilson';

/**
 * What a quiz option claims about the share of connections that reach the target pod.
 * "share" claims a probability (1 = always); "none" claims that no other option fits.
 */
export type Claim = { readonly kind: 'share'; readonly value: number } | { readonly kind: 'none' };

/** An answer option: its stable id and the claim it makes. */
export interface ClaimOption {
  readonly id: string;
  readonly claim: Claim;
}

/** The evidence: how many of the observed connections reached the target. */
export interface Evidence {
  readonly hits: number;
  readonly trials: number;
}

/** The grade of a run: which options the observations support, and the verdict. */
export interface Grade {
  readonly share: number;
  readonly interval: Interval;
  readonly confidence: number;
  /** Ids of the options whose claim the interval supports, in option order. */
  readonly supported: readonly string[];
  /**
   * "decided": exactly one option is supported and it is the answer.
   * "inconclusive": several share claims fit (too few connections to tell them apart).
   */
  readonly verdict: { readonly kind: 'decided'; readonly correct: string } | { readonly kind: 'inconclusive' };
}

/**
 * Grades options against observed connections. A share claim is supported when its value
 * lies inside the Wilson interval of the observed share ("always" therefore needs every
 * connection to land, since the interval reaches 1 only then); the "none" option is
 * supported when no share claim is. The answer key is thus whatever the run showed: change
 * the cluster and the correct option changes with it.
 */
export function gradeRun(options: readonly ClaimOption[], evidence: Evidence, confidence = 0.999): Grade {
  const { hits, trials } = evidence;
  if (trials <= 0) throw new RangeError('cannot grade a run with no connections');
  const interval = wilsonInterval(hits, trials, confidence);
  const fits = (value: number): boolean => {
    if (value === 1) return hits === trials;
    if (value === 0) return hits === 0;
    return value >= interval.low && value <= interval.high;
  };
  const shareSupported = options.filter((o) => o.claim.kind === 'share' && fits(o.claim.value)).map((o) => o.id);
  const supported =
    shareSupported.length > 0 ? shareSupported : options.filter((o) => o.claim.kind === 'none').map((o) => o.id);
  const verdict =
    supported.length === 1 ? { kind: 'decided' as const, correct: supported[0] as string } : { kind: 'inconclusive' as const };
  return { share: hits / trials, interval, confidence, supported, verdict };
}
