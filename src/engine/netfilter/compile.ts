/**
 * Compiles a parsed ruleset, for one node, into chains of fast rules: every match becomes a
 * small closure over precomputed numbers (addresses as uint32, masks, port bounds), and a rule
 * is the conjunction of its closures in kernel order (IP header first, then -m matches as
 * written). Evaluating a rule allocates nothing.
 */
import type { Chooser } from '../random/types';
import type { NodeAddresses } from './addresses';
import { addressTest } from './addressMatch';
import type { Address } from './ip';
import type { MatchSpec, Rule, Ruleset, TargetSpec } from './model';
import { BUILTIN_CHAINS } from './model';
import { icmpTest } from './icmpTypes';
import type { Packet } from './packet';
import type { RecentLists } from './recent';
import { compileSet, type IpSetSpec } from './sets';
import type { TraceEntry } from './trace';
import { portInRanges } from './values';

/** Mutable state a walk reads and writes on one node. */
export interface EvalEnv {
  chooser: Chooser;
  /** The injected clock, in seconds (recent's --seconds). */
  now: number;
  recent: RecentLists;
  /** Per `--mode nth` match: its counter (xt_statistic's master->count). */
  nth: Int32Array;
  /** Trace sink, or null when no trace is wanted (then nothing is allocated). */
  trace: TraceEntry[] | null;
  /** Per-rule packet counters, or null. */
  counters: Float64Array | null;
  /** The node and direction written into trace entries. */
  node: string;
  direction: 'original' | 'reply';
  /** The hook being traversed (PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING). */
  hook: string;
  /** The next hop the packet leaves toward (for MASQUERADE's address choice). */
  nextHop: Address;
  /** Set by SNAT/MASQUERADE when they rewrite the source. */
  sourceNatted: boolean;
  /** The rule (or policy) that gave the last ACCEPT/DROP/REJECT, and why a walk stopped. */
  decider: Decider | null;
  error: string | null;
  /**
   * Rule evaluations left in the current hook traversal; traverse() refills it. Depth alone
   * does not bound work: chains that each jump twice to the next fan out exponentially.
   * Optional so hand-built environments keep working; traverse() always sets it.
   */
  work?: number;
}

/** The rule or chain policy that decided a verdict. */
export interface Decider {
  readonly table: string;
  readonly chain: string;
  /** 1-based rule number, or 0 for the chain's policy. */
  readonly rule: number;
  readonly text: string;
}

/** A compiled match: true when the packet matches. */
export type Test = (p: Packet, e: EvalEnv) => boolean;

/** What a rule does when it matches. */
export const Action = {
  NONE: 0,
  ACCEPT: 1,
  DROP: 2,
  REJECT: 3,
  RETURN: 4,
  JUMP: 5,
  GOTO: 6,
  DNAT: 7,
  SNAT: 8,
  MASQUERADE: 9,
  MARK: 10,
  LOG: 11,
  NOOP: 12,
  NOTRACK: 13,
} as const;

/** One compiled rule. */
export interface CompiledRule {
  /** Index into the counters array. */
  readonly slot: number;
  readonly table: string;
  readonly chain: string;
  readonly rule: Rule;
  readonly test: Test | null;
  readonly action: number;
  readonly target: TargetSpec | null;
  /** Filled in once every chain exists. */
  jumpTo: CompiledChain | null;
  /** Set when a packet that passes `test` reaches something the engine does not understand. */
  readonly unsupported: string | null;
  /** This rule as a decider (allocated once, so deciding allocates nothing). */
  readonly decider: Decider;
}

/** One compiled chain. */
export interface CompiledChain {
  readonly table: string;
  readonly name: string;
  readonly policy: 'ACCEPT' | 'DROP' | null;
  readonly rules: CompiledRule[];
  /** Counter slot of the policy (built-in chains). */
  readonly policySlot: number;
  readonly policyDecider: Decider;
}

/** What a counter slot belongs to. */
export interface SlotInfo {
  readonly table: string;
  readonly chain: string;
  /** 1-based rule number, or 0 for the policy. */
  readonly rule: number;
  readonly text: string;
}

/** A ruleset compiled for one node. */
export interface CompiledRuleset {
  readonly addresses: NodeAddresses;
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, CompiledChain>>;
  readonly slots: readonly SlotInfo[];
  /** Initial values of the nth counters (one per nth match). */
  readonly nthInitial: Int32Array;
  /** True when some rule keeps state between connections (recent, nth). */
  readonly stateful: boolean;
  /** True when some rule looks at the source port (so connections differ by more than the draw). */
  readonly readsSourcePort: boolean;
}

