/**
 * What the forward walk leaves for the reply walk: the conntrack entry each node made, and
 * the facts the result reports. Also the small helpers both walks use.
 */
import type { EvalEnv } from '../netfilter/compile';
import { formatAddressPort, type Address } from '../netfilter/ip';
import type { Packet } from '../netfilter/packet';
import type { WalkContext } from './context';
import type { NetNode } from './topology';
import type { RuleRef, Step } from './types';

/**
 * A node's conntrack entry for the connection: the tuple it saw and the tuple after its NAT.
 * The one record of both walks: netfilter's (walk.ts, reply.ts) and the other datapaths'.
 */
export interface CtEntry {
  readonly node: NetNode;
  readonly src: Address;
  readonly sport: number;
  readonly dst: Address;
  readonly dport: number;
  natSrc: Address;
  natSport: number;
  natDst: Address;
  natDport: number;
}

/** What the forward walk found; the reply walk reads the conntrack entries. */
export interface Journey {
  readonly hops: string[];
  readonly cts: CtEntry[];
  dnat: boolean;
  masquerade: boolean;
  explicitAccept: RuleRef | null;
  /** The source address the origin used (chosen by the route for a node's own socket). */
  originSrc: Address;
}

const fmt = (ip: Address, port: number): string => formatAddressPort(ip, port);

/** Records a journey step when steps are being kept. */
export function step(
  ctx: WalkContext,
  node: string,
  direction: 'original' | 'reply',
  event: Step['event'],
  iface: string,
  p: Packet,
  detail: string,
): void {
  ctx.steps?.push({ node, direction, event, iface, src: fmt(p.src, p.sport), dst: fmt(p.dst, p.dport), detail });
}

/** The decider of a node environment as a RuleRef. */
export function ruleRef(node: NetNode, e: EvalEnv): RuleRef | null {
  const d = e.decider;
  return d ? { node: node.name, table: d.table, chain: d.chain, rule: d.rule, text: d.text } : null;
}
