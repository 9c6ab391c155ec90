/**
 * The RSS feed of one locale: one item per challenge, newest first, each linking to the
 * challenge's page in that language. Feed readers find it through the <link> in every page.
 */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeOf, localeTags, locales, useTranslations } from '@/i18n/index';
import { localizedPath } from '@/i18n/paths';
import { lessonsIn } from '@/lessons/queries';

export const getStaticPaths = (() => locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('rss: `site` is not set in astro.config.mjs (it comes from SITE_URL)');
  const locale = localeOf(params['lang']);
  const t = useTranslations(locale);
  const lessons = (await lessonsIn(locale)).sort(
    (a, b) =>
      b.entry.data.published.getTime() - a.entry.data.published.getTime() ||
      b.entry.data.challenge - a.entry.data.challenge,
  );
  const self = new URL(`${localizedPath(locale)}rss.xml`, site).href;
  return rss({
    title: t('feed.title'),
    description: t('feed.description'),
    site: new URL(localizedPath(locale), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${localeTags[locale]}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: lessons.map(({ entry, slug }) => ({
      title: `${t('challenge.number', { n: entry.data.challenge })}: ${entry.data.title}`,
      link: localizedPath(locale, `challenges/${slug}`),
      pubDate: entry.data.published,
      description: entry.data.description,
      categories: [...entry.data.tags],
    })),
  });
};
