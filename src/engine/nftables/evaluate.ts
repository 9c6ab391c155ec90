/**
 * Runs a packet through nft base chains the way nf_tables does: each base chain at a hook in
 * priority order; within a chain, rules in order; `jump` pushes a return point, `goto` does
 * not (when the target ends, the caller of the current chain resumes); `accept` ends only the
 * current base chain (later base chains at the hook still see the packet); `drop`/`reject`
 * end the hook; NAT statements are terminal (accept) and, once a connection has a NAT binding,
 * later nat chains at that hook are skipped (nf_nat_inet_fn). Traces use the iptables trace
 * shape (netfilter/trace.ts) with table "family name".
 */
import { MAX_RULE_EVALUATIONS, Verdict } from '../netfilter/evaluate';
import { formatAddress, formatAddressPort } from '../netfilter/ip';
import { CtState } from '../netfilter/model';
import type { CompiledNft, CompiledNftChain, CompiledNftRule, NftRun, NftVerdict } from './compiled';
import { nftChainKey } from './compiled';
import type { Value, ValueType } from './values';

/** Chain calls allowed before the walk gives up (nft itself allows 16 jumps deep). */
const MAX_DEPTH = 64;

function record(
  r: NftRun,
  chain: CompiledNftChain,
  rule: number,
  text: string,
  matched: boolean,
  action: string,
): void {
  r.e.trace?.push({
    node: r.e.node,
    hook: r.e.hook,
    table: chain.table,
    chain: chain.name,
    rule,
    text,
    matched,
    action,
    direction: r.e.direction,
  });
}

function count(r: NftRun, slot: number): void {
  if (r.e.counters) r.e.counters[r.slotBase + slot]! += 1;
}

function decide(r: NftRun, chain: CompiledNftChain, rule: number, text: string): void {
  r.e.decider = { table: chain.table, chain: chain.name, rule, text };
}

const PROTO_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'ipv6-icmp', 132: 'sctp' };

/** A key part as nft would print it (addresses dotted or RFC 5952, protocols by name). */
function showValue(type: ValueType | undefined, v: Value): string {
  if (type === 'addr' || type === 'addr6') return formatAddress(v);
  if (type === 'proto') return PROTO_NAMES[v as number] ?? String(v);
  return String(v);
}

const TERMINAL: Readonly<Record<string, number>> = {
  accept: Verdict.ACCEPT,
  drop: Verdict.DROP,
  reject: Verdict.REJECT,
};

