/**
 * The body of a `table … { … }` block as `nft list` prints it: nested `chain`, `set` and `map`
 * blocks (a chain's lines after its header are its rules), plus table-level comment and flags.
 */
import { chainHeader, declareChain, declareSet, makeRule, type ReportProblem } from './declare';
import type { NftTable } from './model';
import { splitStatements, tokensText } from './tokenLines';
import type { Token } from './tokenize';

/** Applies a table block's body (without its braces) to the table. */
export function applyTableBody(table: NftTable, body: readonly Token[], problem: ReportProblem): void {
  let j = 0;
  const t = body;
  while (j < t.length) {
    const tok = t[j] as Token;
    if (tok.kind === 'nl' || tok.kind === 'handle' || tok.text === ';') {
      j++;
      continue;
    }
    if (
      (tok.text === 'chain' || tok.text === 'set' || tok.text === 'map') &&
      t[j + 1]?.kind === 'word' &&
      t[j + 2]?.text === '{'
    ) {
      const name = (t[j + 1] as Token).text;
      let depth = 0;
      let k = j + 2;
      for (; k < t.length; k++) {
        if (t[k]?.text === '{' && t[k]?.kind === 'punct') depth++;
        if (t[k]?.text === '}' && t[k]?.kind === 'punct' && --depth === 0) break;
      }
      const inner = t.slice(j + 3, k);
      if (tok.text === 'chain') {
        const chain = declareChain(table, name, tok.line, [], problem);
        for (const st of chainHeader(chain, splitStatements(inner), problem)) {
          // A line holding only "# handle N" (after "chain x {") is no rule.
          if (st.some((x) => x.kind !== 'handle')) chain.rules.push(makeRule(st, st[0]?.line ?? tok.line));
        }
      } else declareSet(table, tok.text as 'set' | 'map', name, tok.line, inner, problem);
      j = k + 1;
      continue;
    }
    let k = j;
    while (k < t.length && t[k]?.kind !== 'nl' && t[k]?.text !== ';') k++;
    const st = t.slice(j, k);
    if (tok.text === 'comment' && st[1]?.kind === 'string') table.comment = st[1].text;
    else if (tok.text !== 'flags') problem(tok.line, tokensText(st), `unsupported table item "${tok.text}"`);
    j = k;
  }
}
