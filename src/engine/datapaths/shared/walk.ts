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
import { isEcho } from '../../netfilter/packet';
import { echoOf } from '../../network/echo';
import type { CtEntry } from '../../network/journey';
import { ipv4Only, type ResolvedConnection } from '../../network/resolve';
import { clientRoute, routeOn, sourceFor, type Route } from '../../network/routing';
import { LAN_INTERFACE, type NetNode, type NetPod } from '../../network/topology';
import type { ConnectionResult, Destination } from '../../network/types';
import type { Ingress, LbVerdict, Pkt, SourceNat } from './balancer';
import { step, TTL, type DatapathWalk, type Ending, type Journey } from './journey';
import { walkReply } from './reply';

export type { DatapathWalk } from './journey';

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
    // An IPv4 next hop gets an IPv4 source (the walk is IPv4: ipv4Only).
    p.src = src as number;
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
    p.src = src as number;
    j.originSrc = src as number;
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

/** Walks one connection through the datapath and says what happened, in iptables mode's terms. */
export function walkDatapath(w: DatapathWalk, connection: ResolvedConnection): ConnectionResult {
  const c = ipv4Only(connection, 'IPVS and Cilium here are');
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
  return isEcho(c.proto) ? { ...result, echo: echoOf(w.topology, c, result, p, j.errorFrom) } : result;
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
