/**
 * The connection walk of the service datapaths that are not iptables rules (IPVS, Cilium
 * eBPF): the same network as iptables mode (network/topology.ts: eth0 on the LAN, ptp pod
 * veths holding the podCIDR's .1, host-gw routes — looked up with network/routing.ts), the
 * same result shape, and the same notion of "the answer gets back": every node that
 * translates keeps a conntrack-like entry, and the answer is translated back only on nodes
 * that hold one (network/reply.ts does the same for iptables mode). The balancer decides on
 * each node what happens to a new connection.
 */
import { formatIPv4 } from '../../netfilter/ip';
import { IPPROTO } from '../../netfilter/packet';
import { echoOf } from '../../network/echo';
import type { CtEntry } from '../../network/journey';
import type { ResolvedConnection } from '../../network/resolve';
import { clientRoute, routeOn, sourceFor, type Route } from '../../network/routing';
import { LAN_INTERFACE, type NetNode, type NetPod, type Topology } from '../../network/topology';
import type { ConnectionResult, Destination, ReplyResult, RuleRef, Step } from '../../network/types';
import type { Chooser } from '../../random/types';
import type { Balancer, Ingress, LbVerdict, Pkt, SourceNat } from './balancer';
import type { TraceSink } from './trace';

const TTL = 64;

/** What one walk needs. */
export interface DatapathWalk {
  readonly topology: Topology;
  readonly balancer: Balancer;
  readonly chooser: Chooser;
  readonly now: number;
  readonly trace: TraceSink;
  readonly steps: Step[] | null;
}

interface Journey {
  readonly w: DatapathWalk;
  readonly c: ResolvedConnection;
  readonly hops: string[];
  readonly cts: CtEntry[];
  translated: boolean;
  masquerade: boolean;
  /** A source NAT drew the source port at random (ConnectionResult.sourceSeen.port null). */
  portRandom: boolean;
  originSrc: number;
  /** DSR: the service tuple the backend's node must answer from. */
  dsr: { readonly entry: NetNode; readonly ct: CtEntry } | null;
  /** Socket-LB: the connect() was translated; the socket shows the service address to the app. */
  socket: { readonly vip: number; readonly vport: number; readonly ip: number; readonly port: number } | null;
  /** Where a REJECT's ICMP error comes from, when the balancer said (0: work it out). */
  errorFrom: number;
}

type Ending =
  | {
      readonly kind: 'delivered';
      readonly destination: Destination;
      readonly p: Pkt;
      readonly pod: NetPod | null;
      readonly node: NetNode | null;
    }
  | {
      readonly kind: 'stopped';
      readonly verdict: 'DROP' | 'REJECT';
      readonly decidedBy: RuleRef | null;
      readonly reason: string;
    };

const fmt = (ip: number, port: number): string => `${formatIPv4(ip)}:${port}`;

function step(
  j: Journey,
  node: string,
  direction: Step['direction'],
  event: Step['event'],
  iface: string,
  p: Pkt,
  detail: string,
): void {
  j.w.steps?.push({ node, direction, event, iface, src: fmt(p.src, p.sport), dst: fmt(p.dst, p.dport), detail });
}

const kernelDrop = (reason: string): Ending => ({ kind: 'stopped', verdict: 'DROP', decidedBy: null, reason });

function decide(j: Journey, node: NetNode, p: Pkt, ingress: Ingress | 'socket'): LbVerdict {
  const w = j.w;
  return w.balancer.intercept(
    { topology: w.topology, chooser: w.chooser, trace: w.trace, now: w.now, ingress },
    node,
    p,
  );
}

function podDestination(pod: NetPod, p: Pkt): Destination {
  return {
    kind: 'pod',
    namespace: pod.namespace,
    name: pod.name,
    node: pod.node.name,
    ip: formatIPv4(p.dst),
    port: p.dport,
  };
}

