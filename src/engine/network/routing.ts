/**
 * Route lookups on a simulated node, in the kernel's order: the local table first (any of the
 * node's addresses, 127.0.0.0/8), then the per-pod /32 routes of its veths, other nodes'
 * podCIDRs via their node IP, the connected LAN, and finally the default route to the LAN's .1.
 */
import { inPrefix, type Address } from '../netfilter/ip';
import { LAN_INTERFACE, type NetNode, type NetPod, type Topology } from './topology';

/** Where a node sends a packet for a destination address. */
export type Route =
  | { readonly kind: 'local'; readonly iface: 'lo' }
  | { readonly kind: 'pod'; readonly pod: NetPod; readonly iface: string; readonly nextHop: Address }
  | { readonly kind: 'node'; readonly node: NetNode; readonly iface: string; readonly nextHop: Address }
  /** A host on the LAN that is not a node (the client, or anything else there). */
  | { readonly kind: 'host'; readonly iface: string; readonly nextHop: Address }
  /** The default route: the packet leaves the simulated network. */
  | { readonly kind: 'gateway'; readonly iface: string; readonly nextHop: Address };

const LOCAL: Route = { kind: 'local', iface: 'lo' };

/** The route `node` picks for `dst`. */
export function routeOn(topology: Topology, node: NetNode, dst: Address): Route {
  if (node.addresses.isLocal(dst)) return LOCAL;
  const pod = topology.podsByIP.get(dst);
  if (pod && pod.node === node && pod.veth !== '') return { kind: 'pod', pod, iface: pod.veth, nextHop: dst };
  for (const other of topology.nodes) {
    const nextHop = typeof dst === 'number' ? other.lanIP : other.lanIP6;
    if (other === node || !other.podCIDR || nextHop === null) continue;
    if (inPrefix(dst, other.podCIDR)) return { kind: 'node', node: other, iface: LAN_INTERFACE, nextHop };
  }
  const lan = typeof dst === 'number' ? node.lanPrefix : node.lanPrefix6;
  if (lan && inPrefix(dst, lan)) {
    const peer = topology.nodesByLanIP.get(dst);
    return peer
      ? { kind: 'node', node: peer, iface: LAN_INTERFACE, nextHop: dst }
      : { kind: 'host', iface: LAN_INTERFACE, nextHop: dst };
  }
  // The default route's gateway is the LAN's first host (.1, or ::1 of the IPv6 prefix).
  const gateway: Address = !lan ? dst : typeof lan.addr === 'number' ? (lan.addr + 1) >>> 0 : lan.addr + 1n;
  return { kind: 'gateway', iface: LAN_INTERFACE, nextHop: gateway };
}

/**
 * The source address a node's own socket gets for a route (the kernel's preferred source):
 * the destination itself for a local address (127.0.0.1 for the loopback range), the veth's
 * address toward one of its pods, the LAN address otherwise.
 */
export function sourceFor(node: NetNode, route: Route, dst: Address): Address | null {
  if (route.kind === 'local') return typeof dst === 'number' && dst >>> 24 === 127 ? 0x7f000001 : dst;
  if (route.kind === 'pod') return node.gateway;
  return node.addresses.sourceFor(route.iface, route.nextHop);
}

/**
 * Where a LAN client sends a packet: to the node named by `via` when one is named (its
 * gateway: a static route, or a load balancer in front of the cluster), else straight to the
 * node or host that owns the address on the LAN; null when it has no route.
 */
export function clientRoute(topology: Topology, dst: Address, via: NetNode | null): Route | null {
  const viaIP = typeof dst === 'number' ? via?.lanIP : via?.lanIP6;
  if (via && viaIP !== null && viaIP !== undefined)
    return { kind: 'node', node: via, iface: LAN_INTERFACE, nextHop: viaIP };
  const lan = typeof dst === 'number' ? topology.lan : topology.lan6;
  if (lan && inPrefix(dst, lan)) {
    const node = topology.nodesByLanIP.get(dst);
    return node
      ? { kind: 'node', node, iface: LAN_INTERFACE, nextHop: dst }
      : { kind: 'host', iface: LAN_INTERFACE, nextHop: dst };
  }
  return null;
}
