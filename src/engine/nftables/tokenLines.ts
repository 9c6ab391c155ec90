/**
 * Runs of tokens as nft shows and splits them: the text of a run (for rule texts and problem
 * reports) and a `{ … }` body cut into its statements.
 */
import type { Token } from './tokenize';

/** Text of tokens as nft would show them. */
export function tokensText(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.kind !== 'handle')
    .map((t) => (t.kind === 'string' ? `"${t.text}"` : t.text))
    .join(' ')
    .replace(/ ,/g, ',')
    .replace(/ ;/g, ';');
}

/**
 * Statements of a `{ … }` body split on ";" and newlines (outside nested braces). In a chain
 * body this makes each line a rule, and ";" ends the `type … ;` and `policy … ;` headers.
 */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const tok of tokens) {
    if (tok.kind === 'punct' && tok.text === '{') depth++;
    if (tok.kind === 'punct' && tok.text === '}') depth--;
    if (depth === 0 && (tok.kind === 'nl' || (tok.kind === 'punct' && tok.text === ';'))) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else if (tok.kind !== 'nl') cur.push(tok);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
