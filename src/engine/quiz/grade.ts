import type { Claim } from '../lab/spec';
import { wilsonInterval, type Interval } from '../stats/wilson';

export type { Claim } from '../lab/spec';

/** An answer option: its stable id and the claim it makes. */
export interface ClaimOption {
  readonly id: string;
  readonly claim: Claim;
}

/** The evidence for a share claim: how many of the observed connections were hits. */
export interface Evidence {
  readonly hits: number;
  readonly trials: number;
}

/** How one claim is tested: the observed hits out of trials, against the share it claims. */
export interface ClaimTest extends Evidence {
  readonly value: number;
}

/** One option's test as graded: the observed share, its interval, and whether the claim fits. */
export interface OptionFit {
  readonly share: number;
  readonly interval: Interval;
  readonly fits: boolean;
}

/** The grade of a run: which options the observations support, and the verdict. */
export interface Grade {
  readonly confidence: number;
  /** Per option id, its test (absent for "none" and for claims without evidence). */
  readonly fits: Readonly<Record<string, OptionFit>>;
  /** Ids of the options whose claim the evidence supports, in option order. */
  readonly supported: readonly string[];
  /**
   * "decided": exactly one option is supported and it is the answer.
   * "inconclusive": several claims fit (too few connections to tell them apart).
   */
  readonly verdict: { readonly kind: 'decided'; readonly correct: string } | { readonly kind: 'inconclusive' };
}

/**
 * Grades options by testing each claim against the run's evidence. A claim is supported when
 * the share it claims lies inside the Wilson interval of the observed share ("always" needs
 * every trial to be a hit, "never" none); a claim with no trials at all has no evidence and
 * is not supported. The "none" option is supported when no other claim is. The answer key is
 * thus whatever the run showed: change the cluster and the correct option changes with it.
 */
export function gradeClaims(
  options: readonly ClaimOption[],
  testOf: (claim: Claim) => ClaimTest | null,
  confidence = 0.999,
): Grade {
  const fits: Record<string, OptionFit> = {};
  for (const o of options) {
    const test = o.claim.kind === 'none' ? null : testOf(o.claim);
    if (!test || test.trials <= 0) continue;
    const { hits, trials, value } = test;
    const interval = wilsonInterval(hits, trials, confidence);
    const fit =
      value === 1 ? hits === trials : value === 0 ? hits === 0 : value >= interval.low && value <= interval.high;
    fits[o.id] = { share: hits / trials, interval, fits: fit };
  }
  const claimed = options.filter((o) => fits[o.id]?.fits === true).map((o) => o.id);
  const supported = claimed.length > 0 ? claimed : options.filter((o) => o.claim.kind === 'none').map((o) => o.id);
  const verdict =
    supported.length === 1
      ? { kind: 'decided' as const, correct: supported[0] as string }
      : { kind: 'inconclusive' as const };
  return { confidence, fits, supported, verdict };
}

/**
 * Grades share claims against one count: how many of the observed connections were hits
 * (the podShare and stickiness observables reduce to this).
 */
export function gradeRun(options: readonly ClaimOption[], evidence: Evidence, confidence = 0.999): Grade {
  if (evidence.trials <= 0) throw new RangeError('cannot grade a run with no connections');
  return gradeClaims(
    options,
    (claim) => (claim.kind === 'share' ? { ...evidence, value: claim.value } : null),
    confidence,
  );
}
