/** Number formatting in the page's language. */

/** "12,345" (en) / "12,345" (ko): whole numbers with grouping. */
export function count(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "49.87%": a share with two decimals. */
export function percent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(share);
}

/** "0.5000": a probability with four decimals. */
export function probability(locale: string, p: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(p);
}
