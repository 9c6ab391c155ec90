import { defaultLocale, isLocale, type Locale } from './locales';

/**
 * Picks the site locale for a browser's preferred languages (navigator.languages order):
 * the first tag whose primary subtag is a site locale wins, e.g. "ko-KR" → "ko".
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}

/** The locale a path is under ("/ko/challenges/" → "ko"), or undefined outside /en/ and /ko/. */
export function localeFromPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}
