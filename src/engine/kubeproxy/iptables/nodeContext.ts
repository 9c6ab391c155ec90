import { cidrContains, isLoopback, looksLikeIPv6, parseCidr } from '../../model/ip';
import { formatAddress, formatIPv4, inPrefix, parseAddress, parseIPv4, parsePrefix } from '../../netfilter/ip';
import type { Cluster, Node } from '../../model/types';
import { normalizeCidrOf, proxierFamily } from '../family';

/** kube-proxy's LocalTrafficDetector: how "traffic from a local pod" is matched, if at all. */
export interface LocalDetector {
  readonly ifLocal: readonly string[];
  readonly ifNotLocal: readonly string[];
}

/**
 * detectLocalMode: ClusterCIDR → `-s clusterCIDR`, NodeCIDR → `-s node.podCIDR`, None (or a
 * mode without its CIDR, which kube-proxy also turns into a no-op detector) → undefined.
 */
export function localDetector(cluster: Cluster, node: Node): LocalDetector | undefined {
  const mode = cluster.proxy.detectLocalMode;
  const raw = mode === 'ClusterCIDR' ? cluster.proxy.clusterCIDR : mode === 'NodeCIDR' ? node.podCIDR : '';
  const cidr = raw === '' ? undefined : normalizeCidrOf(raw, proxierFamily(cluster));
  if (cidr === undefined) return undefined;
  return { ifLocal: ['-s', cidr], ifNotLocal: ['!', '-s', cidr] };
}

/** proxyutil.NodePortAddresses for the proxier of the cluster's family. */
export interface NodePortAddresses {
  /** No CIDR given, or 0.0.0.0/0 among them: NodePorts on every local address. */
  readonly matchAll: boolean;
  readonly containsIPv4Loopback: boolean;
  /** The CIDRs of the family in force (["0.0.0.0/0"] or ["::/0"] when matching all). */
  readonly cidrs: readonly string[];
}

/**
 * NewNodePortAddresses(IPv4, nodePortAddresses). "primary" (kube-proxy ≥ 1.29) means the
 * node's primary IP only, which kube-proxy's server turns into "<nodeIP>/32".
 */
export function nodePortAddresses(cluster: Cluster, node: Node): NodePortAddresses {
  if (proxierFamily(cluster) === 6) return nodePortAddresses6(cluster, node);
  const given = cluster.proxy.nodePortAddresses;
  const strings =
    given.length === 1 && given[0] === 'primary' ? [`${node.internalIP}/32`] : given.filter((c) => !looksLikeIPv6(c));
  const cidrs = strings.length === 0 ? ['0.0.0.0/0'] : strings;
  let containsIPv4Loopback = false;
  const kept: string[] = [];
  for (const text of cidrs) {
    const cidr = parseCidr(text.trim());
    if (cidr === undefined) continue;
    if (isLoopback(cidr.base) || cidrContains(cidr, parseIPv4('127.0.0.0') ?? 0)) containsIPv4Loopback = true;
    if (cidr.prefix === 0) return { matchAll: true, containsIPv4Loopback, cidrs: ['0.0.0.0/0'] };
    kept.push(`${formatIPv4(cidr.base)}/${cidr.prefix}`);
  }
  return { matchAll: false, containsIPv4Loopback, cidrs: kept };
}

/** NewNodePortAddresses(IPv6, …): the IPv6 CIDRs, "primary" as "<nodeIP>/128", ::/0 matching all. */
function nodePortAddresses6(cluster: Cluster, node: Node): NodePortAddresses {
  const given = cluster.proxy.nodePortAddresses;
  const strings = given.length === 1 && given[0] === 'primary' ? [`${node.internalIP}/128`] : given;
  const kept: string[] = [];
  for (const text of strings) {
    const cidr = normalizeCidrOf(text, 6);
    if (cidr === undefined) continue;
    if (cidr.endsWith('/0')) return { matchAll: true, containsIPv4Loopback: false, cidrs: ['::/0'] };
    kept.push(cidr);
  }
  // Only IPv4 CIDRs given: nothing of this family, so kube-proxy matches every address.
  if (kept.length === 0) return { matchAll: true, containsIPv4Loopback: false, cidrs: ['::/0'] };
  return { matchAll: false, containsIPv4Loopback: false, cidrs: kept };
}

/** The node's interface addresses: lo, the LAN address, and the pod-side gateway (podCIDR .1 or ::1). */
export function defaultInterfaceAddresses(node: Node): string[] {
  if (node.internalIP.includes(':')) {
    const out = ['::1', node.internalIP];
    const pod = parsePrefix(node.podCIDR);
    if (pod !== null && typeof pod.addr === 'bigint' && pod.length < 128) out.push(formatAddress(pod.addr + 1n));
    return out;
  }
  const out = ['127.0.0.1', node.internalIP];
  const pod = parseCidr(node.podCIDR);
  if (pod !== undefined && pod.prefix < 32) out.push(formatIPv4(pod.base + 1));
  return out;
}

/** GetNodeIPs: the interface addresses inside any of the CIDRs, each once, in CIDR order. */
export function nodeIPsFor(addresses: NodePortAddresses, interfaces: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of addresses.cidrs) {
    const cidr = parsePrefix(text);
    if (cidr === null) continue;
    for (const address of interfaces) {
      const ip = parseAddress(address);
      if (ip === null || !inPrefix(ip, cidr)) continue;
      const s = formatAddress(ip);
      if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}
