/**
 * What each card says, from the lesson data and the UI strings: one card per challenge and
 * locale, and one site card per locale for every other page.
 */
import { bounceCluster, bounceFigures } from '../components/diagram/bounce';
import { useTranslations } from '../i18n/index';
import { localeTags, type Locale } from '../i18n/locales';
import type { CardDrawing } from './cardDrawing';
import type { CardContent } from './cardSvg';

/** The lesson fields a card shows. */
export interface CardLesson {
  readonly challenge: number;
  readonly title: string;
  readonly question: string;
}

/**
 * The cluster each challenge's card draws, by slug, with the routes of the question's own
 * figure (never the answer's). A lesson missing here gets a card with text only.
 */
const lessonDrawings: Readonly<Record<string, Omit<CardDrawing, 'clientLabel'>>> = {
  bounce: { cluster: bounceCluster, routes: bounceFigures.setup.routes.map((r) => r.route) },
  // The client connects to node 1's NodePort.
  'source-ip': { cluster: bounceCluster, routes: [{ kind: 'request', node: 'node-1' }] },
  // The clients connect to node 1's and to node 2's NodePort, in turn.
  sticky: {
    cluster: bounceCluster,
    routes: [
      { kind: 'request', node: 'node-1' },
      { kind: 'request', node: 'node-2' },
    ],
  },
  // The caller is a pod inside the cluster: no client route to draw.
  hairpin: { cluster: bounceCluster, routes: [] },
  // The NodePort of node 3, which has no local endpoint.
  'dead-end': { cluster: bounceCluster, routes: [{ kind: 'request', node: 'node-3' }] },
};

/** The site's own drawing: the bounce cluster without any route. */
const siteDrawing: Omit<CardDrawing, 'clientLabel'> = { cluster: bounceCluster, routes: [] };

function footer(locale: Locale): string {
  const t = useTranslations(locale);
  return `${t('site.name')} · ${t('site.tagline')}`;
}

/** The card of one challenge in one locale. */
export function lessonCard(locale: Locale, slug: string, lesson: CardLesson): CardContent {
  const t = useTranslations(locale);
  const drawing = lessonDrawings[slug];
  return {
    lang: localeTags[locale],
    eyebrow: t('challenge.number', { n: lesson.challenge }),
    title: lesson.title,
    body: lesson.question,
    footer: footer(locale),
    drawing: drawing ? { ...drawing, clientLabel: t('diagram.client') } : null,
  };
}

/** The card of every page that is not a challenge, in one locale. */
export function siteCard(locale: Locale): CardContent {
  const t = useTranslations(locale);
  return {
    lang: localeTags[locale],
    eyebrow: '',
    title: t('home.title'),
    body: t('home.description'),
    footer: footer(locale),
    drawing: { ...siteDrawing, clientLabel: t('diagram.client') },
  };
}
