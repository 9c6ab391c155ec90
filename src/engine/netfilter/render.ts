/**
 * Renders a parsed ruleset back to iptables-save text. Words keep the order and spelling they
 * were written with and are quoted only when needed, so rendering a dump that iptables-save or
 * kube-proxy wrote gives the same text back, and rendering twice changes nothing.
 */
import type { Chain, Counters, Rule, RulePart, Ruleset, Table } from './model';
import { quoteWord } from './tokenize';

const counterText = (c: Counters): string => `[${c.packets}:${c.bytes}]`;

/** Renders the words of one rule after `-A CHAIN`, in the order they were written. */
export function renderRuleBody(parts: readonly RulePart[]): string {
  const words: string[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'basic':
        if (part.negated) words.push('!');
        words.push(part.flag);
        if (part.flag !== '-f') words.push(quoteWord(part.value, part.quoted));
        break;
      case 'match':
        if (!part.implicit) words.push('-m', quoteWord(part.module));
        break;
      case 'option':
        if (part.negated) words.push('!');
        words.push(part.name, ...part.args.map((a, i) => quoteWord(a, part.quoted[i] ?? false)));
        break;
      case 'target':
        words.push(part.flag, quoteWord(part.name));
        break;
    }
  }
  return words.join(' ');
}

/** Renders one rule as an `-A` line (with its `[pkts:bytes]` prefix when it has counters). */
export function renderRule(chain: string, rule: Rule): string {
  const body = renderRuleBody(rule.parts);
  const line = body === '' ? `-A ${chain}` : `-A ${chain} ${body}`;
  return rule.counters ? `${counterText(rule.counters)} ${line}` : line;
}

function renderDeclaration(chain: Chain): string {
  const head = `:${chain.name} ${chain.policy ?? '-'}`;
  return chain.counters ? `${head} ${counterText(chain.counters)}` : head;
}

/** Renders one table section, `*name` through `COMMIT`. */
export function renderTable(table: Table): string {
  const chains = [...table.chains.values()];
  const lines = [`*${table.name}`];
  for (const c of chains.filter((c) => c.line > 0).sort((a, b) => a.line - b.line)) lines.push(renderDeclaration(c));
  // Rule blocks in the order the dump first wrote each chain's rules (iptables-save and
  // kube-proxy both group a chain's rules together).
  const withRules = chains.filter((c) => c.rules.length > 0);
  const first = (c: Chain): number => c.rules.reduce((m, r) => Math.min(m, r.line), Infinity);
  const firstLine = new Map(withRules.map((c) => [c.name, first(c)]));
  withRules.sort((a, b) => (firstLine.get(a.name) as number) - (firstLine.get(b.name) as number));
  for (const c of withRules) for (const r of c.rules) lines.push(renderRule(c.name, r));
  lines.push('COMMIT');
  return lines.join('\n');
}

/** Renders a whole ruleset as iptables-save text (tables in the order they were parsed). */
export function renderRuleset(ruleset: Ruleset): string {
  return `${[...ruleset.tables.values()].map(renderTable).join('\n')}\n`;
}
