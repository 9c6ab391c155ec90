/**
 * The hreflang alternates of a sitemap entry, computed exactly as the page's own <head>
 * declares them (BaseLayout/RootLayout + Head): every locale's version of the page, plus
 * x-default, which is the language chooser "/" for home pages and the English page otherwise.
 * @astrojs/sitemap's own i18n option cannot express this: it takes "/" (our chooser) for an
 * English page and lists two "en" alternates for it.
 */
import { localeFromPath } from '../i18n/detect';
import { localeTags, locales } from '../i18n/locales';
import { alternatePaths, localizedPath } from '../i18n/paths';

/** One <xhtml:link rel="alternate">: a hreflang value and an absolute URL. */
export interface SitemapLink {
  readonly lang: string;
  readonly url: string;
}

/** Alternates of the page at absolute `url`; none for a page outside the locales but "/". */
export function sitemapLinks(url: string): SitemapLink[] {
  const { pathname, origin } = new URL(url);
  const locale = localeFromPath(pathname);
  if (pathname !== '/' && locale === undefined) return [];
  const alternates = alternatePaths(pathname);
  const isHome = locale === undefined || pathname === localizedPath(locale);
  const absolute = (path: string) => new URL(path, origin).href;
  return [
    ...locales.map((l) => ({ lang: localeTags[l], url: absolute(alternates[l]) })),
    { lang: 'x-default', url: absolute(isHome ? '/' : alternates.en) },
  ];
}
