/**
 * One netfilter hook of a node, whichever front end programs it: the iptables tables (the
 * compiled iptables-save), the node's nft base chains, or both, as on a real node where
 * iptables-nft and kube-proxy's `table ip kube-proxy` share the hooks. The walk asks for
 * (table, HOOK) as iptables names them; for nft, each such call runs the base chains that sit
 * in that stretch of the hook, ordered by priority together with the iptables chain (nat at
 * -100 before routing / +100 after it, filter at 0):
 *  - PREROUTING, FORWARD, POSTROUTING: every base chain at the hook;
 *  - OUTPUT: chains at priority ≤ -100 and nat chains with `nat OUTPUT` (before the
 *    re-route of a DNATed packet), the rest with `filter OUTPUT`;
 *  - INPUT: nat chains with `nat INPUT`, the others with `filter INPUT`.
 * A node without nft runs exactly the iptables traversal, as before.
 */
import type { EvalEnv, SlotInfo } from '../netfilter/compile';
import { traverse, Verdict } from '../netfilter/evaluate';
import { familyOf } from '../netfilter/ip';
import { CtState } from '../netfilter/model';
import type { Packet } from '../netfilter/packet';
import { baseChainsAt, runBaseChain, type CompiledNftChain } from '../nftables';
import type { NftState } from '../nftables/state';
import type { NetNode } from './topology';

/**
 * The iptables tables each of the walk's (table, HOOK) calls runs, in the kernel's priority
 * order (raw -300, mangle -150, nat -100 before routing / +100 after it, filter 0): the walk
 * names nat and filter, and raw and mangle ride along in the same stretch of the hook.
 */
const IPTABLES_STRETCH: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  'nat PREROUTING': [
    ['raw', -300],
    ['mangle', -150],
    ['nat', -100],
  ],
  'nat OUTPUT': [
    ['raw', -300],
    ['mangle', -150],
    ['nat', -100],
  ],
  'filter INPUT': [
    ['mangle', -150],
    ['filter', 0],
  ],
  'filter FORWARD': [
    ['mangle', -150],
    ['filter', 0],
  ],
  'nat POSTROUTING': [
    ['mangle', -150],
    ['nat', 100],
  ],
  'nat INPUT': [['nat', 100]],
};

function inStretch(table: string, hook: string, c: CompiledNftChain): boolean {
  const b = c.base;
  if (!b) return false;
  if (hook === 'OUTPUT') {
    const early = b.priority <= -100 || b.type === 'nat';
    return table === 'nat' ? early : !early;
  }
  if (hook === 'INPUT') return table === 'nat' ? b.type === 'nat' : b.type !== 'nat';
  return true;
}

/** An untracked packet (NOTRACK in raw) has no conntrack entry, and NAT runs only on those that do. */
const untracked = (p: Packet): boolean => (p.ctstate & CtState.UNTRACKED) !== 0;

/**
 * Sets the conntrack state a rule sees before conntrack (-200) has run: no entry yet, so
 * `-m conntrack` and nft's `ct state` see INVALID (UNTRACKED once NOTRACK ran), never NEW
 * (conntrack_mt, nft_ct_get_eval). Returns the state to put back afterwards.
 */
function enterBeforeConntrack(p: Packet): number {
  const state = p.ctstate;
  if (!untracked(p)) p.ctstate = CtState.INVALID;
  return state;
}

/** Puts the state back after a stretch before conntrack, unless NOTRACK took the packet out of it. */
function leaveBeforeConntrack(p: Packet, state: number): void {
  if (!untracked(p)) p.ctstate = state;
}

/** One iptables table at one hook: nat is skipped for untracked packets, raw runs before conntrack. */
function runTable(node: NetNode, t: string, hook: string, p: Packet, e: EvalEnv): number {
  if (t === 'nat' && untracked(p)) return Verdict.ACCEPT;
  if (t !== 'raw') return traverse(node.compiled, t, hook, p, e);
  const state = enterBeforeConntrack(p);
  const v = traverse(node.compiled, t, hook, p, e);
  leaveBeforeConntrack(p, state);
  return v;
}

/** Runs `node`'s rules for the walk's (table, HOOK) call; returns a netfilter Verdict. */
export function runHook(
  node: NetNode,
  table: string,
  hook: string,
  p: Packet,
  e: EvalEnv,
  nftState: NftState | undefined,
): number {
  // ip6tables and iptables are separate tables in the kernel: a packet sees only its family's.
  const family = familyOf(p.src);
  const stretch =
    node.ruleset.family === family
      ? (IPTABLES_STRETCH[`${table} ${hook}`] ?? [[table, 0]]).filter(([t]) => node.compiled.tables.get(t)?.has(hook))
      : [];
  const nft = node.nft;
  if (!nft) {
    for (const [t] of stretch) {
      const v = runTable(node, t, hook, p, e);
      if (v !== Verdict.ACCEPT) return v;
    }
    return Verdict.ACCEPT;
  }
  const chains = baseChainsAt(nft.compiled, hook.toLowerCase()).filter(
    (c) => c.families.includes(family) && inStretch(table, hook, c),
  );
  const run = {
    p,
    e,
    state: nftState ?? new Map(),
    addresses: node.addresses,
    slotBase: node.compiled.slots.length,
    beforeConntrack: false,
  };
  const startDst = p.dst;
  const startDport = p.dport;
  let next = 0;
  const natBound = (): boolean =>
    hook === 'PREROUTING' || hook === 'OUTPUT' ? p.dst !== startDst || p.dport !== startDport : e.sourceNatted;
  // iptables tables up to `priority` first (iptables-nft's chains sit at the same priorities).
  const iptablesUpTo = (priority: number): number => {
    for (; next < stretch.length && (stretch[next] as readonly [string, number])[1] <= priority; next++) {
      const v = runTable(node, (stretch[next] as readonly [string, number])[0], hook, p, e);
      if (v !== Verdict.ACCEPT) return v;
    }
    return Verdict.ACCEPT;
  };
  e.hook = hook;
  for (const c of chains) {
    const before = iptablesUpTo(c.base?.priority ?? 0);
    if (before !== Verdict.ACCEPT) return before;
    // nf_nat_inet_fn: once the connection has its NAT binding, later nat chains do not run.
    if (c.base?.type === 'nat' && (natBound() || untracked(p))) continue;
    e.hook = hook;
    // Conntrack sits at -200 in prerouting and output.
    run.beforeConntrack = (hook === 'PREROUTING' || hook === 'OUTPUT') && (c.base?.priority ?? 0) < -200;
    const state = run.beforeConntrack ? enterBeforeConntrack(p) : 0;
    const v = runBaseChain(nft.compiled, c, run);
    if (run.beforeConntrack) leaveBeforeConntrack(p, state);
    if (v !== Verdict.ACCEPT) return v;
  }
  return iptablesUpTo(Infinity);
}

/** A node's counter slots: its iptables rules, then its nft rules and base-chain policies. */
export function counterSlots(node: NetNode): readonly SlotInfo[] {
  return node.nft ? [...node.compiled.slots, ...node.nft.compiled.slots] : node.compiled.slots;
}
