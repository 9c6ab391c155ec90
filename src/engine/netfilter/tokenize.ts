/**
 * Splits one iptables-restore line into words the way iptables-restore itself does
 * (xshared.c add_param_to_argv): whitespace separates words, a double quote opens or closes a
 * quoted run anywhere in a word, and inside quotes a backslash takes the next character
 * literally. Single quotes are ordinary characters there, so they are here too.
 */

/** The words of a line (and which were written quoted), or why the line cannot be split. */
export type Tokens = { readonly words: string[]; readonly quoted: boolean[] } | { readonly error: string };

const NONE_QUOTED: boolean[] = [];

/** Splits a rule line into words; an unterminated quote is an error, as in iptables-restore. */
export function tokenize(line: string): Tokens {
  // Fast path (almost every line): no quotes, so words are what lies between blanks.
  if (line.indexOf('"') < 0) {
    const parts = line.indexOf('\t') < 0 && line.indexOf('\r') < 0 ? line.split(' ') : line.split(/[ \t\r\n]/);
    const words: string[] = [];
    for (const w of parts) if (w !== '') words.push(w);
    return { words, quoted: NONE_QUOTED };
  }
  const words: string[] = [];
  const wasQuoted: boolean[] = [];
  let word = '';
  // Start of the pending run of plain characters (copied as one slice), or -1.
  let run = -1;
  let inWord = false;
  let quoted = false;
  let anyQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoted) {
      if (c === 92 && i + 1 < line.length) {
        // Backslash: keep the next character literally.
        word += line.slice(run, i);
        run = ++i;
      } else if (c === 34) {
        word += line.slice(run, i);
        run = -1;
        quoted = false;
      }
      continue;
    }
    if (c === 34) {
      if (run >= 0) word += line.slice(run, i);
      run = i + 1;
      quoted = true;
      anyQuote = true;
      inWord = true;
    } else if (c === 32 || c === 9 || c === 13 || c === 10) {
      if (run >= 0) word += line.slice(run, i);
      if (inWord) {
        words.push(word);
        wasQuoted.push(anyQuote);
      }
      word = '';
      run = -1;
      inWord = false;
      anyQuote = false;
    } else {
      if (run < 0) run = i;
      inWord = true;
    }
  }
  if (quoted) return { error: 'unterminated quoted string' };
  if (run >= 0) word += line.slice(run);
  if (inWord) {
    words.push(word);
    wasQuoted.push(anyQuote);
  }
  return { words, quoted: wasQuoted };
}

// Characters iptables-save leaves unquoted (xtables_save_string's no_quote_chars) plus the
// punctuation kube-proxy writes bare ("ns/svc:port", "10.0.0.1:80"), which restores fine.
const BARE = /^[A-Za-z0-9_\-./:,=+@%]+$/;

/** Quotes a word for iptables-restore when it would not survive as one bare word (or when asked). */
export function quoteWord(word: string, always = false): string {
  if (!always && BARE.test(word)) return word;
  return `"${word.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
