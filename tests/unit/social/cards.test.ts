/**
 * Every challenge's card in every language: the text it shows comes from the lesson, every
 * character of it exists in the card font (so Korean is drawn, not replaced by boxes), and the
 * rasterised PNG has the size Open Graph asks for.
 */
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/lessons/schema';
import { cardSvg } from '../../../src/social/cardSvg';
import { lessonCard, siteCard } from '../../../src/social/cards';
import { cardFontMetrics } from '../../../src/social/fonts';
import { renderPng } from '../../../src/social/renderPng';
import { readLessons } from '../site/lesson-files';
import { pngSize } from './png';

const lessons = readLessons().map((file) => ({ ...file, data: lessonSchema.parse(file.frontmatter) }));
const fonts = cardFontMetrics();
const textOf = (svg: string) =>
  [...svg.matchAll(/<(?:tspan|text)[^>]*>([^<]+)</g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&').replace(/&[a-z]+;/g, ''),
  );

describe('lesson cards', () => {
  it.each(lessons.map((l) => [`${l.locale}/${l.slug}`, l] as const))(
    '%s: shows the lesson and draws every glyph',
    (_, lesson) => {
      const content = lessonCard(lesson.locale, lesson.slug, lesson.data);
      expect(content.title).toBe(lesson.data.title);
      expect(content.body).toBe(lesson.data.question);
      expect(content.eyebrow).toContain(String(lesson.data.challenge));
      const svg = cardSvg(content, fonts);
      const missing = [...new Set(textOf(svg).join('').replace(/\s/g, ''))].filter(
        (c) => c !== '…' && !fonts.bold.covers(c.codePointAt(0) ?? 0),
      );
      expect(missing, 'characters without a glyph in the card font').toEqual([]);
      expect(svg).toContain(`xml:lang="${lesson.locale}"`);
      // The title is on the card in full (wrapped lines joined back).
      expect(textOf(svg).join(' ')).toContain(lesson.data.title.split(' ')[0]);
    },
  );

  it('rasterises to a 1200×630 PNG', () => {
    const lesson = lessons.find((l) => l.locale === 'ko') ?? lessons[0]!;
    const png = renderPng(cardSvg(lessonCard(lesson.locale, lesson.slug, lesson.data), fonts));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('gives a lesson without a known cluster a text-only card', () => {
    const content = lessonCard('en', 'no-such-cluster', { challenge: 99, title: 'T', question: 'Q?' });
    expect(content.drawing).toBeNull();
    expect(cardSvg(content, fonts)).not.toContain('<marker');
  });
});

describe('site cards', () => {
  it.each(['en', 'ko'] as const)('%s: title from the home page, drawn in the site font', (locale) => {
    const svg = cardSvg(siteCard(locale), fonts);
    expect(svg).toContain('font-family="SUIT"');
    expect(svg).toContain(`xml:lang="${locale}"`);
  });
});
