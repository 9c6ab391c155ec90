/** The site's languages, in the order the chooser and the language switch list them. */
export const locales = ['en', 'ko'] as const;

/** One of the site's languages. */
export type Locale = (typeof locales)[number];

/** The language served when nothing says otherwise (the chooser's fallback, x-default). */
export const defaultLocale: Locale = 'en';

/** Each locale's name written in that language, for links that switch to it. */
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', ko: '한국어' };

/** BCP 47 tags for <html lang>, hreflang and date formatting. */
export const localeTags: Readonly<Record<Locale, string>> = { en: 'en', ko: 'ko' };

/** True when `value` names one of the site's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale the language switch offers from `locale` (the site has exactly two). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'ko' : 'en';
}
