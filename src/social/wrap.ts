/**
 * Greedy line wrapping for card text. Breaks at spaces (English and Korean both put spaces
 * between words); a single word wider than the line is broken between characters. Text that
 * needs more than `maxLines` ends the last line with an ellipsis.
 */

/** Width of a string in px, for the font and size being wrapped. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** The lines `text` takes at `maxWidth`, at most `maxLines` of them. */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  if (maxLines < 1) throw new Error(`wrapText: maxLines must be at least 1, got ${maxLines}`);
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A word too long for a line of its own is split between characters.
    for (const char of word) {
      if (line !== '' && measure(line + char) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(`${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`, maxWidth, measure);
  return kept;
}

/** `line` cut so that it plus an ellipsis fits `maxWidth`. */
function withEllipsis(line: string, maxWidth: number, measure: Measure): string {
  let chars = [...line];
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}${ELLIPSIS}`) > maxWidth) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
}
