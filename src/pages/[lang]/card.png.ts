/** The site's social card in one locale, used by every page that is not a challenge. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, localeOf } from '@/i18n/index.ts';
import { cardResponse } from '@/social/cardResponse.ts';
import { siteCard } from '@/social/cards.ts';

export const getStaticPaths = (() => locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => cardResponse(siteCard(localeOf(params['lang'])));
