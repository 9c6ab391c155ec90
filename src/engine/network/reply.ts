/**
 * The answer's way back. Each node it crosses looks for its conntrack entry of the connection:
 * with one, the answer is ESTABLISHED and NAT is undone (destination at PREROUTING, before
 * routing; source after the filter hook, at POSTROUTING / INPUT); without one it is a new flow
 * there — INVALID for TCP and SCTP (an answer cannot open a connection), NEW for UDP — and
 * walks that node's rules as such. The connecting endpoint accepts the answer only if it comes
 * from the address and port it connected to (docs/kernel.md: an ETP Local short-circuit that
 * lands on a third node answers directly, misses the reverse NAT and fails).
 */
import type { EvalEnv } from '../netfilter/compile';
import { Verdict as V } from '../netfilter/evaluate';
import { formatAddress, formatAddressPort, type Address } from '../netfilter/ip';
import { CtState } from '../netfilter/model';
import { ECHO_REPLY } from '../netfilter/icmpTypes';
import { IPPROTO, newPacket, type Packet } from '../netfilter/packet';
import { runHook } from './datapath';
import { prepareEnvs, type WalkContext } from './context';
import type { ResolvedConnection } from './resolve';
import { routeOn, type Route } from './routing';
import { LAN_INTERFACE, type NetNode, type NetPod } from './topology';
import type { ReplyResult, RuleRef } from './types';
import { ruleRef, step, type CtEntry, type Journey } from './journey';

const TTL = 64;
const TCP_SYN_ACK = 0x12;

interface ReplyWalk {
  readonly ctx: WalkContext;
  readonly c: ResolvedConnection;
  readonly j: Journey;
  readonly hops: string[];
}

const fmt = (ip: Address, port: number): string => formatAddressPort(ip, port);

function fail(w: ReplyWalk, failure: string, decidedBy: RuleRef | null = null): ReplyResult {
  return { delivered: false, hops: w.hops, failure, decidedBy };
}

function hookFailed(w: ReplyWalk, node: NetNode, v: number): ReplyResult {
  const e = w.ctx.envs[node.index] as EvalEnv;
  if (v === V.ERROR) return fail(w, e.error ?? 'a rule could not be judged', ruleRef(node, e));
  return fail(w, `${node.name} ${v === V.REJECT ? 'rejects' : 'drops'} the answer`, ruleRef(node, e));
}

function findCt(j: Journey, node: NetNode, p: Packet): CtEntry | null {
  for (const ct of j.cts) {
    if (
      ct.node === node &&
      ct.natDst === p.src &&
      ct.natDport === p.sport &&
      ct.natSrc === p.dst &&
      ct.natSport === p.dport
    )
      return ct;
  }
  return null;
}

/** Conntrack state of the answer on a node, and the destination half of the NAT undone. */
function enter(w: ReplyWalk, p: Packet, ct: CtEntry | null): void {
  if (ct) {
    p.ctstate = CtState.ESTABLISHED;
    if (ct.natDst !== ct.dst || ct.natDport !== ct.dport) p.ctstate |= CtState.DNAT;
    if (ct.natSrc !== ct.src || ct.natSport !== ct.sport) p.ctstate |= CtState.SNAT;
    p.dst = ct.src;
    p.dport = ct.sport;
  } else {
    p.ctstate = w.c.proto === 17 ? CtState.NEW : CtState.INVALID;
  }
  p.mark = 0;
}

function undoSource(p: Packet, ct: CtEntry | null): void {
  if (!ct) return;
  p.src = ct.dst;
  p.sport = ct.dport;
}

/** Whether the answer arriving at an endpoint is the one the connecting side waits for. */
/**
 * Why an answer that reached `reached` is not the connection's own, or null when it got back
 * to whoever opened it. Shared by the iptables walk and the other datapaths' walk.
 */
export function notTheOrigin(
  c: ResolvedConnection,
  dst: Address,
  reached: 'client' | 'pod' | 'node',
  pod: NetPod | null,
  node: NetNode | null,
): string | null {
  const o = c.origin;
  const isOrigin =
    (reached === 'client' && o.kind === 'client' && dst === o.ip) ||
    (reached === 'pod' && o.kind === 'pod' && pod === o.pod) ||
    (reached === 'node' && o.kind === 'node' && node === o.node);
  if (isOrigin) return null;
  const where =
    reached === 'client'
      ? `LAN host ${formatAddress(dst)}`
      : reached === 'pod' && pod
        ? `pod ${pod.namespace}/${pod.name}`
        : `node ${node?.name ?? ''}`;
  return `the answer reaches ${where}, which did not open the connection`;
}

function check(
  w: ReplyWalk,
  p: Packet,
  reached: 'client' | 'pod' | 'node',
  pod: NetPod | null,
  node: NetNode | null,
): ReplyResult {
  const stranger = notTheOrigin(w.c, p.dst, reached, pod, node);
  if (stranger !== null) return fail(w, stranger);
  if (p.src !== w.c.dst || p.sport !== w.c.dport || p.dst !== w.j.originSrc || p.dport !== w.c.sport) {
    return fail(
      w,
      `the answer comes from ${fmt(p.src, p.sport)} but the connection was made to ${fmt(w.c.dst, w.c.dport)}, so it is not recognised (TCP answers with a reset)`,
    );
  }
  return { delivered: true, hops: w.hops, failure: null, decidedBy: null };
}

