/** The HTTP side of a card: render it and wrap it as the PNG response an endpoint returns. */
import { cardSvg, type CardContent } from './cardSvg';
import { cardFontMetrics } from './fonts';
import { renderPng } from './renderPng';

/** A card as a PNG image response (written to dist/ as a file by the static build). */
export function cardResponse(content: CardContent): Response {
  const png = renderPng(cardSvg(content, cardFontMetrics()));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
