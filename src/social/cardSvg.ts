/**
 * A social card (Open Graph / Twitter image) as SVG: 1200×630, the size both recommend.
 * Text on the left (eyebrow, title, body), the cluster drawing on the right, the site's name
 * and tagline along the bottom. Text is wrapped with the font's own metrics.
 */
import { drawingSize, drawingSvg, type CardDrawing } from './cardDrawing';
import { CARD_FONT_FAMILY, cardFontWeights, type CardWeight } from './fonts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths';
import type { FontMetrics } from './fontMetrics';
import { wrapText } from './wrap';
import { escapeXml } from './xml';

export { CARD_HEIGHT, CARD_WIDTH } from './paths';

/** What one card says and shows. */
export interface CardContent {
  /** BCP 47 language of the text (xml:lang, so the rasteriser shapes it as such). */
  readonly lang: string;
  /** The small line above the title ("Challenge 14"); empty for none. */
  readonly eyebrow: string;
  readonly title: string;
  /** A sentence or two under the title (the question, or the page description). */
  readonly body: string;
  /** The bottom line: the site's name and tagline. */
  readonly footer: string;
  /** The cluster to draw, or null for a card with text only. */
  readonly drawing: CardDrawing | null;
}

const PAD = 64;
const TEXT_TOP = 150;
const FOOTER_Y = CARD_HEIGHT - 52;
const DRAWING_BOX = { x: 640, y: 120, width: 500, height: 380 } as const;

const style = {
  eyebrow: { size: 30, weight: 'bold', fill: '#bc4c00', lineHeight: 40, maxLines: 1 },
  title: { size: 68, weight: 'bold', fill: '#1b1f24', lineHeight: 80, maxLines: 3 },
  body: { size: 28, weight: 'medium', fill: '#57606a', lineHeight: 40, maxLines: 4 },
} as const satisfies Record<
  string,
  { size: number; weight: CardWeight; fill: string; lineHeight: number; maxLines: number }
>;

/** The card as an SVG document. */
export function cardSvg(content: CardContent, fonts: Readonly<Record<CardWeight, FontMetrics>>): string {
  const textWidth = (content.drawing ? DRAWING_BOX.x - 40 : CARD_WIDTH - PAD) - PAD;
  const block = (kind: keyof typeof style, text: string, top: number) => {
    const s = style[kind];
    // Never past the rule above the footer: the body gets the lines that are left.
    const room = Math.floor((FOOTER_Y - 64 - top - s.size) / s.lineHeight) + 1;
    const maxLines = Math.max(1, Math.min(s.maxLines, room));
    const lines =
      text.trim() === '' ? [] : wrapText(text, textWidth, maxLines, (t) => fonts[s.weight].width(t, s.size));
    const tspans = lines.map(
      (line, i) => `<tspan x="${PAD}" y="${top + s.size + i * s.lineHeight}">${escapeXml(line)}</tspan>`,
    );
    const svg = `<text font-family="${CARD_FONT_FAMILY}" font-size="${s.size}" font-weight="${cardFontWeights[s.weight]}" fill="${s.fill}">${tspans.join('')}</text>`;
    if (lines.length === 0) return { svg: '', bottom: top };
    return { svg, bottom: top + s.size + (lines.length - 1) * s.lineHeight + (s.lineHeight - s.size) };
  };
  const eyebrow = block('eyebrow', content.eyebrow, TEXT_TOP - 20);
  const title = block('title', content.title, eyebrow.bottom + 8);
  const body = block('body', content.body, title.bottom + 16);

  const footerText = wrapText(content.footer, CARD_WIDTH - 2 * PAD - 60, 1, (t) => fonts.medium.width(t, 24))[0] ?? '';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" xml:lang="${escapeXml(content.lang)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fbfbfc"/>`,
    `<rect width="${CARD_WIDTH}" height="14" fill="#0b5cad"/>`,
    // The site's mark (the same curve as the header logo), then its name.
    `<g transform="translate(${PAD} 44) scale(2)"><path d="M3 18 C7 4, 11 4, 12 12 S17 20, 21 6" fill="none" stroke="#0b5cad" stroke-width="2.5" stroke-linecap="round"/></g>`,
    `<text x="${PAD + 60}" y="84" font-family="${CARD_FONT_FAMILY}" font-size="34" font-weight="${cardFontWeights.bold}" fill="#1b1f24">bounce</text>`,
    eyebrow.svg,
    title.svg,
    body.svg,
  ];
  if (content.drawing) {
    const size = drawingSize(content.drawing);
    const scale = Math.min(DRAWING_BOX.width / size.width, DRAWING_BOX.height / size.height);
    const x = DRAWING_BOX.x + (DRAWING_BOX.width - size.width * scale) / 2;
    const y = DRAWING_BOX.y + (DRAWING_BOX.height - size.height * scale) / 2;
    parts.push(
      `<g transform="translate(${round(x)} ${round(y)}) scale(${round(scale)})">${drawingSvg(content.drawing)}</g>`,
    );
  }
  parts.push(
    `<line x1="${PAD}" y1="${FOOTER_Y - 40}" x2="${CARD_WIDTH - PAD}" y2="${FOOTER_Y - 40}" stroke="#d6dbe1" stroke-width="2"/>`,
    `<text x="${PAD}" y="${FOOTER_Y}" font-family="${CARD_FONT_FAMILY}" font-size="24" font-weight="${cardFontWeights.medium}" fill="#57606a">${escapeXml(footerText)}</text>`,
    '</svg>',
  );
  return parts.join('');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