/** After the balancer: route, rewrite the source if asked, and hand the packet on. */
function forward(j: Journey, node: NetNode, p: Pkt, snat: SourceNat, ct: CtEntry | null, ttl: number): Ending {
  const route = routeOn(j.w.topology, node, p.dst);
  if (route.kind === 'local') {
    step(j, node.name, 'original', 'deliver', 'lo', p, 'node stack');
    const pod = node.pods.find((x) => x.veth === '' && x.ip === p.dst) ?? null;
    const destination: Destination = pod
      ? podDestination(pod, p)
      : { kind: 'node', node: node.name, ip: formatIPv4(p.dst), port: p.dport };
    return { kind: 'delivered', destination, p, pod, node };
  }
  if (ttl <= 1) return kernelDrop(`${node.name} drops the packet: TTL exceeded (routing loop)`);
  if (snat.kind !== 'none') {
    const src = snat.kind === 'fixed' ? snat.ip : sourceFor(node, route, route.nextHop);
    if (src === null) return kernelDrop(`${node.name} has no address to masquerade to on ${route.iface}`);
    p.src = src;
    j.masquerade = true;
    if (
      snat.kind === 'egress' &&
      !(snat.keepPorts && p.sport >= snat.keepPorts.first && p.sport <= snat.keepPorts.last)
    )
      j.portRandom = true;
  }
  if (ct) {
    ct.natSrc = p.src;
    ct.natSport = p.sport;
    ct.natDst = p.dst;
    ct.natDport = p.dport;
  }
  return hand(j, node, route, p, ttl - 1);
}

function hand(j: Journey, node: NetNode, route: Route, p: Pkt, ttl: number): Ending {
  step(
    j,
    node.name,
    'original',
    'route',
    route.iface,
    p,
    route.kind === 'node' ? `via ${route.node.name}` : route.kind,
  );
  if (route.kind === 'pod') {
    step(j, node.name, 'original', 'deliver', route.iface, p, `${route.pod.namespace}/${route.pod.name}`);
    if (p.src === route.pod.ip)
      return kernelDrop(
        `pod ${route.pod.namespace}/${route.pod.name} drops a packet whose source is its own address (martian source)`,
      );
    if (j.dsr && j.dsr.entry !== node) {
      // The backend's node learnt the service address from the DSR option and answers from it.
      const s = j.dsr.ct;
      j.cts.push({
        node,
        src: s.src,
        sport: s.sport,
        dst: s.dst,
        dport: s.dport,
        natSrc: p.src,
        natSport: p.sport,
        natDst: p.dst,
        natDport: p.dport,
      });
    }
    return { kind: 'delivered', destination: podDestination(route.pod, p), p, pod: route.pod, node };
  }
  if (route.kind === 'node') {
    step(j, node.name, 'original', 'send', route.iface, p, route.node.name);
    return arrive(j, route.node, p, 'lan', ttl);
  }
  step(j, node.name, 'original', 'leave', route.iface, p, route.kind === 'host' ? 'LAN host' : 'default gateway');
  return {
    kind: 'delivered',
    destination: { kind: 'external', ip: formatIPv4(p.dst), port: p.dport },
    p,
    pod: null,
    node: null,
  };
}

