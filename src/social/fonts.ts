/**
 * The typeface of the social cards: SUIT (OFL-1.1, npm package @sun-typeface/suit), a sans
 * serif drawn for Korean with Latin letters to match, so English and Korean cards look alike.
 * It is read from node_modules at build time and never shipped: only the PNGs it draws are.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFontMetrics, type FontMetrics } from './fontMetrics';

/** The weights the cards use. */
export type CardWeight = 'medium' | 'bold';

/** The family name inside the font files, as SVG font-family must spell it. */
export const CARD_FONT_FAMILY = 'SUIT';

/** The SVG font-weight of each weight. */
export const cardFontWeights: Readonly<Record<CardWeight, number>> = { medium: 500, bold: 700 };

const files: Readonly<Record<CardWeight, string>> = { medium: 'SUIT-Medium.ttf', bold: 'SUIT-Bold.ttf' };

/**
 * The package's folder. Resolved from the working directory (the project root for `astro
 * build`, vitest and the CLI), because this module is bundled into a chunk whose own URL
 * may sit outside the project (e.g. with --outDir).
 */
function packageDir(): string {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    return dirname(require.resolve('@sun-typeface/suit/package.json'));
  } catch (error) {
    throw new Error(
      `social cards: cannot find the font package @sun-typeface/suit from ${process.cwd()}; run npm ci in the project root (${String(error)})`,
      { cause: error },
    );
  }
}

/** Absolute paths of the card font files, by weight. */
export function cardFontFiles(): Record<CardWeight, string> {
  const dir = join(packageDir(), 'fonts', 'static', 'ttf');
  return { medium: join(dir, files.medium), bold: join(dir, files.bold) };
}

let metrics: Record<CardWeight, FontMetrics> | undefined;

/** Advance-width metrics of each weight, read once per process. */
export function cardFontMetrics(): Record<CardWeight, FontMetrics> {
  if (!metrics) {
    const paths = cardFontFiles();
    metrics = {
      medium: readFontMetrics(readFileSync(paths.medium), files.medium),
      bold: readFontMetrics(readFileSync(paths.bold), files.bold),
    };
  }
  return metrics;
}
