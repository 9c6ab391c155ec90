/**
 * A static bound on the work one packet can cause on a node: how many rules a walk could
 * evaluate if every rule matched and every jump were taken — computed on the *compiled*
 * rules of both languages (iptables jumps and gotos, nft jumps, gotos and the verdicts of
 * verdict maps), so however a chain name is spelled (quoted or not) the bound is the one the
 * evaluator will follow. Jumps may fan out (chain A calls B twice, B calls C twice, …): the
 * kernel walks that without complaint, but the work grows exponentially with the depth. The
 * CLI and the trace page check this bound before walking, and name the chain that fans out.
 */
import { BUILTIN_CHAINS } from '../netfilter/model';
import { nftChainKey } from '../nftables/compile';
import type { NetNode } from './topology';

/** The iptables tables a connection walk traverses. */
export const WALKED_TABLES = ['nat', 'filter'] as const;

/** Bounds above this are reported as this (the exact size no longer matters). */
const CAP = 1e15;

/** A rule where the jumps fan out: it and its siblings call the same heavy chain. */
export interface FanOutSite {
  /** "nat", "filter", or an nft table as "family name". */
  readonly table: string;
  readonly chain: string;
  /** 1-based rule number and dump line of the first of the calls. */
  readonly rule: number;
  readonly line: number;
  /** The chain called more than once (or, failing that, the heaviest one called). */
  readonly target: string;
  /** How many times the chain calls it. */
  readonly calls: number;
  /** The bound of one call into the target. */
  readonly targetBound: number;
}

/** The bound and, when it is large, where it comes from. */
export interface WalkCost {
  readonly bound: number;
  /** Rules on the node (both languages). */
  readonly rules: number;
  readonly site: FanOutSite | null;
}

interface GraphRule {
  readonly number: number;
  readonly line: number;
  readonly targets: readonly string[];
}

interface GraphChain {
  readonly table: string;
  readonly name: string;
  readonly rules: readonly GraphRule[];
}

function graphOf(node: NetNode): { chains: Map<string, GraphChain>; roots: string[] } {
  const chains = new Map<string, GraphChain>();
  const roots: string[] = [];
  for (const table of WALKED_TABLES) {
    const compiled = node.compiled.tables.get(table);
    if (!compiled) continue;
    for (const chain of compiled.values()) {
      const key = `ipt\u0000${table}\u0000${chain.name}`;
      chains.set(key, {
        table,
        name: chain.name,
        rules: chain.rules.map((r) => ({
          number: r.rule.number,
          line: r.rule.line,
          // A rule the engine does not understand stops the walk: it costs one evaluation.
          targets: r.unsupported === null && r.jumpTo ? [`ipt\u0000${table}\u0000${r.jumpTo.name}`] : [],
        })),
      });
    }
    for (const name of BUILTIN_CHAINS[table] ?? [])
      if (compiled.has(name)) roots.push(`ipt\u0000${table}\u0000${name}`);
  }
  const nft = node.nft?.compiled;
  if (nft) {
    for (const chain of nft.chains.values()) {
      const family = chain.table.split(' ')[0];
      if (family !== 'ip' && family !== 'ip6' && family !== 'inet') continue;
      const key = `nft\u0000${nftChainKey(chain.table, chain.name)}`;
      chains.set(key, {
        table: chain.table,
        name: chain.name,
        rules: chain.rules.map((r) => {
          const targets: string[] = [];
          for (const step of r.problem === null ? r.steps : []) {
            const verdicts = step.kind === 'verdict' ? [step.verdict] : step.kind === 'vmap' ? step.verdicts() : [];
            for (const v of verdicts)
              if (v.kind === 'jump' || v.kind === 'goto') targets.push(`nft\u0000${nftChainKey(chain.table, v.chain)}`);
          }
          return { number: r.number, line: r.line, targets };
        }),
      });
      if (chain.base !== null) roots.push(key);
    }
  }
  return { chains, roots };
}

/** Per chain: the bound of one call into it (iterative, so chains nested thousands deep are fine). */
function chainBounds(chains: ReadonlyMap<string, GraphChain>, roots: readonly string[]): Map<string, number> {
  const memo = new Map<string, number>();
  const onStack = new Set<string>();
  for (const root of roots) {
    if (memo.has(root)) continue;
    type Frame = { key: string; rule: number; target: number; sum: number };
    const stack: Frame[] = [{ key: root, rule: 0, target: -1, sum: 0 }];
    onStack.add(root);
    while (stack.length > 0) {
      const f = stack[stack.length - 1] as Frame;
      const rules = chains.get(f.key)?.rules ?? [];
      let pushed = false;
      while (!pushed && f.rule < rules.length) {
        const rule = rules[f.rule] as GraphRule;
        if (f.target < 0) {
          f.sum = Math.min(CAP, f.sum + 1);
          f.target = 0;
        }
        if (f.target >= rule.targets.length) {
          f.rule++;
          f.target = -1;
          continue;
        }
        const t = rule.targets[f.target++] as string;
        const known = memo.get(t);
        if (known !== undefined) f.sum = Math.min(CAP, f.sum + known);
        else if (!onStack.has(t) && chains.has(t)) {
          // A loop closing here was cut by the parser/evaluator: it costs nothing more.
          stack.push({ key: t, rule: 0, target: -1, sum: 0 });
          onStack.add(t);
          pushed = true;
        }
      }
      if (pushed) continue;
      stack.pop();
      onStack.delete(f.key);
      memo.set(f.key, f.sum);
      const parent = stack[stack.length - 1];
      if (parent) parent.sum = Math.min(CAP, parent.sum + f.sum);
    }
  }
  return memo;
}

/** Follows the heaviest calls from the heaviest root down to the first chain that calls one heavy chain several times. */
function findSite(
  chains: ReadonlyMap<string, GraphChain>,
  bounds: ReadonlyMap<string, number>,
  roots: readonly string[],
): FanOutSite | null {
  let key = [...roots].sort((a, b) => (bounds.get(b) ?? 0) - (bounds.get(a) ?? 0))[0];
  const seen = new Set<string>();
  let heaviest: FanOutSite | null = null;
  while (key !== undefined && !seen.has(key)) {
    seen.add(key);
    const chain = chains.get(key);
    if (!chain) break;
    const calls = new Map<string, { count: number; first: GraphRule }>();
    for (const rule of chain.rules) {
      for (const t of rule.targets) {
        const c = calls.get(t);
        if (c) c.count++;
        else calls.set(t, { count: 1, first: rule });
      }
    }
    let next: string | undefined;
    let nextBound = -1;
    for (const [t, c] of calls) {
      const b = bounds.get(t) ?? 0;
      const target = chains.get(t)?.name ?? t;
      const site = {
        table: chain.table,
        chain: chain.name,
        rule: c.first.number,
        line: c.first.line,
        target,
        calls: c.count,
        targetBound: b,
      };
      if (c.count > 1 && b > 1) return site;
      if (b > nextBound) {
        nextBound = b;
        next = t;
        heaviest = site;
      }
    }
    key = next;
  }
  return heaviest;
}

/** The bound of one pass through every walked hook of `node` (both languages), and its fan-out site. */
export function walkCost(node: NetNode): WalkCost {
  const { chains, roots } = graphOf(node);
  const bounds = chainBounds(chains, roots);
  let bound = 0;
  for (const r of roots) bound = Math.min(CAP, bound + (bounds.get(r) ?? 0));
  let rules = 0;
  for (const c of chains.values()) rules += c.rules.length;
  return { bound, rules, site: bound > 2 * rules + 16 ? findSite(chains, bounds, roots) : null };
}
