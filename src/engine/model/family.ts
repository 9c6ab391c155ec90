/**
 * The IPv6 half of a dual-stack cluster, as kube-proxy's IPv6 proxier sees it. kube-proxy runs
 * one proxier per family on a dual-stack node (pkg/proxy/metaproxier); each is handed only its
 * family's ClusterIPs, external and load-balancer IPs, EndpointSlices (by addressType), node IP
 * and CIDRs. The loader keeps the IPv4 family in the model's ordinary fields and the IPv6 one
 * beside them (`ipv6` on nodes, pods, Services and the proxy configuration, and
 * `ipv6EndpointSlices`); this module turns that into a Cluster of its own with `ipFamily:
 * 'IPv6'`, which the rule generators then write as `ip6tables` / `table ip6` rules.
 */
import { deriveMissingEndpointSlices } from './deriveEndpointSlices';
import type { Cluster, Node, Pod, ProxyConfig, Service } from './types';

/** The IPv6 view of a cluster, or undefined when no node has an IPv6 InternalIP. */
export function ipv6View(cluster: Cluster): Cluster | undefined {
  if (cluster.ipFamily === 'IPv6') return cluster;
  const nodes: Node[] = cluster.nodes.flatMap((n) =>
    n.ipv6 === undefined ? [] : [{ name: n.name, internalIP: n.ipv6.internalIP, podCIDR: n.ipv6.podCIDR }],
  );
  if (nodes.length === 0) return undefined;
  const services: Service[] = cluster.services.flatMap((s) => {
    if (s.ipv6 === undefined) return [];
    const { ipv6, ...rest } = s;
    return [
      {
        ...rest,
        clusterIP: ipv6.clusterIP,
        externalIPs: ipv6.externalIPs,
        loadBalancerIngress: ipv6.loadBalancerIngress,
        loadBalancerSourceRanges: ipv6.loadBalancerSourceRanges,
      },
    ];
  });
  const pods: Pod[] = cluster.pods.flatMap((p) => {
    if (p.ipv6 === undefined) return [];
    const { ipv6, ...rest } = p;
    return [{ ...rest, ip: ipv6 }];
  });
  const given = cluster.ipv6EndpointSlices ?? [];
  // Slices the EndpointSlice controller would write from the pods' IPv6 addresses.
  const derived = deriveMissingEndpointSlices(services, pods, given).slices.map((s) => ({
    ...s,
    addressType: 'IPv6' as const,
  }));
  return {
    nodes,
    pods,
    services,
    endpointSlices: [...given, ...derived],
    proxy: proxyIPv6(cluster.proxy),
    ipFamily: 'IPv6',
  };
}

/** The proxy configuration the IPv6 proxier uses: its family's cluster CIDR and NodePort addresses. */
function proxyIPv6(proxy: ProxyConfig): ProxyConfig {
  const { ipv6, ...rest } = proxy;
  const primary = proxy.nodePortAddresses.length === 1 && proxy.nodePortAddresses[0] === 'primary';
  return {
    ...rest,
    clusterCIDR: ipv6?.clusterCIDR ?? '',
    nodePortAddresses: primary ? ['primary'] : (ipv6?.nodePortAddresses ?? []),
  };
}
