/**
 * What one node's parsed rules hold, whichever front end wrote them (iptables-save, nft, or
 * both): their problems in dump order, jump loops, whether kube-proxy wrote them, tables and
 * rule counts, the static bound on one packet's work, and a finder from (table, chain, rule)
 * to the dump line. nft tables are named "family name" in traces, iptables ones "nat"/"filter".
 */
import type { NetNode } from '../../engine/network/topology';
import { ruleLine, walkCost, WALKED_TABLES, type FanOutSite } from '../../engine/rules';
import { nftIsKube, nftWalkBound } from './nft';
import type { ProblemView } from './protocol';
import type { LineOf } from './views';

/** A summary of a node's rules. */
export interface RulesFacts {
  readonly problems: ProblemView[];
  readonly loops: ProblemView[];
  readonly kube: boolean;
  readonly tables: string[];
  readonly rules: number;
  readonly bound: number;
  /** Where the jumps fan out, when the bound is large. */
  readonly site: FanOutSite | null;
  /** Some table a connection walk traverses exists (iptables nat/filter, or an nft base chain of ip, ip6 or inet). */
  readonly walkable: boolean;
  readonly lineOf: LineOf;
}

/** The facts of `node`'s rules. */
export function rulesFacts(node: NetNode): RulesFacts {
  const ipt = node.ruleset;
  const nft = node.nft?.ruleset ?? null;
  const problems: ProblemView[] = ipt.problems.map((p) => ({
    line: p.line,
    text: p.text,
    message: p.message,
    level: p.level,
  }));
  for (const p of node.nft?.compiled.problems ?? []) {
    // Tables of other families are read but not walked: a note, like iptables' raw/mangle.
    problems.push({
      line: p.line,
      text: p.text.length > 200 ? `${p.text.slice(0, 200)}…` : p.text,
      message: p.message,
      level: / is not walked/.test(p.message) ? 'note' : 'error',
    });
  }
  // Parsers report in passes (lines, then chains); the reader wants dump order.
  problems.sort((a, b) => a.line - b.line);
  let kube = false;
  let rules = 0;
  for (const table of ipt.tables.values()) {
    for (const chain of table.chains.values()) {
      if (chain.name.startsWith('KUBE-')) kube = true;
      rules += chain.rules.length;
    }
  }
  const loops = problems.filter((p) => p.message.startsWith('jump loop'));
  // The bound comes from the compiled rules, as the evaluator will follow them (quoted chain
  // names, verdict maps and all); nftWalkBound is only asked for the loops and rule count.
  const cost = walkCost(node);
  if (nft) {
    const n = nftWalkBound(nft);
    rules += n.rules;
    loops.push(...n.loops);
    kube ||= nftIsKube(nft);
  }
  const hasNftBase =
    nft !== null &&
    [...nft.tables.values()].some(
      (t) => ['ip', 'ip6', 'inet'].includes(t.family) && [...t.chains.values()].some((c) => c.base),
    );
  const lineOf: LineOf = (table, chain, rule) => ruleLine(node, table, chain, rule);
  return {
    problems,
    loops,
    kube,
    tables: [...ipt.tables.keys(), ...(nft ? [...nft.tables.keys()] : [])],
    rules,
    bound: cost.bound,
    site: cost.site,
    walkable: WALKED_TABLES.some((t) => ipt.tables.has(t)) || hasNftBase,
    lineOf,
  };
}
