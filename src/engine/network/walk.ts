/**
 * The first packet of a connection crossing the simulated nodes, hook by hook as on a Linux
 * node: arriving packets take nat PREROUTING → routing → filter INPUT (+ nat INPUT) or filter
 * FORWARD → nat POSTROUTING; a node's own packets take routing → nat OUTPUT → re-routing →
 * filter OUTPUT → nat POSTROUTING (and filter INPUT when looped back). Every node sees a NEW
 * connection and keeps a conntrack entry, so the answer can be walked back (reply.ts).
 */
import type { EvalEnv } from '../netfilter/compile';
import { Verdict as V } from '../netfilter/evaluate';
import { formatAddress, type Address } from '../netfilter/ip';
import { CtState } from '../netfilter/model';
import { isEcho, newPacket, type Packet } from '../netfilter/packet';
import { prepareEnvs, type WalkContext } from './context';
import { runHook } from './datapath';
import { echoOf } from './echo';
import { ruleRef, step, type CtEntry, type Journey } from './journey';
import { walkReply } from './reply';
import type { ResolvedConnection } from './resolve';
import { clientRoute, routeOn, sourceFor, type Route } from './routing';
import { LAN_INTERFACE, type NetNode, type NetPod } from './topology';
import type { ConnectionResult, Destination, RuleRef, Verdict } from './types';

/** Initial TTL of a connection's packets; a node forwarding one with TTL 1 drops it. */
const TTL = 64;

/** A finished forward walk: delivered somewhere, or stopped. */
type Ending =
  | {
      readonly kind: 'delivered';
      readonly destination: Destination;
      readonly packet: Packet;
      readonly pod: NetPod | null;
      readonly node: NetNode | null;
    }
  | {
      readonly kind: 'stopped';
      readonly verdict: Verdict;
      readonly decidedBy: RuleRef | null;
      readonly reason: string | null;
    };

/** Turns a non-ACCEPT hook verdict into a stop. */
export function stopped(node: NetNode, e: EvalEnv, v: number): Ending {
  if (v === V.ERROR) return { kind: 'stopped', verdict: 'UNKNOWN', decidedBy: ruleRef(node, e), reason: e.error };
  return { kind: 'stopped', verdict: v === V.REJECT ? 'REJECT' : 'DROP', decidedBy: ruleRef(node, e), reason: null };
}

function kernelDrop(reason: string): Ending {
  return { kind: 'stopped', verdict: 'DROP', decidedBy: null, reason };
}

function hook(ctx: WalkContext, node: NetNode, table: string, chain: string, p: Packet): number {
  return runHook(node, table, chain, p, ctx.envs[node.index] as EvalEnv, ctx.nft[node.index]);
}

function noteAccept(j: Journey, node: NetNode, e: EvalEnv): void {
  if (e.decider && e.decider.rule > 0 && e.decider.table === 'filter') j.explicitAccept = ruleRef(node, e);
}

function openCt(j: Journey, node: NetNode, p: Packet): CtEntry {
  const ct = {
    node,
    src: p.src,
    sport: p.sport,
    dst: p.dst,
    dport: p.dport,
    natSrc: 0,
    natSport: 0,
    natDst: 0,
    natDport: 0,
  };
  j.cts.push(ct);
  return ct;
}

/** A packet NOTRACK took out of conntrack on `ct`'s node leaves no entry there for its answer. */
function dropCtIfUntracked(j: Journey, ct: CtEntry, p: Packet): void {
  if ((p.ctstate & CtState.UNTRACKED) === 0) return;
  const i = j.cts.indexOf(ct);
  if (i >= 0) j.cts.splice(i, 1);
}

function closeCt(ct: CtEntry, p: Packet): void {
  ct.natSrc = p.src;
  ct.natSport = p.sport;
  ct.natDst = p.dst;
  ct.natDport = p.dport;
}

/** Delivers a packet that has left `node` by `route` (to a pod, a peer node, or out of the cluster). */
function deliver(ctx: WalkContext, j: Journey, node: NetNode, route: Route, p: Packet, ttl: number): Ending {
  if (route.kind === 'pod') {
    step(ctx, node.name, 'original', 'deliver', route.iface, p, `${route.pod.namespace}/${route.pod.name}`);
    // The pod's kernel drops a packet "from" its own address (martian source, accept_local=0).
    if (p.src === route.pod.ip)
      return kernelDrop(
        `pod ${route.pod.namespace}/${route.pod.name} drops a packet whose source is its own address (martian source)`,
      );
    return delivered(route.pod, node, p);
  }
  if (route.kind === 'node') {
    step(ctx, node.name, 'original', 'send', route.iface, p, route.node.name);
    p.inIface = LAN_INTERFACE;
    p.outIface = '';
    p.mark = 0; // skb->mark does not cross the wire
    p.ctstate = CtState.NEW; // a new connection from the next node's point of view
    return arrive(ctx, j, route.node, p, ttl);
  }
  step(ctx, node.name, 'original', 'leave', route.iface, p, route.kind === 'host' ? 'LAN host' : 'default gateway');
  return {
    kind: 'delivered',
    destination: { kind: 'external', ip: formatAddress(p.dst), port: p.dport },
    packet: p,
    pod: null,
    node: null,
  };
}

