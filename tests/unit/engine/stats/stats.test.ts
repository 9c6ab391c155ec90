import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '@/engine/stats/normal';
import { wilsonInterval } from '@/engine/stats/wilson';
import { chiSquareGoodnessOfFit } from '@/engine/stats/chisquare';
import { logGamma, upperRegularizedGamma } from '@/engine/stats/gamma';

describe('normalQuantile', () => {
  it('matches published z values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.9995)).toBeCloseTo(3.290526731, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 8);
  });
  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1.2)).toThrow(/0 < p < 1/);
  });
});

describe('wilsonInterval', () => {
  it('matches textbook values at 95%', () => {
    const zero = wilsonInterval(0, 10, 0.95);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.27753, 4);
    const half = wilsonInterval(5, 10, 0.95);
    expect(half.low).toBeCloseTo(0.23659, 4);
    expect(half.high).toBeCloseTo(0.76341, 4);
  });
  it('reaches 1 only when every trial succeeded', () => {
    expect(wilsonInterval(1000, 1000).high).toBe(1);
    expect(wilsonInterval(999, 1000).high).toBeLessThan(1);
  });
  it('is a sub-interval of [0,1] containing the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.floor(f * n);
        const { low, high } = wilsonInterval(k, n);
        return low >= 0 && high <= 1 && low <= k / n + 1e-12 && high >= k / n - 1e-12;
      }),
    );
  });
  it('narrows as trials grow', () => {
    const a = wilsonInterval(50, 100);
    const b = wilsonInterval(5000, 10000);
    expect(b.high - b.low).toBeLessThan(a.high - a.low);
  });
  it('explains bad arguments', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes/);
    expect(() => wilsonInterval(1, 1.5)).toThrow(/trials/);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('gamma functions', () => {
  it('logGamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('Q(1, x) is exp(-x)', () => {
    for (const x of [0.1, 1, 3, 10]) expect(upperRegularizedGamma(1, x)).toBeCloseTo(Math.exp(-x), 12);
  });
});

describe('chiSquareGoodnessOfFit', () => {
  // Critical values from standard χ² tables.
  const critical: Array<[number, number, number]> = [
    [1, 3.841458820694124, 0.05],
    [2, 5.991464547107979, 0.05],
    [10, 18.307038053275146, 0.05],
    [3, 16.266236196238129, 0.001],
  ];
  it.each(critical)('df=%i, statistic %f has p=%f', (df, x, p) => {
    expect(upperRegularizedGamma(df / 2, x / 2)).toBeCloseTo(p, 9);
  });
  it('computes Pearson statistic for a fair split', () => {
    const r = chiSquareGoodnessOfFit([188, 212], [0.5, 0.5]);
    expect(r.statistic).toBeCloseTo(1.44, 10);
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.pValue).toBeCloseTo(0.2301, 3);
  });
  it('rejects counts in an impossible category outright', () => {
    expect(chiSquareGoodnessOfFit([400, 1], [1, 0]).pValue).toBe(0);
    expect(chiSquareGoodnessOfFit([400, 0], [1, 0]).pValue).toBe(1);
  });
  it('detects a clearly wrong model', () => {
    expect(chiSquareGoodnessOfFit([300, 100], [0.5, 0.5]).pValue).toBeLessThan(1e-9);
  });
  it('refuses mismatched or unnormalised inputs', () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [1])).toThrow(/categories/);
    expect(() => chiSquareGoodnessOfFit([1, 2], [0.5, 0.6])).toThrow(/sum/);
  });
});