/** Runs one rule: null when it did not match, else the verdict it reached (or "continue"). */
function runRule(
  nft: CompiledNft,
  chain: CompiledNftChain,
  rule: CompiledNftRule,
  r: NftRun,
  depth: number,
): number | 'next' | 'return' {
  if (rule.problem !== null) {
    record(r, chain, rule.number, rule.text, true, 'not understood');
    r.e.error = `${chain.table} chain ${chain.name} rule ${rule.number} (line ${rule.line}): ${rule.problem}`;
    decide(r, chain, rule.number, rule.text);
    return Verdict.ERROR;
  }
  const actions: string[] = [];
  let keyText = '';
  for (const step of rule.steps) {
    let verdict: NftVerdict | null = null;
    switch (step.kind) {
      case 'match':
        if (!step.test(r)) {
          record(r, chain, rule.number, rule.text, false, '');
          return 'next';
        }
        continue;
      case 'stmt':
        actions.push(step.run(r));
        continue;
      case 'vmap': {
        const key = step.key(r);
        verdict = key === null ? null : step.lookup(key, r);
        if (key !== null) keyText = key.map((k, i) => showValue(step.types[i], k)).join(' . ');
        if (verdict === null) {
          record(r, chain, rule.number, rule.text, false, '');
          return 'next';
        }
        break;
      }
      case 'nat': {
        count(r, rule.slot);
        const p = r.p;
        if (step.nat === 'dnat') {
          if (step.addr !== null) p.dst = step.addr;
          if (step.port !== null) p.dport = step.port;
          p.ctstate |= CtState.DNAT;
          actions.push(`DNAT to ${formatAddressPort(p.dst, p.dport)}`);
        } else {
          const address = step.nat === 'snat' ? step.addr : r.addresses.sourceFor(p.outIface, r.e.nextHop);
          if (address === null) {
            record(r, chain, rule.number, rule.text, true, 'DROP (no address to masquerade to)');
            decide(r, chain, rule.number, rule.text);
            return Verdict.DROP;
          }
          p.src = address;
          if (step.port !== null) p.sport = step.port;
          if (step.randomPort) p.sportRandom = true;
          r.e.sourceNatted = true;
          actions.push(`${step.nat === 'snat' ? 'SNAT' : 'MASQUERADE'} to ${formatAddress(p.src)}`);
        }
        record(r, chain, rule.number, rule.text, true, actions.join(', '));
        decide(r, chain, rule.number, rule.text);
        return Verdict.ACCEPT;
      }
      case 'verdict':
        verdict = step.verdict;
        break;
    }
    count(r, rule.slot);
    const label = step.kind === 'vmap' ? `${keyText} → ` : '';
    if (verdict.kind === 'jump' || verdict.kind === 'goto') {
      const target = nft.chains.get(nftChainKey(chain.table, verdict.chain));
      record(
        r,
        chain,
        rule.number,
        rule.text,
        true,
        [...actions, `${label}${verdict.kind} ${verdict.chain}`].join(', '),
      );
      if (!target) {
        r.e.error = `${chain.table} chain ${chain.name} rule ${rule.number}: no chain "${verdict.chain}"`;
        return Verdict.ERROR;
      }
      if (depth >= MAX_DEPTH) {
        r.e.error = `${chain.table}: chains nest deeper than ${MAX_DEPTH}`;
        return Verdict.ERROR;
      }
      const v = runChain(nft, target, r, depth + 1);
      if (v !== Verdict.CONTINUE) return v;
      return verdict.kind === 'goto' ? 'return' : 'next';
    }
    record(r, chain, rule.number, rule.text, true, [...actions, `${label}${verdict.kind.toUpperCase()}`].join(', '));
    if (verdict.kind === 'return') return 'return';
    if (verdict.kind === 'continue') return 'next';
    decide(r, chain, rule.number, rule.text);
    return TERMINAL[verdict.kind] as number;
  }
  // Every expression matched and no verdict: the rule continues to the next one.
  count(r, rule.slot);
  record(r, chain, rule.number, rule.text, true, actions.length > 0 ? actions.join(', ') : 'continue');
  return 'next';
}

function runChain(nft: CompiledNft, chain: CompiledNftChain, r: NftRun, depth: number): number {
  for (const rule of chain.rules) {
    // The same cap as iptables: chains whose jumps fan out would otherwise walk for ever.
    if ((r.e.work = (r.e.work ?? MAX_RULE_EVALUATIONS) - 1) < 0) {
      r.e.error = `${chain.table} chain ${chain.name} rule ${rule.number} (line ${rule.line}): more than ${MAX_RULE_EVALUATIONS} rule evaluations in one hook: the chains' jumps fan out too much to follow`;
      decide(r, chain, rule.number, rule.text);
      return Verdict.ERROR;
    }
    const v = runRule(nft, chain, rule, r, depth);
    if (v === 'next') continue;
    if (v === 'return') return Verdict.CONTINUE;
    return v;
  }
  if (chain.base === null) record(r, chain, 0, 'return', true, 'return');
  return Verdict.CONTINUE;
}

/** Runs one base chain; its policy applies when nothing decided. */
export function runBaseChain(nft: CompiledNft, chain: CompiledNftChain, r: NftRun): number {
  r.e.work = MAX_RULE_EVALUATIONS;
  const v = runChain(nft, chain, r, 0);
  if (v !== Verdict.CONTINUE) return v;
  const policy = chain.base?.policy ?? 'accept';
  if (chain.policySlot >= 0) count(r, chain.policySlot);
  record(r, chain, 0, `policy ${policy}`, true, `policy ${policy.toUpperCase()}`);
  decide(r, chain, 0, `policy ${policy}`);
  return policy === 'drop' ? Verdict.DROP : Verdict.ACCEPT;
}

/** The base chains bound to `hook` (lower-case nft hook name), in priority order. */
export function baseChainsAt(nft: CompiledNft, hook: string): CompiledNftChain[] {
  return nft.baseChains
    .filter((c) => c.base?.hook === hook)
    .sort((a, b) => (a.base?.priority ?? 0) - (b.base?.priority ?? 0));
}