function delivered(pod: NetPod, node: NetNode, p: Packet): Ending {
  const destination: Destination = {
    kind: 'pod',
    namespace: pod.namespace,
    name: pod.name,
    node: node.name,
    ip: formatAddress(p.dst),
    port: p.dport,
  };
  return { kind: 'delivered', destination, packet: p, pod, node };
}

function deliverLocal(ctx: WalkContext, node: NetNode, p: Packet): Ending {
  step(ctx, node.name, 'original', 'deliver', 'lo', p, 'node stack');
  // A hostNetwork pod listens on the node's own address.
  const pod = node.pods.find((x) => x.veth === '' && x.ip === p.dst);
  if (pod) return delivered(pod, node, p);
  return {
    kind: 'delivered',
    destination: { kind: 'node', node: node.name, ip: formatAddress(p.dst), port: p.dport },
    packet: p,
    pod: null,
    node,
  };
}

/** A packet arriving on `node` from a pod veth or the LAN. */
function arrive(ctx: WalkContext, j: Journey, node: NetNode, p: Packet, ttl: number): Ending {
  j.hops.push(node.name);
  step(ctx, node.name, 'original', 'arrive', p.inIface, p, '');
  const e = ctx.envs[node.index] as EvalEnv;
  const ct = openCt(j, node, p);
  let v = hook(ctx, node, 'nat', 'PREROUTING', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  dropCtIfUntracked(j, ct, p);
  if (p.dst !== ct.dst || p.dport !== ct.dport) j.dnat = true;
  // Routing validates the source (fib_validate_source): a node's own address from outside is martian.
  if (node.addresses.isLocal(p.src))
    return kernelDrop(
      `${node.name} drops a packet from outside whose source ${formatAddress(p.src)} is its own address (martian source)`,
    );
  const route = routeOn(ctx.topology, node, p.dst);
  if (route.kind === 'local') {
    v = hook(ctx, node, 'filter', 'INPUT', p);
    if (v !== V.ACCEPT) return stopped(node, e, v);
    noteAccept(j, node, e);
    v = hook(ctx, node, 'nat', 'INPUT', p);
    if (v !== V.ACCEPT) return stopped(node, e, v);
    if (e.sourceNatted) j.masquerade = true;
    closeCt(ct, p);
    return deliverLocal(ctx, node, p);
  }
  step(
    ctx,
    node.name,
    'original',
    'route',
    route.iface,
    p,
    route.kind === 'node' ? `via ${route.node.name}` : route.kind,
  );
  if (ttl <= 1) return kernelDrop(`${node.name} drops the packet: TTL exceeded (routing loop)`);
  p.outIface = route.iface;
  e.nextHop = route.nextHop;
  v = hook(ctx, node, 'filter', 'FORWARD', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  noteAccept(j, node, e);
  v = hook(ctx, node, 'nat', 'POSTROUTING', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  if (e.sourceNatted) j.masquerade = true;
  closeCt(ct, p);
  return deliver(ctx, j, node, route, p, ttl - 1);
}

/** A packet a node's own socket sends (locally generated). */
function send(ctx: WalkContext, j: Journey, node: NetNode, p: Packet, boundSrc: Address): Ending {
  j.hops.push(node.name);
  const e = ctx.envs[node.index] as EvalEnv;
  // The route to the original destination picks the outgoing interface and source address.
  let route = routeOn(ctx.topology, node, p.dst);
  const src = boundSrc !== 0 ? boundSrc : sourceFor(node, route, p.dst);
  if (src === null) return kernelDrop(`${node.name} has no address to send from on ${route.iface}`);
  p.src = src;
  j.originSrc = src;
  p.inIface = '';
  p.outIface = route.iface;
  step(ctx, node.name, 'original', 'send', route.iface, p, 'node socket');
  const ct = openCt(j, node, p);
  let v = hook(ctx, node, 'nat', 'OUTPUT', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  dropCtIfUntracked(j, ct, p);
  if (p.dst !== ct.dst || p.dport !== ct.dport) {
    j.dnat = true;
    // ip_route_me_harder(): a DNATed local packet is routed again (its source stays).
    route = routeOn(ctx.topology, node, p.dst);
    p.outIface = route.iface;
    step(
      ctx,
      node.name,
      'original',
      'route',
      route.iface,
      p,
      route.kind === 'node' ? `via ${route.node.name}` : route.kind,
    );
  }
  e.nextHop = route.kind === 'local' ? p.dst : route.nextHop;
  v = hook(ctx, node, 'filter', 'OUTPUT', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  noteAccept(j, node, e);
  v = hook(ctx, node, 'nat', 'POSTROUTING', p);
  if (v !== V.ACCEPT) return stopped(node, e, v);
  if (e.sourceNatted) j.masquerade = true;
  closeCt(ct, p);
  if (route.kind === 'local') {
    // Looped back through lo: NAT is already bound, so only filter INPUT runs.
    p.inIface = 'lo';
    p.outIface = '';
    v = hook(ctx, node, 'filter', 'INPUT', p);
    if (v !== V.ACCEPT) return stopped(node, e, v);
    noteAccept(j, node, e);
    return deliverLocal(ctx, node, p);
  }
  return deliver(ctx, j, node, route, p, TTL);
}

/** Where the walk starts for each kind of source. */
function start(ctx: WalkContext, c: ResolvedConnection, j: Journey, p: Packet): Ending {
  const o = c.origin;
  if (o.kind === 'node') return send(ctx, j, o.node as NetNode, p, o.ip);
  j.originSrc = o.ip;
  if (o.kind === 'pod') {
    const pod = o.pod as NetPod;
    // A pod talking to its own address never leaves it (its loopback route).
    if (c.dst === pod.ip)
      return {
        kind: 'delivered',
        destination: {
          kind: 'pod',
          namespace: pod.namespace,
          name: pod.name,
          node: pod.node.name,
          ip: formatAddress(c.dst),
          port: c.dport,
        },
        packet: p,
        pod: null,
        node: null,
      };
    p.inIface = pod.veth;
    return arrive(ctx, j, pod.node, p, TTL);
  }
  const route = clientRoute(ctx.topology, c.dst, o.node);
  if (!route)
    return kernelDrop(
      `the client has no route to ${formatAddress(c.dst)}: it reaches only the LAN (name the node it goes through)`,
    );
  if (route.kind !== 'node') {
    return {
      kind: 'delivered',
      destination: { kind: 'external', ip: formatAddress(c.dst), port: c.dport },
      packet: p,
      pod: null,
      node: null,
    };
  }
  p.inIface = LAN_INTERFACE;
  return arrive(ctx, j, route.node, p, TTL);
}

/** Walks one connection (first packet, then its answer) and says what happened. */
export function walkConnection(ctx: WalkContext, c: ResolvedConnection): ConnectionResult {
  prepareEnvs(ctx, 'original');
  const j: Journey = {
    hops: [],
    cts: [],
    dnat: false,
    masquerade: false,
    explicitAccept: null,
    originSrc: c.origin.ip,
  };
  const p = newPacket(c.origin.ip, c.dst, c.sport, c.dport, c.proto);
  const end = start(ctx, c, j, p);
  const result = finish(ctx, c, j, end);
  // A ping: say what `ping` would print (the request is `p` as the walk left it).
  return isEcho(c.proto) ? { ...result, echo: echoOf(ctx.topology, c, result, p) } : result;
}

function finish(ctx: WalkContext, c: ResolvedConnection, j: Journey, end: Ending): ConnectionResult {
  if (end.kind === 'stopped') {
    return {
      verdict: end.verdict,
      destination: null,
      decidedBy: end.decidedBy,
      reason: end.reason,
      hops: j.hops,
      masquerade: j.masquerade,
      sourceSeen: null,
      reply: null,
      trace: ctx.trace,
      steps: ctx.steps,
    };
  }
  const verdict: Verdict = j.dnat ? 'DNAT' : j.explicitAccept ? 'ACCEPT' : 'NONE';
  const sourceSeen = { ip: formatAddress(end.packet.src), port: end.packet.sportRandom ? null : end.packet.sport };
  const reply = end.destination.kind === 'external' ? null : walkReply(ctx, c, j, end.packet, end.pod, end.node);
  return {
    verdict,
    destination: end.destination,
    decidedBy: verdict === 'ACCEPT' ? j.explicitAccept : null,
    reason: null,
    hops: j.hops,
    masquerade: j.masquerade,
    sourceSeen,
    reply,
    trace: ctx.trace,
    steps: ctx.steps,
  };
}
