/**
 * Splits one iptables-restore line into words the way iptables-restore itself does
 * (xshared.c add_param_to_argv): whitespace separates words, a double quote opens or closes a
 * quoted run anywhere in a word, and inside quotes a backslash takes the next character
 * literally. Single quotes are ordinary characters there, so they are here too.
 */

/** The words of a line (and which were written quoted), or why the line cannot be split. */
export type Tokens = { readonly words: string[]; readonly quoted: boolean[] } | { readonly error: string };

/** Splits a rule line into words; an unterminated quote is an error, as in iptables-restore. */
export function tokenize(line: string): Tokens {
  const words: string[] = [];
  const wasQuoted: boolean[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  let anyQuote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '\\' && i + 1 < line.length) {
        word += line[++i];
      } else if (ch === '"') {
        quoted = false;
      } else {
        word += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      anyQuote = true;
      inWord = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (inWord) {
        words.push(word);
        wasQuoted.push(anyQuote);
      }
      word = '';
      inWord = false;
      anyQuote = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quoted) return { error: 'unterminated quoted string' };
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
