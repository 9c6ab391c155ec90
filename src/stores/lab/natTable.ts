/**
 * The nat table of an iptables-save dump, line by line, ready to draw: tokens for syntax
 * colouring, each rule's position in its chain (as `iptables -L --line-numbers` counts),
 * and the index of its pkts counter.
 */
import type { RuleToken, RulesLine } from './types';

/** Flags whose next word names a chain or target. */
const TARGET_FLAGS = new Set(['-j', '-g', '--jump', '--goto']);

/** Splits a line into words and the spaces between them, keeping quoted runs whole. */
function words(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\S+|\s+/g) ?? [];
}

/** Tokens of a rule line ("-A CHAIN …"). */
export function ruleTokens(line: string): RuleToken[] {
  const out: RuleToken[] = [];
  let previous = '';
  let sawChain = false;
  for (const word of words(line)) {
    if (/^\s+$/.test(word)) {
      out.push({ kind: 'space', text: word });
      continue;
    }
    let kind: RuleToken['kind'];
    if (word === '-A') kind = 'keyword';
    else if (previous === '-A' && !sawChain) {
      kind = 'chain';
      sawChain = true;
    } else if (TARGET_FLAGS.has(previous)) kind = 'target';
    else if (previous === '--comment' || word.startsWith('"')) kind = 'comment';
    else if (word === '!' || /^--?[a-zA-Z]/.test(word)) kind = 'flag';
    else kind = 'value';
    out.push({ kind, text: word });
    previous = word;
  }
  return out;
}

/** Tokens of a chain declaration (":CHAIN POLICY [p:b]"). */
function chainTokens(line: string): RuleToken[] {
  const [name = '', policy = '', counters = ''] = line.slice(1).split(' ');
  return [
    { kind: 'keyword', text: ':' },
    { kind: 'chain', text: name },
    { kind: 'space', text: ' ' },
    { kind: 'policy', text: policy },
    { kind: 'space', text: ' ' },
    { kind: 'value', text: counters },
  ];
}

/** The "*nat" … "COMMIT" section of a dump (empty when the dump has no nat table). */
export function natSection(dump: string): string[] {
  const lines = dump.split('\n');
  const start = lines.indexOf('*nat');
  if (start < 0) return [];
  const end = lines.indexOf('COMMIT', start);
  return lines.slice(start, end < 0 ? lines.length : end + 1);
}

/** A counter slot: a rule (chain, 1-based number) or a built-in chain's policy (number 0). */
export interface CounterSlot {
  readonly chain: string;
  readonly rule: number;
}

/** The nat lines of a dump with tokens, rule numbers and counter slots (explanations come later). */
export function natLines(dump: string): { lines: RulesLine[]; slots: CounterSlot[] } {
  const perChain = new Map<string, number>();
  const slots: CounterSlot[] = [];
  const lines: RulesLine[] = natSection(dump).map((text): RulesLine => {
    if (text.startsWith('*')) return { kind: 'table', text, tokens: [{ kind: 'table', text }] };
    if (text === 'COMMIT') return { kind: 'commit', text, tokens: [{ kind: 'keyword', text }] };
    if (text.startsWith(':')) {
      const chain = text.slice(1).split(' ')[0] ?? '';
      const builtIn = !text.includes(' - ');
      // A built-in chain's policy counts the packets that fell off its end.
      const counter = builtIn ? slots.push({ chain, rule: 0 }) - 1 : undefined;
      return { kind: 'chain', text, tokens: chainTokens(text), chain, ...(counter === undefined ? {} : { counter }) };
    }
    const tokens = ruleTokens(text);
    const chain = tokens.find((t) => t.kind === 'chain')?.text ?? '';
    const rule = (perChain.get(chain) ?? 0) + 1;
    perChain.set(chain, rule);
    const counter = slots.push({ chain, rule }) - 1;
    return { kind: 'rule', text, tokens, chain, rule, counter };
  });
  return { lines, slots };
}
