/**
 * A node's whole dump, line by line, ready to draw (the playground shows every table, not only
 * nat): iptables-save sections coloured by token, the nat section numbered, explained and
 * with counter slots as the lesson's listing has it (the sample's walk and the counters are
 * the nat table's, and a filter chain may share a nat chain's name, so only nat is numbered);
 * lines in another format (nft, ipvsadm, cilium-dbg) as plain text.
 */
import { explainLines, type PodNames } from './explain';
import { natLines, ruleTokens } from './natTable';
import type { RulesLine } from './types';

/** An iptables-save line outside the nat table: tokens only. */
function plainSaveLine(text: string): RulesLine {
  if (text.startsWith('*')) return { kind: 'table', text, tokens: [{ kind: 'table', text }] };
  if (text === 'COMMIT') return { kind: 'commit', text, tokens: [{ kind: 'keyword', text }] };
  if (text.startsWith(':')) return { kind: 'chain', text, tokens: [{ kind: 'chain', text }] };
  return { kind: 'rule', text, tokens: ruleTokens(text) };
}

/** Every line of `dump`; `pods` names endpoints in the nat table's explanations. */
export function dumpLines(dump: string, pods: PodNames): RulesLine[] {
  const nat = explainLines(natLines(dump).lines, pods);
  const texts = dump.replace(/\n$/, '').split('\n');
  const out: RulesLine[] = [];
  let section = '';
  let n = 0;
  for (const text of texts) {
    if (section === '' && /^\*\w+$/.test(text)) section = text;
    if (section === '*nat' && n < nat.length) out.push(nat[n++] as RulesLine);
    else if (section !== '') out.push(plainSaveLine(text));
    else out.push({ kind: 'text', text, tokens: [{ kind: 'text', text }] });
    if (text === 'COMMIT') section = '';
  }
  return out;
}
