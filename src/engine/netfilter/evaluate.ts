/**
 * Runs a packet through one table's built-in chain the way ipt_do_table() does: rules in
 * order; a matching rule's target either decides (ACCEPT, DROP, REJECT, NAT), continues
 * (MARK, LOG, no target), returns, jumps (pushing a return point) or goes to a chain (no
 * return point: when that chain ends, the caller of the current chain resumes). Falling off a
 * built-in chain applies its policy. Depth is capped, so no dump can make it loop.
 */
import { formatAddressPort } from './ip';
import { Action, type CompiledChain, type CompiledRule, type CompiledRuleset, type EvalEnv } from './compile';
import { CtState, type TargetSpec } from './model';
import { natAddress, pickNatPort } from './nat';
import type { Packet } from './packet';

/** Outcome of traversing a hook's chain. */
export const Verdict = { CONTINUE: 0, ACCEPT: 1, DROP: 2, REJECT: 3, ERROR: 4 } as const;

/** Nested chain calls allowed before the walk gives up (kube-proxy needs 6). */
export const MAX_JUMP_DEPTH = 128;

/**
 * Rule evaluations allowed in one hook traversal. A 5,000-Service node walks about 10,000;
 * the cap only stops dumps whose jumps fan out exponentially, which would otherwise hang.
 */
export const MAX_RULE_EVALUATIONS = 200_000;

const NAT_HOOKS: Readonly<Record<string, readonly string[]>> = {
  DNAT: ['PREROUTING', 'OUTPUT'],
  SNAT: ['POSTROUTING', 'INPUT'],
  MASQUERADE: ['POSTROUTING'],
  REJECT: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/**
 * Traverses `table`'s built-in chain for `hook`. Returns a Verdict; `e.decider` names the rule
 * or policy that decided and `e.error` says why the walk stopped on ERROR.
 */
export function traverse(ruleset: CompiledRuleset, table: string, hook: string, p: Packet, e: EvalEnv): number {
  const chain = ruleset.tables.get(table)?.get(hook);
  e.hook = hook;
  e.work = MAX_RULE_EVALUATIONS;
  if (!chain) return Verdict.ACCEPT;
  const v = runChain(ruleset, chain, p, e, 0);
  if (v !== Verdict.CONTINUE) return v;
  if (e.counters) e.counters[chain.policySlot]! += 1;
  e.decider = chain.policyDecider;
  if (e.trace) record(e, chain, 0, chain.policyDecider.text, true, `policy ${chain.policy ?? 'ACCEPT'}`);
  return chain.policy === 'DROP' ? Verdict.DROP : Verdict.ACCEPT;
}

function record(e: EvalEnv, chain: CompiledChain, rule: number, text: string, matched: boolean, action: string): void {
  e.trace?.push({
    node: e.node,
    hook: e.hook,
    table: chain.table,
    chain: chain.name,
    rule,
    text,
    matched,
    action,
    direction: e.direction,
  });
}

function fail(e: EvalEnv, r: CompiledRule, message: string): number {
  e.error = `${r.table} ${r.chain} rule ${r.rule.number} (line ${r.rule.line}): ${message}`;
  e.decider = r.decider;
  return Verdict.ERROR;
}

function natText(t: TargetSpec, p: Packet): string {
  if (t.kind === 'DNAT') return `DNAT to ${formatAddressPort(p.dst, p.dport)}`;
  return `${t.kind} to ${formatAddressPort(p.src, p.sport)}`;
}

function runChain(ruleset: CompiledRuleset, chain: CompiledChain, p: Packet, e: EvalEnv, depth: number): number {
  const rules = chain.rules;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as CompiledRule;
    if ((e.work = (e.work ?? MAX_RULE_EVALUATIONS) - 1) < 0) {
      return fail(
        e,
        r,
        `more than ${MAX_RULE_EVALUATIONS} rule evaluations in one hook: the chains' jumps fan out too much to follow`,
      );
    }
    if (r.test !== null && !r.test(p, e)) {
      if (e.trace) record(e, chain, r.rule.number, r.rule.text, false, '');
      continue;
    }
    if (r.unsupported !== null) {
      if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, 'not understood');
      return fail(e, r, r.unsupported);
    }
    if (e.counters) e.counters[r.slot]! += 1;
    switch (r.action) {
      case Action.ACCEPT:
      case Action.DROP:
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, r.action === Action.ACCEPT ? 'ACCEPT' : 'DROP');
        e.decider = r.decider;
        return r.action === Action.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
      case Action.REJECT:
        if (!NAT_HOOKS.REJECT!.includes(e.hook))
          return fail(e, r, `REJECT is only valid in INPUT, FORWARD and OUTPUT, not ${e.hook}`);
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, 'REJECT');
        e.decider = r.decider;
        return Verdict.REJECT;
      case Action.RETURN:
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, 'RETURN');
        return Verdict.CONTINUE;
      case Action.JUMP:
      case Action.GOTO: {
        const to = r.jumpTo;
        if (!to) return fail(e, r, 'jump to a chain that does not exist');
        if (depth >= MAX_JUMP_DEPTH) return fail(e, r, `chains nest deeper than ${MAX_JUMP_DEPTH}`);
        if (e.trace)
          record(
            e,
            chain,
            r.rule.number,
            r.rule.text,
            true,
            `${r.action === Action.JUMP ? 'jump' : 'goto'} ${to.name}`,
          );
        const v = runChain(ruleset, to, p, e, depth + 1);
        // goto: whatever the target chain did, this chain is finished too.
        if (v !== Verdict.CONTINUE || r.action === Action.GOTO) return v;
        continue;
      }
      case Action.DNAT:
      case Action.SNAT:
      case Action.MASQUERADE: {
        const t = r.target as TargetSpec;
        const kind = t.kind as 'DNAT' | 'SNAT' | 'MASQUERADE';
        if (!NAT_HOOKS[kind]!.includes(e.hook))
          return fail(e, r, `${kind} is only valid in ${NAT_HOOKS[kind]!.join('/')}, not ${e.hook}`);
        if (!applyNat(ruleset, t, p, e)) {
          // MASQUERADE on an interface without an address: masquerade_tg() drops the packet.
          if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, 'DROP (no address to masquerade to)');
          e.decider = r.decider;
          return Verdict.DROP;
        }
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, natText(t, p));
        e.decider = r.decider;
        return Verdict.ACCEPT;
      }
      case Action.NOTRACK:
        // xt_CT / xt_NOTRACK: valid in the raw table only, which iptables-restore enforces.
        if (r.table !== 'raw')
          return fail(e, r, `${(r.target as { name: string }).name} is only valid in the raw table`);
        p.ctstate = CtState.UNTRACKED;
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, 'NOTRACK (no conntrack entry, so no NAT)');
        continue;
      case Action.MARK: {
        const t = r.target as Extract<TargetSpec, { kind: 'MARK' }>;
        p.mark = ((p.mark & ~t.mask) ^ t.value) >>> 0;
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, `MARK set 0x${p.mark.toString(16)}`);
        continue;
      }
      default:
        // No target, LOG, TRACE, …: counted, then the next rule.
        if (e.trace) record(e, chain, r.rule.number, r.rule.text, true, r.action === Action.LOG ? 'LOG' : 'continue');
        continue;
    }
  }
  if (e.trace && chain.policy === null) record(e, chain, 0, 'return', true, 'return');
  return Verdict.CONTINUE;
}

