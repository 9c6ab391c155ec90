import { localeTags, type Locale } from './locales';

/**
 * A publication date in the reader's language ("June 2, 2025" / "2025년 6월 2일"). Dates
 * in frontmatter are calendar days, so they are formatted in UTC to avoid an off-by-one.
 */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The machine-readable form for <time datetime>: "2025-06-02". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
