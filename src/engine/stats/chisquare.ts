import { upperRegularizedGamma } from './gamma';

/** The result of a χ² goodness-of-fit test. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  /** Probability of a statistic at least this large if the expected distribution is true. */
  readonly pValue: number;
}

/**
 * Pearson's χ² goodness-of-fit of observed counts against expected probabilities (which
 * must sum to 1). Categories the model says are impossible are handled exactly: any count
 * there rejects the model outright (p = 0) instead of dividing by zero.
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expected: readonly number[]): ChiSquareResult {
  if (observed.length !== expected.length) {
    throw new RangeError(`observed has ${observed.length} categories but expected has ${expected.length}`);
  }
  const total = observed.reduce((s, v) => s + v, 0);
  const mass = expected.reduce((s, v) => s + v, 0);
  if (Math.abs(mass - 1) > 1e-9) throw new RangeError(`expected probabilities sum to ${mass}, not 1`);
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < observed.length; i++) {
    const o = observed[i] as number;
    const p = expected[i] as number;
    if (p === 0) {
      if (o > 0) return { statistic: Infinity, degreesOfFreedom: Math.max(0, categories - 1), pValue: 0 };
      continue;
    }
    const e = p * total;
    statistic += ((o - e) * (o - e)) / e;
    categories++;
  }
  const degreesOfFreedom = categories - 1;
  // One possible category: the observation cannot disagree with the model.
  if (degreesOfFreedom <= 0 || total === 0) return { statistic: 0, degreesOfFreedom: 0, pValue: 1 };
  return { statistic, degreesOfFreedom, pValue: upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2) };
}
