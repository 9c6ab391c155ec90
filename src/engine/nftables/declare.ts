/**
 * Declarations applied to a table: chains (with a base chain's `type … hook … priority …`
 * header and policy), sets and maps (type, flags, timeout, elements) and rules appended or
 * inserted into a chain. The listing's nested blocks and `nft -f` commands both end up here,
 * so the two spellings build the same model.
 */
import { parseDuration } from './duration';
import { parseElements } from './elements';
import type { NftChain, NftRule, NftSet, NftTable } from './model';
import { parsePriority } from './priority';
import { splitStatements, tokensText } from './tokenLines';
import type { Token } from './tokenize';

/** Records something in the text that is left out (its line, its text, why). */
export type ReportProblem = (line: number, text: string, message: string) => void;

/** Declares (or reopens) a chain and applies its header lines. */
export function declareChain(
  table: NftTable,
  name: string,
  line: number,
  body: readonly Token[],
  problem: ReportProblem,
): NftChain {
  let chain = table.chains.get(name);
  if (!chain) {
    chain = { name, base: null, comment: null, rules: [], line };
    table.chains.set(name, chain);
  }
  chainHeader(chain, splitStatements(body), problem);
  return chain;
}

/** `type T hook H [device D] priority P ; policy X ; comment "…"` lines; returns the rest. */
export function chainHeader(chain: NftChain, statements: Token[][], problem: ReportProblem): Token[][] {
  const rest: Token[][] = [];
  for (const st of statements) {
    const head = st[0];
    if (!head) continue;
    if (head.text === 'type' && head.kind === 'word') {
      const text = tokensText(st);
      const m = /^type (\w+) hook (\w+)(?: device \S+)? priority (.+)$/.exec(text);
      const priority = m ? parsePriority(m[3] as string) : null;
      if (!m || priority === null) {
        problem(head.line, text, 'expected "type <type> hook <hook> priority <priority>"');
        continue;
      }
      chain.base = { type: m[1] as string, hook: m[2] as string, priority, policy: chain.base?.policy ?? 'accept' };
    } else if (head.text === 'policy' && head.kind === 'word') {
      const policy = st[1]?.text;
      if ((policy === 'accept' || policy === 'drop') && chain.base) chain.base = { ...chain.base, policy };
      else problem(head.line, tokensText(st), 'a policy (accept or drop) needs a base chain');
    } else if (head.text === 'comment' && head.kind === 'word' && st.length === 2 && st[1]?.kind === 'string') {
      chain.comment = st[1].text;
    } else if (head.text === 'devices' || head.text === 'flags') {
      problem(head.line, tokensText(st), `chain option "${head.text}" is not modelled`);
    } else rest.push(st);
  }
  return rest;
}

/** Declares (or reopens) a set or map and applies its body's options and elements. */
export function declareSet(
  table: NftTable,
  kind: 'set' | 'map',
  name: string,
  line: number,
  body: readonly Token[],
  problem: ReportProblem,
): NftSet {
  let set = table.sets.get(name);
  if (!set) {
    set = { name, kind, keyTypes: [], dataType: null, flags: [], timeout: 0, comment: null, elements: [], line };
    table.sets.set(name, set);
  }
  for (const st of splitStatements(body)) {
    const head = st[0];
    if (!head) continue;
    const text = tokensText(st);
    if (head.text === 'type' || head.text === 'typeof') {
      const [keys, data] = text.slice(head.text.length + 1).split(' : ');
      if (head.text === 'typeof') problem(head.line, text, 'typeof sets are not modelled; declare them with "type"');
      set.keyTypes = (keys ?? '').split(' . ');
      set.dataType = data ?? null;
    } else if (head.text === 'flags')
      set.flags = st
        .slice(1)
        .filter((x) => x.text !== ',')
        .map((x) => x.text)
        .join(',')
        .split(',');
    else if (head.text === 'timeout') set.timeout = parseDuration(st[1]?.text ?? '') ?? 0;
    else if (head.text === 'comment') set.comment = st[1]?.text ?? null;
    else if (head.text === 'elements') {
      const open = st.findIndex((x) => x.text === '{');
      set.elements.push(...parseElements(st.slice(open + 1, st.length - 1), head.line));
    } else if (['size', 'gc-interval', 'policy', 'counter', 'auto-merge'].includes(head.text)) continue;
    else problem(head.line, text, `unsupported ${kind} option "${head.text}"`);
  }
  return set;
}

/** A rule from its tokens, with the listing's `# handle N` taken out of its text. */
export function makeRule(tokens: readonly Token[], line: number): NftRule {
  const handleTok = tokens.find((x) => x.kind === 'handle');
  const body = tokens.filter((x) => x.kind !== 'handle');
  return {
    tokens: body,
    text: tokensText(body),
    line: body[0]?.line ?? line,
    handle: handleTok ? Number(handleTok.text) : null,
  };
}

/** `add|insert rule … chain <rule>`: appends (or, for insert, prepends) the rule. */
export function addRule(
  table: NftTable,
  chainName: string,
  tokens: Token[],
  line: number,
  insert: boolean,
  problem: ReportProblem,
): void {
  const chain = table.chains.get(chainName);
  if (!chain) {
    problem(
      line,
      `add rule ${table.family} ${table.name} ${chainName} ${tokensText(tokens)}`,
      `no chain "${chainName}" in table ${table.family} ${table.name}`,
    );
    return;
  }
  let body = tokens;
  if (['position', 'handle', 'index'].includes(body[0]?.text ?? '')) {
    problem(line, tokensText(tokens), `rule placement "${body[0]?.text}" is not modelled; the rule is appended`);
    body = body.slice(2);
  }
  const rule = makeRule(body, line);
  if (insert) chain.rules.unshift(rule);
  else chain.rules.push(rule);
}
