/**
 * Turns a ConnectionSpec (names and dotted quads) into the numbers the walk uses, once per
 * simulation call, with a precise message for anything that does not resolve.
 */
import { familyOf, formatAddress, parseAddress, type Address } from '../netfilter/ip';
import { IPPROTO } from '../netfilter/packet';
import type { NetNode, NetPod, Topology } from './topology';
import type { ConnectionSpec } from './types';

/** Where the connection starts, resolved. */
export interface Origin {
  readonly kind: 'client' | 'pod' | 'node';
  /** Source address; 0 for a node source without an explicit one (the route picks it). */
  readonly ip: Address;
  /** The pod's node, the node itself, or the client's `via` node (null: none). */
  readonly node: NetNode | null;
  readonly pod: NetPod | null;
}

/** A connection ready to walk. */
export interface ResolvedConnection {
  readonly origin: Origin;
  readonly dst: Address;
  /** 0 for an echo request (ICMP or ICMPv6). */
  readonly dport: number;
  /** The source port, or an icmp echo request's identifier. */
  readonly sport: number;
  readonly proto: number;
}

/** A connection spec that does not fit the network. */
export class ConnectionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ConnectionError';
  }
}

function port(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new ConnectionError(field, `${value} is not a port (0-65535)`);
  return value;
}

function node(topology: Topology, name: string, field: string): NetNode {
  const n = topology.byName.get(name);
  if (!n)
    throw new ConnectionError(field, `no node "${name}" (nodes: ${topology.nodes.map((x) => x.name).join(', ')})`);
  return n;
}

/** The client used when none is named: the LAN's default host of the destination's family. */
function defaultClient(topology: Topology, family: 4 | 6): Address {
  if (family === 4) return topology.defaultClient;
  if (topology.defaultClient6 === null)
    throw new ConnectionError('from.ip', 'the network has no IPv6 LAN, so there is no default IPv6 client; give one');
  return topology.defaultClient6;
}

/** Resolves a spec against the network; throws ConnectionError naming the bad field. */
export function resolveConnection(topology: Topology, spec: ConnectionSpec): ResolvedConnection {
  const dst = parseAddress(spec.to.ip);
  if (dst === null) throw new ConnectionError('to.ip', `"${spec.to.ip}" is not an IPv4 or IPv6 address`);
  const family = familyOf(dst);
  const protocol = spec.protocol ?? 'tcp';
  // A ping is one protocol to the reader; on the wire IPv6 carries it as ICMPv6 (58), not ICMP (1).
  const proto = protocol === 'icmp' && family === 6 ? IPPROTO.icmpv6 : IPPROTO[protocol];
  if (proto === undefined) throw new ConnectionError('protocol', `"${String(protocol)}" is not tcp, udp, sctp or icmp`);
  // One connection, one family: the kernel has no route from an IPv4 socket to an IPv6 address.
  const sameFamily = (ip: Address, field: string, text: string): Address => {
    if (familyOf(ip) !== family)
      throw new ConnectionError(
        field,
        `${text} is IPv${familyOf(ip)} but to.ip ${spec.to.ip} is IPv${family}: a connection stays in one family`,
      );
    return ip;
  };
  // An echo request has no port: conntrack keys it on its identifier (sourcePort here) instead.
  if (protocol === 'icmp' && spec.to.port !== undefined)
    throw new ConnectionError('to.port', `an icmp echo request has no port; leave out ${spec.to.port}`);
  if (protocol !== 'icmp' && spec.to.port === undefined)
    throw new ConnectionError('to.port', `a ${protocol} connection needs a port`);
  const dport = protocol === 'icmp' ? 0 : port(spec.to.port ?? 0, 'to.port');
  const sport = port(spec.sourcePort ?? 40000, 'sourcePort');
  const from = spec.from;
  let origin: Origin;
  if (from.kind === 'client') {
    const parsed = from.ip === undefined ? defaultClient(topology, family) : parseAddress(from.ip);
    if (parsed === null) throw new ConnectionError('from.ip', `"${from.ip}" is not an IPv4 or IPv6 address`);
    const ip = sameFamily(parsed, 'from.ip', from.ip ?? formatAddress(parsed));
    const via = from.via === undefined ? null : node(topology, from.via, 'from.via');
    if (topology.nodes.some((n) => n.addresses.isLocal(ip)))
      throw new ConnectionError('from.ip', `${formatAddress(ip)} belongs to a node; use a node source`);
    origin = { kind: 'client', ip, node: via, pod: null };
  } else if (from.kind === 'pod') {
    const matches = topology.nodes
      .flatMap((n) => n.pods)
      .filter((p) => p.name === from.name && (from.namespace === undefined || p.namespace === from.namespace));
    if (matches.length === 0)
      throw new ConnectionError('from.name', `no pod "${from.namespace ? `${from.namespace}/` : ''}${from.name}"`);
    if (matches.length > 1)
      throw new ConnectionError('from.namespace', `pod name "${from.name}" exists in several namespaces; give one`);
    const pod = matches[0] as NetPod;
    origin = {
      kind: 'pod',
      ip: sameFamily(pod.ip, 'from.name', `pod ${pod.name}'s address ${formatAddress(pod.ip)}`),
      node: pod.node,
      pod,
    };
  } else if (from.kind === 'node') {
    const n = node(topology, from.name, 'from.name');
    let ip: Address = 0;
    if (from.ip !== undefined) {
      const v = parseAddress(from.ip);
      if (v === null || !n.addresses.isLocal(v))
        throw new ConnectionError('from.ip', `"${from.ip}" is not an address of node ${n.name}`);
      ip = sameFamily(v, 'from.ip', from.ip);
    }
    origin = { kind: 'node', ip, node: n, pod: null };
  } else {
    throw new ConnectionError('from.kind', `unknown source kind "${(from as { kind: string }).kind}"`);
  }
  return { origin, dst, dport, sport, proto };
}

/** A resolved IPv4 connection (what the IPVS and Cilium datapaths walk). */
export interface ResolvedConnection4 extends ResolvedConnection {
  readonly origin: Origin & { readonly ip: number };
  readonly dst: number;
}

/**
 * The connection as IPv4, or a ConnectionError naming to.ip: the datapaths modelled only for
 * IPv4 clusters (IPVS, Cilium) call it before their walk.
 */
export function ipv4Only(c: ResolvedConnection, datapath: string): ResolvedConnection4 {
  if (typeof c.dst !== 'number' || typeof c.origin.ip !== 'number')
    throw new ConnectionError('to.ip', `${datapath} modelled for IPv4 only; give an IPv4 address`);
  return c as ResolvedConnection4;
}
