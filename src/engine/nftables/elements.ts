/**
 * Set and map elements as text: `k1 . k2 [timeout T] [expires E] [comment C] [: value]`,
 * comma-separated, from a declaration's `elements = { … }` or an `add|delete element` command.
 * They stay text here and are typed at compile time, once the set's key types are known.
 */
import { parseDuration } from './duration';
import type { NftElementText } from './model';
import { tokensText } from './tokenLines';
import type { Token } from './tokenize';

/** Elements of a `{ … }` body (without the braces); `line` is used when an element has no token. */
export function parseElements(tokens: readonly Token[], line: number): NftElementText[] {
  const out: NftElementText[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const colon = current.findIndex((x) => x.text === ':');
    const keyTokens = colon < 0 ? current : current.slice(0, colon);
    const value = colon < 0 ? null : tokensText(current.slice(colon + 1));
    const key: string[] = [];
    let part: string[] = [];
    let expires: number | null = null;
    for (let k = 0; k < keyTokens.length; k++) {
      const x = keyTokens[k] as Token;
      if (x.text === '.' && x.kind === 'word') {
        key.push(part.join(' '));
        part = [];
      } else if (x.text === 'comment' || x.text === 'timeout' || x.text === 'expires') {
        if (x.text === 'expires') expires = parseDuration(keyTokens[k + 1]?.text ?? '');
        k++;
      } else if (x.text === 'counter') {
        while (keyTokens[k + 1] && ['packets', 'bytes'].includes((keyTokens[k + 1] as Token).text)) k += 2;
      } else part.push(x.text);
    }
    key.push(part.join(' '));
    out.push({ key, value, expires, line: current[0]?.line ?? line });
    current = [];
  };
  let depth = 0;
  for (const tok of tokens) {
    if (tok.kind === 'nl') continue;
    if (tok.text === '{') depth++;
    if (tok.text === '}') depth--;
    if (depth === 0 && tok.kind === 'punct' && tok.text === ',') flush();
    else current.push(tok);
  }
  flush();
  return out;
}
