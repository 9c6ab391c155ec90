/** Filling placeholders and formatting numbers in the page's language. */

/** Fills `{name}` placeholders (and picks Korean particles after them); see ../fill.ts. */
export { fill } from '../fill.ts';

/** A whole number with grouping: 12,345. */
export function count(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A share as a percentage with two decimals: 49.87%. */
export function percent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(share);
}

/** A probability with up to six decimals, exact fractions kept short: 0.5, 0.333333. */
export function probability(locale: string, p: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 6 }).format(p);
}

/** A big estimate in scientific form when it is huge: 1.2e+15 stays readable. */
export function estimate(locale: string, n: number): string {
  return n >= 1e9 ? n.toExponential(1) : count(locale, Math.round(n));
}
