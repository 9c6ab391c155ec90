/** The site's social card in one locale, used by every page that is not a challenge. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, localeOf } from '@/i18n/index';
import { cardResponse } from '@/social/cardResponse';
import { siteCard } from '@/social/cards';

export const getStaticPaths = (() => locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => cardResponse(siteCard(localeOf(params['lang'])));
