/**
 * The answer's way back in the datapaths that are not iptables rules: it is translated back
 * only on nodes that hold a conntrack-like entry for the connection (network/reply.ts does the
 * same for iptables mode), and it must reach whoever opened the connection, from the address
 * they connected to.
 */
import { formatIPv4 } from '../../netfilter/ip';
import { notTheOrigin } from '../../network/reply';
import { routeOn } from '../../network/routing';
import type { NetNode, NetPod } from '../../network/topology';
import type { ReplyResult } from '../../network/types';
import type { Pkt } from './balancer';
import { fmt, step, TTL, type Ending, type Journey } from './journey';

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
  const stranger = notTheOrigin(j.c, p.dst, reached, pod, node);
  if (stranger !== null) return fail(r, stranger);
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
    // The walk is IPv4 (ipv4Only), so its conntrack entries hold IPv4 addresses.
    p.src = ct.dst as number;
    p.sport = ct.dport;
    p.dst = ct.src as number;
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

/** Walks the answer of a delivered connection back to its origin (null: it left the cluster). */
export function walkReply(j: Journey, end: Extract<Ending, { kind: 'delivered' }>): ReplyResult | null {
  if (!end.node) return null;
  const p: Pkt = { src: end.p.dst, sport: end.p.dport, dst: end.p.src, dport: end.p.sport, proto: end.p.proto };
  const r: ReplyWalk = { j, hops: [] };
  if (end.pod && end.pod.veth !== '')
    step(j, end.node.name, 'reply', 'send', end.pod.veth, p, `${end.pod.namespace}/${end.pod.name}`);
  return replyArrive(r, end.node, p, TTL);
}
