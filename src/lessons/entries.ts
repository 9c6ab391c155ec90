import { isLocale, type Locale } from '../i18n/locales';

/** Where a lesson lives: its locale and slug, split from a collection id like "ko/bounce". */
export interface LessonAddress {
  readonly locale: Locale;
  readonly slug: string;
}

/**
 * Splits a lesson id into locale and slug. Files outside content/lessons/en|ko are a
 * mistake worth a clear build error, not a page at a strange URL.
 */
export function lessonAddress(id: string): LessonAddress {
  const [locale, ...rest] = id.split('/');
  const slug = rest.join('/');
  if (!isLocale(locale) || slug === '') {
    throw new Error(`Lesson "${id}" must be at content/lessons/<en|ko>/<slug>.mdx (got locale "${locale ?? ''}")`);
  }
  return { locale, slug };
}
