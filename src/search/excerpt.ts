/**
 * Pagefind's excerpts are HTML: escaped page text with the matched words wrapped in <mark>.
 * Rather than inject that HTML, it is split into plain-text parts the island renders as
 * text, so nothing from the index can ever become markup.
 */

/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an HTML-escaped excerpt can contain. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into text parts; any tag other than <mark> is dropped. */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (piece === '') continue;
    const tag = /^<(\/?)([a-z]+)/i.exec(piece);
    if (tag) {
      if (tag[2]?.toLowerCase() === 'mark') marked = tag[1] !== '/';
      continue;
    }
    const text = decodeEntities(piece);
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) parts[parts.length - 1] = { text: last.text + text, marked };
    else parts.push({ text, marked });
  }
  return parts;
}