function leave(w: ReplyWalk, node: NetNode, route: Route, p: Packet, ttl: number): ReplyResult {
  if (route.kind === 'pod') {
    step(w.ctx, node.name, 'reply', 'deliver', route.iface, p, `${route.pod.namespace}/${route.pod.name}`);
    if (p.src === route.pod.ip)
      return fail(
        w,
        `pod ${route.pod.namespace}/${route.pod.name} drops an answer whose source is its own address (martian source)`,
      );
    return check(w, p, 'pod', route.pod, node);
  }
  if (route.kind === 'node') {
    step(w.ctx, node.name, 'reply', 'send', route.iface, p, route.node.name);
    p.inIface = LAN_INTERFACE;
    p.outIface = '';
    return arrive(w, route.node, p, ttl);
  }
  step(w.ctx, node.name, 'reply', 'leave', route.iface, p, route.kind === 'host' ? 'LAN host' : 'default gateway');
  if (route.kind === 'host') return check(w, p, 'client', null, null);
  return fail(w, `${node.name} sends the answer to ${formatAddress(p.dst)} out of the cluster by its default route`);
}

function deliverLocal(w: ReplyWalk, node: NetNode, p: Packet): ReplyResult {
  step(w.ctx, node.name, 'reply', 'deliver', 'lo', p, 'node stack');
  const pod = node.pods.find((x) => x.veth === '' && x.ip === p.dst) ?? null;
  return check(w, p, pod ? 'pod' : 'node', pod, node);
}

/** The answer arriving on a node from a pod veth or the LAN. */
function arrive(w: ReplyWalk, node: NetNode, p: Packet, ttl: number): ReplyResult {
  const { ctx } = w;
  w.hops.push(node.name);
  step(ctx, node.name, 'reply', 'arrive', p.inIface, p, '');
  const ct = findCt(w.j, node, p);
  enter(w, p, ct);
  let v: number;
  if (p.ctstate === CtState.NEW) {
    v = runHook(node, 'nat', 'PREROUTING', p, ctx.envs[node.index] as EvalEnv, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
  }
  if (node.addresses.isLocal(p.src))
    return fail(
      w,
      `${node.name} drops the answer: its source ${formatAddress(p.src)} is the node's own address (martian source)`,
    );
  const route = routeOn(ctx.topology, node, p.dst);
  const fresh = p.ctstate === CtState.NEW;
  if (route.kind === 'local') {
    v = runHook(node, 'filter', 'INPUT', p, ctx.envs[node.index] as EvalEnv, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
    undoSource(p, ct);
    return deliverLocal(w, node, p);
  }
  if (ttl <= 1) return fail(w, `${node.name} drops the answer: TTL exceeded`);
  p.outIface = route.iface;
  (ctx.envs[node.index] as EvalEnv).nextHop = route.nextHop;
  v = runHook(node, 'filter', 'FORWARD', p, ctx.envs[node.index] as EvalEnv, ctx.nft[node.index]);
  if (v !== V.ACCEPT) return hookFailed(w, node, v);
  if (fresh) {
    v = runHook(node, 'nat', 'POSTROUTING', p, ctx.envs[node.index] as EvalEnv, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
  }
  undoSource(p, ct);
  return leave(w, node, route, p, ttl - 1);
}

/** The answer sent by a node's own stack (the connection ended on the node or a hostNetwork pod). */
function sendLocal(w: ReplyWalk, node: NetNode, p: Packet): ReplyResult {
  const { ctx } = w;
  w.hops.push(node.name);
  const ct = findCt(w.j, node, p);
  enter(w, p, ct);
  const e = ctx.envs[node.index] as EvalEnv;
  let v: number;
  if (p.ctstate === CtState.NEW) {
    v = runHook(node, 'nat', 'OUTPUT', p, e, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
  }
  const route = routeOn(ctx.topology, node, p.dst);
  p.inIface = '';
  p.outIface = route.iface;
  e.nextHop = route.kind === 'local' ? p.dst : route.nextHop;
  step(ctx, node.name, 'reply', 'send', route.iface, p, 'node socket');
  v = runHook(node, 'filter', 'OUTPUT', p, e, ctx.nft[node.index]);
  if (v !== V.ACCEPT) return hookFailed(w, node, v);
  if (p.ctstate === CtState.NEW) {
    v = runHook(node, 'nat', 'POSTROUTING', p, e, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
  }
  undoSource(p, ct);
  if (route.kind === 'local') {
    p.inIface = 'lo';
    p.outIface = '';
    v = runHook(node, 'filter', 'INPUT', p, e, ctx.nft[node.index]);
    if (v !== V.ACCEPT) return hookFailed(w, node, v);
    return deliverLocal(w, node, p);
  }
  return leave(w, node, route, p, TTL);
}

/**
 * Walks the answer to a delivered first packet back toward the connecting endpoint. `pod` and
 * `node` say where the first packet landed; null when no network was involved.
 */
export function walkReply(
  ctx: WalkContext,
  c: ResolvedConnection,
  j: Journey,
  delivered: Packet,
  pod: NetPod | null,
  node: NetNode | null,
): ReplyResult | null {
  if (!node) return null;
  prepareEnvs(ctx, 'reply');
  const p = newPacket(delivered.dst, delivered.src, delivered.dport, delivered.sport, c.proto);
  if (c.proto === 6) p.tcpFlags = TCP_SYN_ACK;
  if (p.icmpType !== -1) p.icmpType = ECHO_REPLY[c.proto === IPPROTO.icmp ? 4 : 6];
  const w: ReplyWalk = { ctx, c, j, hops: [] };
  if (pod && pod.veth !== '') {
    step(ctx, node.name, 'reply', 'send', pod.veth, p, `${pod.namespace}/${pod.name}`);
    p.inIface = pod.veth;
    return arrive(w, node, p, TTL);
  }
  return sendLocal(w, node, p);
}