/** How to compile: the node's addresses and any ipsets the rules use. */
export interface CompileOptions {
  readonly addresses: NodeAddresses;
  readonly sets?: Readonly<Record<string, IpSetSpec>>;
}

const TWO_31 = 0x80000000;

function fuse(tests: Test[]): Test | null {
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0] as Test;
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (p, e) => a(p, e) && b(p, e);
  }
  if (tests.length === 3) {
    const [a, b, c] = tests as [Test, Test, Test];
    return (p, e) => a(p, e) && b(p, e) && c(p, e);
  }
  return (p, e) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(p, e)) return false;
    return true;
  };
}

interface Flags {
  stateful: boolean;
  readsSourcePort: boolean;
  nth: number[];
}

function portsTest(
  ranges: readonly { first: number; last: number }[],
  negated: boolean,
  read: (p: Packet) => number,
): Test {
  if (ranges.length === 1) {
    const { first, last } = ranges[0] as { first: number; last: number };
    return (p) => (read(p) >= first && read(p) <= last) !== negated;
  }
  return (p) => portInRanges(read(p), ranges) !== negated;
}

const readSport = (p: Packet): number => p.sport;
const readDport = (p: Packet): number => p.dport;

function compileMatch(m: MatchSpec, options: CompileOptions, flags: Flags): Test | null | string {
  const addresses = options.addresses;
  switch (m.kind) {
    case 'comment':
    case 'nfacct':
      return null;
    case 'l4': {
      const tests: Test[] = [];
      if (m.sport) {
        flags.readsSourcePort = true;
        tests.push(portsTest(m.sport.ranges, m.sport.negated, readSport));
      }
      if (m.dport) tests.push(portsTest(m.dport.ranges, m.dport.negated, readDport));
      if (m.tcpFlags) {
        const { mask, compare, negated } = m.tcpFlags;
        tests.push((p) => ((p.tcpFlags & mask) === compare) !== negated);
      }
      return fuse(tests);
    }
    case 'icmp':
      return icmpTest(m.family, m.type, m.negated);
    case 'multiport': {
      const { ranges, negated } = m.ports;
      if (m.side === 'dst') return portsTest(ranges, negated, readDport);
      flags.readsSourcePort = true;
      if (m.side === 'src') return portsTest(ranges, negated, readSport);
      return (p) => (portInRanges(p.sport, ranges) || portInRanges(p.dport, ranges)) !== negated;
    }
    case 'addrtype': {
      const tests: Test[] = [];
      const via = (p: Packet): string | undefined =>
        m.limitIfaceIn ? p.inIface : m.limitIfaceOut ? p.outIface : undefined;
      if (m.src) {
        const { types, negated } = m.src;
        tests.push((p) => ((addresses.typeOf(p.src, via(p)) & types) !== 0) !== negated);
      }
      if (m.dst) {
        const { types, negated } = m.dst;
        tests.push((p) => ((addresses.typeOf(p.dst, via(p)) & types) !== 0) !== negated);
      }
      return fuse(tests);
    }
    case 'statistic-random': {
      // The kernel compares 31 random bits with lround(p·2^31): the effective probability.
      const p = m.threshold / TWO_31;
      const negated = m.negated;
      return (_pkt, e) => e.chooser.bernoulli(p) !== negated;
    }
    case 'statistic-nth': {
      flags.stateful = true;
      const slot = flags.nth.length;
      const every = m.every - 1;
      flags.nth.push(every - m.packet);
      const negated = m.negated;
      return (_pkt, e) => {
        const old = e.nth[slot] as number;
        const next = old === every ? 0 : old + 1;
        e.nth[slot] = next;
        return (next === 0) !== negated;
      };
    }
    case 'mark': {
      const { value, mask, negated } = m;
      return (p) => ((p.mark & mask) >>> 0 === value) !== negated;
    }
    case 'recent': {
      flags.stateful = true;
      const spec = m;
      return spec.side === 'src'
        ? (p, e) => e.recent.match(spec, p.src, e.now)
        : (p, e) => e.recent.match(spec, p.dst, e.now);
    }
    case 'ctstate': {
      const { states, negated } = m;
      return (p) => ((p.ctstate & states) !== 0) !== negated;
    }
    case 'set': {
      const set = options.sets?.[m.name];
      if (!set) return `ipset "${m.name}" is not supplied, so -m set cannot be judged`;
      const test = compileSet(m.name, set);
      if (typeof test === 'string') return test;
      const { flags: dims, negated } = m;
      if (dims.includes('src')) flags.readsSourcePort = true;
      return (p) => test(p, dims) !== negated;
    }
  }
}

