/** Number formatting in the page's language. */

/** "12,345" (en) / "12,345" (ko): whole numbers with grouping. */
export function count(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "49.87%": a share with two decimals. */
export function percent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    share,
  );
}

/** How many decimals a probability shows: trailing zeros are dropped down to `min`. */
export interface Decimals {
  readonly min: number;
  readonly max: number;
}

/**
 * A probability with as many decimals as `decimals` allows: { min: 4, max: 4 } gives "0.5000"
 * beside two-decimal percentages; { min: 1, max: 6 } gives "0.5" and "0.333333".
 */
export function probability(locale: string, p: number, decimals: Decimals): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals.min,
    maximumFractionDigits: decimals.max,
  }).format(p);
}

/** A big estimate in scientific form when it is huge: 1.2e+15 stays readable. */
export function estimate(locale: string, n: number): string {
  return n >= 1e9 ? n.toExponential(1) : count(locale, Math.round(n));
}
