import { localeFromPath } from './detect';
import { locales, type Locale } from './locales';

/** A site path under `locale`, always with a trailing slash: ("ko", "challenges") → "/ko/challenges/". */
export function localizedPath(locale: Locale, rest = ''): string {
  const trimmed = rest.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? `/${locale}/` : `/${locale}/${trimmed}/`;
}

/**
 * The same page in `target`: swaps the locale prefix of `pathname` and keeps the rest, so
 * the language switch lands on the same lesson rather than on the other home page.
 */
export function switchLocalePath(pathname: string, target: Locale): string {
  const current = localeFromPath(pathname);
  if (current === undefined) return localizedPath(target);
  return localizedPath(target, pathname.slice(current.length + 1));
}

/** The path of this page in every locale, for hreflang alternates. */
export function alternatePaths(pathname: string): Record<Locale, string> {
  return Object.fromEntries(locales.map((l) => [l, switchLocalePath(pathname, l)])) as Record<Locale, string>;
}
