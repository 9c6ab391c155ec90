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
import type { Packet } from '../netfilter/packet';
import { baseChainsAt, runBaseChain, type CompiledNftChain } from '../nftables';
import type { NftState } from '../nftables/state';
import type { NetNode } from './topology';

const IPTABLES_PRIORITY: Readonly<Record<string, number>> = {
  'nat PREROUTING': -100,
  'nat OUTPUT': -100,
  'nat POSTROUTING': 100,
  'nat INPUT': 100,
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

/** Runs `node`'s rules for the walk's (table, HOOK) call; returns a netfilter Verdict. */
export function runHook(
  node: NetNode,
  table: string,
  hook: string,
  p: Packet,
  e: EvalEnv,
  nftState: NftState | undefined,
): number {
  const nft = node.nft;
  if (!nft) return traverse(node.compiled, table, hook, p, e);
  const chains = baseChainsAt(nft.compiled, hook.toLowerCase()).filter((c) => inStretch(table, hook, c));
  const hasIptables = node.ruleset.tables.size > 0 && (node.compiled.tables.get(table)?.has(hook) ?? false);
  const ipPriority = IPTABLES_PRIORITY[`${table} ${hook}`] ?? 0;
  const run = { p, e, state: nftState ?? new Map(), addresses: node.addresses, slotBase: node.compiled.slots.length };
  const startDst = p.dst;
  const startDport = p.dport;
  let iptablesDone = !hasIptables;
  const natBound = (): boolean =>
    hook === 'PREROUTING' || hook === 'OUTPUT' ? p.dst !== startDst || p.dport !== startDport : e.sourceNatted;
  e.hook = hook;
  for (const c of chains) {
    const priority = c.base?.priority ?? 0;
    if (!iptablesDone && ipPriority <= priority) {
      iptablesDone = true;
      const v = traverse(node.compiled, table, hook, p, e);
      if (v !== Verdict.ACCEPT) return v;
    }
    // nf_nat_inet_fn: once the connection has its NAT binding, later nat chains do not run.
    if (c.base?.type === 'nat' && natBound()) continue;
    e.hook = hook;
    const v = runBaseChain(nft.compiled, c, run);
    if (v !== Verdict.ACCEPT) return v;
  }
  if (!iptablesDone) return traverse(node.compiled, table, hook, p, e);
  return Verdict.ACCEPT;
}

/** A node's counter slots: its iptables rules, then its nft rules and base-chain policies. */
export function counterSlots(node: NetNode): readonly SlotInfo[] {
  return node.nft ? [...node.compiled.slots, ...node.nft.compiled.slots] : node.compiled.slots;
}