/** A packet arriving at (or sent by) a node. */
function arrive(j: Journey, node: NetNode, p: Pkt, ingress: Ingress, ttl: number): Ending {
  j.hops.push(node.name);
  if (ingress !== 'local') step(j, node.name, 'original', 'arrive', ingress === 'lan' ? LAN_INTERFACE : 'veth', p, '');
  if (ingress === 'lan' && node.addresses.isLocal(p.src)) {
    return kernelDrop(
      `${node.name} drops a packet from outside whose source ${formatIPv4(p.src)} is its own address (martian source)`,
    );
  }
  const v = decide(j, node, p, ingress);
  if (v.kind === 'stop') {
    j.errorFrom = v.errorFrom ?? 0;
    return { kind: 'stopped', verdict: v.verdict, decidedBy: v.decidedBy, reason: v.reason };
  }
  if (v.kind === 'pass') return forward(j, node, p, { kind: 'none' }, null, ttl);
  const ct: CtEntry = {
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
  j.translated = true;
  p.dst = v.ip;
  p.dport = v.port;
  if (v.dsr) j.dsr = { entry: node, ct };
  return forward(j, node, p, v.snat, ct, ttl);
}

function start(j: Journey, p: Pkt): Ending {
  const o = j.c.origin;
  const topology = j.w.topology;
  if (o.kind === 'node') {
    const node = o.node as NetNode;
    const route = routeOn(topology, node, p.dst);
    const src = o.ip !== 0 ? o.ip : sourceFor(node, route, route.kind === 'local' ? p.dst : route.nextHop);
    if (src === null) return kernelDrop(`${node.name} has no address to send from on ${route.iface}`);
    p.src = src;
    j.originSrc = src;
    const failed = socketLb(j, node, p);
    if (failed) return failed;
    step(j, node.name, 'original', 'send', route.iface, p, 'node socket');
    return arrive(j, node, p, 'local', TTL);
  }
  if (o.kind === 'pod') {
    const pod = o.pod as NetPod;
    const failed = socketLb(j, pod.node, p);
    if (failed) return failed;
    // A pod talking to its own address (directly, or the socket-LB picked it) never leaves it.
    if (p.dst === pod.ip) return { kind: 'delivered', destination: podDestination(pod, p), p, pod: null, node: null };
    return arrive(j, pod.node, p, 'pod', TTL);
  }
  const route = clientRoute(topology, p.dst, o.node);
  if (!route)
    return kernelDrop(
      `the client has no route to ${formatIPv4(p.dst)}: it reaches only the LAN (name the node it goes through)`,
    );
  if (route.kind !== 'node')
    return {
      kind: 'delivered',
      destination: { kind: 'external', ip: formatIPv4(p.dst), port: p.dport },
      p,
      pod: null,
      node: null,
    };
  return arrive(j, route.node, p, 'lan', TTL);
}

/** Cilium's socket-LB: connect() itself is pointed at the backend (or fails); no packet is ever translated. */
function socketLb(j: Journey, node: NetNode, p: Pkt): Ending | null {
  const v = decide(j, node, p, 'socket');
  if (v.kind === 'stop') return { kind: 'stopped', verdict: v.verdict, decidedBy: v.decidedBy, reason: v.reason };
  if (v.kind !== 'translate') return null;
  j.socket = { vip: p.dst, vport: p.dport, ip: v.ip, port: v.port };
  p.dst = v.ip;
  p.dport = v.port;
  return null;
}

interface ReplyWalk {
  readonly j: Journey;
  readonly hops: string[];
}

function fail(r: ReplyWalk, failure: string): ReplyResult {
  return { delivered: false, hops: r.hops, failure, decidedBy: null };
}

function check(
  r: ReplyWalk,
  p: Pkt,
  reached: 'client' | 'pod' | 'node',
  pod: NetPod | null,
  node: NetNode | null,
): ReplyResult {
  const { j } = r;
  const o = j.c.origin;
  const isOrigin =
    (reached === 'client' && o.kind === 'client' && p.dst === o.ip) ||
    (reached === 'pod' && o.kind === 'pod' && pod === o.pod) ||
    (reached === 'node' && o.kind === 'node' && node === o.node);
  if (!isOrigin) {
    const where =
      reached === 'client'
        ? `LAN host ${formatIPv4(p.dst)}`
        : reached === 'pod' && pod
          ? `pod ${pod.namespace}/${pod.name}`
          : `node ${node?.name ?? ''}`;
    return fail(r, `the answer reaches ${where}, which did not open the connection`);
  }
  // Socket-LB translates the peer back for the application (recvmsg / getpeername).
  if (j.socket && p.src === j.socket.ip && p.sport === j.socket.port) {
    p.src = j.socket.vip;
    p.sport = j.socket.vport;
  }
  if (p.src !== j.c.dst || p.sport !== j.c.dport || p.dst !== j.originSrc || p.dport !== j.c.sport) {
    return fail(
      r,
      `the answer comes from ${fmt(p.src, p.sport)} but the connection was made to ${fmt(j.c.dst, j.c.dport)}, so it is not recognised (TCP answers with a reset)`,
    );
  }
  return { delivered: true, hops: r.hops, failure: null, decidedBy: null };
}

function replyArrive(r: ReplyWalk, node: NetNode, p: Pkt, ttl: number): ReplyResult {
  r.hops.push(node.name);
  const ct = r.j.cts.find(
    (x) =>
      x.node === node && x.natDst === p.src && x.natDport === p.sport && x.natSrc === p.dst && x.natSport === p.dport,
  );
  if (ct) {
    p.src = ct.dst;
    p.sport = ct.dport;
    p.dst = ct.src;
    p.dport = ct.sport;
  }
  const route = routeOn(r.j.w.topology, node, p.dst);
  if (route.kind === 'local') {
    step(r.j, node.name, 'reply', 'deliver', 'lo', p, 'node stack');
    const pod = node.pods.find((x) => x.veth === '' && x.ip === p.dst) ?? null;
    return check(r, p, pod ? 'pod' : 'node', pod, node);
  }
  if (ttl <= 1) return fail(r, `${node.name} drops the answer: TTL exceeded`);
  if (route.kind === 'pod') {
    step(r.j, node.name, 'reply', 'deliver', route.iface, p, `${route.pod.namespace}/${route.pod.name}`);
    return check(r, p, 'pod', route.pod, node);
  }
  if (route.kind === 'node') {
    step(r.j, node.name, 'reply', 'send', route.iface, p, route.node.name);
    return replyArrive(r, route.node, p, ttl - 1);
  }
  step(r.j, node.name, 'reply', 'leave', route.iface, p, route.kind === 'host' ? 'LAN host' : 'default gateway');
  if (route.kind === 'host') return check(r, p, 'client', null, null);
  return fail(r, `${node.name} sends the answer to ${formatIPv4(p.dst)} out of the cluster by its default route`);
}

function walkReply(j: Journey, end: Extract<Ending, { kind: 'delivered' }>): ReplyResult | null {
  if (!end.node) return null;
  const p: Pkt = { src: end.p.dst, sport: end.p.dport, dst: end.p.src, dport: end.p.sport, proto: end.p.proto };
  const r: ReplyWalk = { j, hops: [] };
  if (end.pod && end.pod.veth !== '')
    step(j, end.node.name, 'reply', 'send', end.pod.veth, p, `${end.pod.namespace}/${end.pod.name}`);
  return replyArrive(r, end.node, p, TTL);
}

/** Walks one connection through the datapath and says what happened, in iptables mode's terms. */
export function walkDatapath(w: DatapathWalk, c: ResolvedConnection): ConnectionResult {
  const j: Journey = {
    w,
    c,
    hops: [],
    cts: [],
    translated: false,
    masquerade: false,
    portRandom: false,
    originSrc: c.origin.ip,
    dsr: null,
    socket: null,
    errorFrom: 0,
  };
  const p: Pkt = { src: c.origin.ip, sport: c.sport, dst: c.dst, dport: c.dport, proto: c.proto };
  const result = finish(j, start(j, p));
  // A ping: say what `ping` would print (the request is `p` as the walk left it).
  return c.proto === IPPROTO.icmp ? { ...result, echo: echoOf(w.topology, c, result, p, j.errorFrom) } : result;
}

function finish(j: Journey, end: Ending): ConnectionResult {
  const w = j.w;
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
      trace: w.trace,
      steps: w.steps,
    };
  }
  const reply = end.destination.kind === 'external' ? null : walkReply(j, end);
  return {
    verdict: j.translated || j.socket ? 'DNAT' : 'NONE',
    destination: end.destination,
    decidedBy: null,
    reason: null,
    hops: j.hops,
    masquerade: j.masquerade,
    sourceSeen: { ip: formatIPv4(end.p.src), port: j.portRandom ? null : end.p.sport },
    reply,
    trace: w.trace,
    steps: w.steps,
  };
}
