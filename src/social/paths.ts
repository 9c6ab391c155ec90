/**
 * Where the cards are served: one per challenge and locale next to the challenge's page,
 * one per locale for every other page. Pages, the share kit and the tests all ask here.
 */
import { localizedPath } from '../i18n/paths';
import type { Locale } from '../i18n/locales';

/** Width of every card in px: the size Open Graph and Twitter recommend (1.91:1). */
export const CARD_WIDTH = 1200;

/** Height of every card in px. */
export const CARD_HEIGHT = 630;

/** File name of every card. */
export const CARD_FILE = 'card.png';

/** Path of a challenge's card: /en/challenges/bounce/card.png. */
export function lessonCardPath(locale: Locale, slug: string): string {
  return `${localizedPath(locale, `challenges/${slug}`)}${CARD_FILE}`;
}

/** Path of the site card of a locale: /ko/card.png. */
export function siteCardPath(locale: Locale): string {
  return `${localizedPath(locale)}${CARD_FILE}`;
}