function compileBasics(rule: Rule): Test[] {
  const s = rule.spec;
  const tests: Test[] = [];
  if (s.src) {
    const prefix = s.src.prefix;
    const negated = s.src.negated;
    tests.push(addressTest(prefix, negated, 'src'));
  }
  if (s.dst) {
    const prefix = s.dst.prefix;
    const negated = s.dst.negated;
    tests.push(addressTest(prefix, negated, 'dst'));
  }
  if (s.inInterface) {
    const { name, wildcard, negated } = s.inInterface;
    tests.push(wildcard ? (p) => p.inIface.startsWith(name) !== negated : (p) => (p.inIface === name) !== negated);
  }
  if (s.outInterface) {
    const { name, wildcard, negated } = s.outInterface;
    tests.push(wildcard ? (p) => p.outIface.startsWith(name) !== negated : (p) => (p.outIface === name) !== negated);
  }
  if (s.protocol && !(s.protocol.number === 0 && !s.protocol.negated)) {
    const { number, negated } = s.protocol;
    tests.push((p) => (number === 0 || p.proto === number) !== negated);
  }
  if (s.fragment) {
    // A connection's first packet is never a non-first fragment.
    const negated = s.fragment.negated;
    tests.push(() => negated);
  }
  return tests;
}

function actionOf(t: TargetSpec | null): number {
  if (!t) return Action.NONE;
  switch (t.kind) {
    case 'ACCEPT':
      return Action.ACCEPT;
    case 'DROP':
      return Action.DROP;
    case 'REJECT':
      return Action.REJECT;
    case 'RETURN':
      return Action.RETURN;
    case 'jump':
      return Action.JUMP;
    case 'goto':
      return Action.GOTO;
    case 'DNAT':
      return Action.DNAT;
    case 'SNAT':
      return Action.SNAT;
    case 'MASQUERADE':
      return Action.MASQUERADE;
    case 'MARK':
      return Action.MARK;
    case 'LOG':
      return Action.LOG;
    case 'noop':
      return Action.NOOP;
    case 'notrack':
      return Action.NOTRACK;
  }
}

/**
 * Compiles the tables a walk traverses: nat and filter always (kube-proxy's), raw and mangle
 * when the dump has them (a real node's, where a DROP or MARK there changes the outcome).
 */
export function compileRuleset(ruleset: Ruleset, options: CompileOptions): CompiledRuleset {
  const flags: Flags = { stateful: false, readsSourcePort: false, nth: [] };
  const slots: SlotInfo[] = [];
  const tables = new Map<string, Map<string, CompiledChain>>();
  const walked = ['nat', 'filter', ...['raw', 'mangle'].filter((t) => ruleset.tables.has(t))];
  for (const tableName of walked) {
    const table = ruleset.tables.get(tableName);
    const chains = new Map<string, CompiledChain>();
    const names = new Set<string>([...(BUILTIN_CHAINS[tableName] ?? []), ...(table ? table.chains.keys() : [])]);
    for (const name of names) {
      const chain = table?.chains.get(name);
      const builtin = BUILTIN_CHAINS[tableName]?.includes(name) ?? false;
      const rules: CompiledRule[] = [];
      for (const rule of chain?.rules ?? []) {
        const tests = compileBasics(rule);
        let unsupported = rule.unsupported;
        for (const m of rule.spec.matches) {
          const t = compileMatch(m, options, flags);
          if (typeof t === 'string') {
            unsupported ??= t;
            break;
          }
          if (t) tests.push(t);
        }
        const slot = slots.length;
        // One object serves as the counter slot's description and as the rule's decider.
        const decider = { table: tableName, chain: name, rule: rule.number, text: rule.text };
        slots.push(decider);
        rules.push({
          slot,
          table: tableName,
          chain: name,
          rule,
          test: fuse(tests),
          action: actionOf(rule.spec.target),
          target: rule.spec.target,
          jumpTo: null,
          unsupported,
          decider,
        });
      }
      const policySlot = slots.length;
      const policy = builtin ? (chain?.policy ?? 'ACCEPT') : null;
      const policyText = policy ? `policy ${policy}` : 'return';
      const policyDecider = { table: tableName, chain: name, rule: 0, text: policyText };
      slots.push(policyDecider);
      chains.set(name, { table: tableName, name, policy, rules, policySlot, policyDecider });
    }
    for (const chain of chains.values()) {
      for (const r of chain.rules) {
        if (r.target?.kind === 'jump' || r.target?.kind === 'goto') r.jumpTo = chains.get(r.target.chain) ?? null;
      }
    }
    tables.set(tableName, chains);
  }
  return {
    addresses: options.addresses,
    tables,
    slots,
    nthInitial: Int32Array.from(flags.nth),
    stateful: flags.stateful,
    readsSourcePort: flags.readsSourcePort,
  };
}
