/**
 * Splits nft text into tokens: words, quoted strings, the punctuation that structures it
 * (`{ } ; , :` when standing alone or stuck to a word's end) and newlines, which end rules in
 * both `nft list` output and `nft -f` input. `# handle N` comments are kept (the listing's
 * rule handles); other comments are dropped. Chain names keep their `/ . - _` characters.
 */

/** One token with the 1-based line it starts on. */
export interface Token {
  readonly kind: 'word' | 'string' | 'punct' | 'nl' | 'handle';
  readonly text: string;
  readonly line: number;
}

const PUNCT = new Set(['{', '}', ';', ',']);

/** Tokens of a whole text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\n') {
      out.push({ kind: 'nl', text: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      // A continued line is one line to nft.
      line++;
      i += 2;
      continue;
    }
    if (c === '#') {
      let j = i;
      while (j < n && text[j] !== '\n') j++;
      const m = /^#\s*handle\s+(\d+)\s*$/.exec(text.slice(i, j));
      if (m) out.push({ kind: 'handle', text: m[1] as string, line });
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') j++;
      out.push({ kind: 'string', text: text.slice(i + 1, j), line });
      i = j + 1;
      continue;
    }
    if (PUNCT.has(c)) {
      out.push({ kind: 'punct', text: c, line });
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/[\s{};,"#]/.test(text[j] as string)) j++;
    out.push({ kind: 'word', text: text.slice(i, j), line });
    i = j;
  }
  return out;
}
