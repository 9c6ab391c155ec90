/**
 * SVG → PNG with resvg (a Rust SVG renderer shipped as a prebuilt binary inside its npm
 * package: no download, no network). System fonts are off, so a card looks the same on every
 * machine and a missing glyph shows up in review instead of being silently substituted.
 */
import { Resvg } from '@resvg/resvg-js';
import { CARD_FONT_FAMILY, cardFontFiles } from './fonts';

/** Rasterises `svg` at its own size with the card fonts. */
export function renderPng(svg: string): Uint8Array<ArrayBuffer> {
  const files = cardFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: {
      loadSystemFonts: false,
      fontFiles: [files.medium, files.bold],
      defaultFontFamily: CARD_FONT_FAMILY,
      sansSerifFamily: CARD_FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'error',
  });
  return new Uint8Array(resvg.render().asPng());
}