function applyNat(ruleset: CompiledRuleset, t: TargetSpec, p: Packet, e: EvalEnv): boolean {
  if (t.kind === 'DNAT') {
    const before = p.dst;
    const beforePort = p.dport;
    if (t.range.addresses) p.dst = natAddress(t.range.addresses, p, t.persistent);
    p.dport = pickNatPort(t.range, p.dport);
    if (p.dst !== before || p.dport !== beforePort) p.ctstate |= CtState.DNAT;
    return true;
  }
  if (t.kind === 'SNAT') {
    const a = t.range.addresses;
    // get_unique_tuple(): a source already inside the range is kept.
    if (a && !(typeof p.src === typeof a.first && p.src >= a.first && p.src <= a.last))
      p.src = natAddress(a, p, t.persistent);
    p.sport = pickNatPort(t.range, p.sport);
    if (t.randomFully) p.sportRandom = true;
    e.sourceNatted = true;
    return true;
  }
  if (t.kind === 'MASQUERADE') {
    const address = ruleset.addresses.sourceFor(p.outIface, e.nextHop);
    if (address === null) return false;
    p.src = address;
    if (t.ports) p.sport = pickNatPort({ addresses: null, ports: t.ports }, p.sport);
    // Without a random flag the kernel keeps a free port (every simulated connection has its own).
    if (t.randomFully) p.sportRandom = true;
    e.sourceNatted = true;
    return true;
  }
  return true;
}
