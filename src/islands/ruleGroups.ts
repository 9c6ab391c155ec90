/**
 * Splits a rule line's tokens into option groups ("-A CHAIN", "-m statistic", "--probability
 * 0.5", "! -s 10.0.0.0/8", "-j KUBE-SEP-…"), so a long rule wraps between options and never
 * inside one: the `-m statistic` and DNAT parts of a rule stay readable without sideways scroll.
 */
import type { RuleToken } from '../stores/lab/types';

/** The tokens of each option, spaces between options dropped. */
export function optionGroups(tokens: readonly RuleToken[]): RuleToken[][] {
  const groups: RuleToken[][] = [];
  let negated = false;
  for (const token of tokens) {
    const opens = (token.kind === 'flag' || token.kind === 'keyword') && !negated;
    const current = groups[groups.length - 1];
    if (token.kind === 'space') {
      if (current && current.length > 0) current.push(token);
      continue;
    }
    if (opens || !current) groups.push([token]);
    else current.push(token);
    negated = token.text === '!';
  }
  // A group ends with the space before the next one: drop it.
  return groups.map((g) => (g[g.length - 1]?.kind === 'space' ? g.slice(0, -1) : g));
}
