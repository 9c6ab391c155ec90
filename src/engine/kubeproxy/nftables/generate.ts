/**
 * syncProxyRules of kube-proxy's nftables proxier (pkg/proxy/nftables/proxier.go, read at
 * 531be812) for one node of the model: setupNFTables' fixed objects, then per service port the
 * cluster-ips / service-ips / service-nodeports / no-endpoint-* elements and the service-,
 * local-, external-, firewall- and endpoint- chains.
 */
import { inPrefix, parseAddress, parsePrefix } from '../../netfilter/ip';
import type { Cluster } from '../../model/types';
import { categorizeEndpoints, endpointsForServicePort, type EndpointInfo } from '../endpoints';
import { defaultInterfaceAddresses, localDetector, nodeIPsFor, nodePortAddresses } from '../iptables/nodeContext';
import { findNode } from '../iptables/restoreInput';
import { isLoopbackIP, normalizeCidrOf, proxierFamily } from '../family';
import { servicePortInfos, type ServicePortInfo } from '../servicePorts';
import type { NftChainSpec, NftElementSpec, NftSetSpec, NftTableSpec } from './model';
import { endpointChainBase, nftServiceNames, serviceChainBase } from './names';

/** Inputs kube-proxy takes from outside the API objects the model holds. */
export interface NftablesOptions {
  /**
   * ServiceCIDR objects (cluster-ips-check's drop), either family (each proxier keeps its
   * own); default ["10.96.0.0/12", "fd00:10:96::/112"]: kubeadm's IPv4 range, kind's IPv6 one.
   */
  readonly serviceCIDRs?: readonly string[];
  /** The mark text; default as kube-proxy formats it (%#08x, "0x00004000"). */
  readonly masqueradeMark?: string;
  /** The node's interface addresses (GetNodeIPs); default lo, node IP, podCIDR .1. */
  readonly interfaceAddresses?: readonly string[];
}

const BASE_CHAINS: readonly NftChainSpec[] = [
  { name: 'filter-prerouting-pre-dnat', base: { type: 'filter', hook: 'prerouting', priority: -110 }, rules: [] },
  { name: 'filter-output-pre-dnat', base: { type: 'filter', hook: 'output', priority: -110 }, rules: [] },
  { name: 'filter-input', base: { type: 'filter', hook: 'input', priority: 0 }, rules: [] },
  { name: 'filter-forward', base: { type: 'filter', hook: 'forward', priority: 0 }, rules: [] },
  { name: 'filter-output', base: { type: 'filter', hook: 'output', priority: 0 }, rules: [] },
  { name: 'nat-prerouting', base: { type: 'nat', hook: 'prerouting', priority: -100 }, rules: [] },
  { name: 'nat-output', base: { type: 'nat', hook: 'output', priority: -100 }, rules: [] },
  { name: 'nat-postrouting', base: { type: 'nat', hook: 'postrouting', priority: 100 }, rules: [] },
];

/** nftablesJumpChains: [destination, source, extra match]. */
const JUMPS: readonly (readonly [string, string, string])[] = [
  ['nodeport-endpoints-check', 'filter-input', 'ct state new'],
  ['service-endpoints-check', 'filter-input', 'ct state new'],
  ['service-endpoints-check', 'filter-forward', 'ct state new'],
  ['service-endpoints-check', 'filter-output', 'ct state new'],
  ['firewall-check', 'filter-prerouting-pre-dnat', 'ct state new'],
  ['firewall-check', 'filter-output-pre-dnat', 'ct state new'],
  ['services', 'nat-output', ''],
  ['services', 'nat-prerouting', ''],
  ['masquerading', 'nat-postrouting', ''],
  ['cluster-ips-check', 'filter-forward', 'ct state new'],
  ['cluster-ips-check', 'filter-output', 'ct state new'],
];

/** Go's fmt.Sprintf("%#08x", 1<<bit): eight hex digits after "0x". */
export function nftMasqueradeMark(bit: number): string {
  return `0x${(2 ** bit).toString(16).padStart(8, '0')}`;
}

class TableBuilder {
  readonly chains = new Map<string, NftChainSpec>();
  readonly sets = new Map<string, NftSetSpec>();

  chain(name: string, comment?: string): NftChainSpec {
    let c = this.chains.get(name);
    if (!c) {
      c = { name, rules: [], ...(comment !== undefined ? { comment } : {}) };
      this.chains.set(name, c);
    }
    return c;
  }

  rule(chain: string, text: string, comment?: string): void {
    this.chain(chain).rules.push({ text, ...(comment !== undefined ? { comment } : {}) });
  }

  set(spec: Omit<NftSetSpec, 'elements'>): void {
    if (!this.sets.has(spec.name)) this.sets.set(spec.name, { ...spec, elements: [] });
  }

  element(set: string, element: NftElementSpec): void {
    const s = this.sets.get(set);
    if (!s) throw new Error(`internal: element for undeclared set ${set}`);
    if (!s.elements.some((e) => e.key === element.key)) s.elements.push(element);
  }
}

const PORT2 = 'inet_proto . inet_service : verdict';

/** What setupNFTables spells per family: ipX, ipvX_addr and noLocalhost. */
interface FamilyWords {
  readonly ipX: 'ip' | 'ip6';
  readonly addrType: 'ipv4_addr' | 'ipv6_addr';
  readonly noLocalhost: string;
}

const WORDS: Readonly<Record<4 | 6, FamilyWords>> = {
  4: { ipX: 'ip', addrType: 'ipv4_addr', noLocalhost: 'ip daddr != 127.0.0.0/8' },
  6: { ipX: 'ip6', addrType: 'ipv6_addr', noLocalhost: 'ip6 daddr != ::1' },
};

/**
 * The `table ip kube-proxy` (or, for an IPv6 view of the cluster, `table ip6 kube-proxy`)
 * objects kube-proxy's nftables mode keeps on `nodeName`.
 */
export function generateNftablesSpec(cluster: Cluster, nodeName: string, options: NftablesOptions = {}): NftTableSpec {
  const family = proxierFamily(cluster);
  const w = WORDS[family];
  const { ipX } = w;
  const ADDR3 = `${w.addrType} . inet_proto . inet_service : verdict`;
  const node = findNode(cluster, nodeName);
  const proxy = cluster.proxy;
  const mark = options.masqueradeMark ?? nftMasqueradeMark(proxy.masqueradeBit);
  const detector = localDetector(cluster, node);
  const localCidr = detector?.ifLocal[1];
  // nftables mode defaults an empty nodePortAddresses to "primary" (the node IP only).
  const npa = nodePortAddresses(
    proxy.nodePortAddresses.length === 0
      ? { ...cluster, proxy: { ...proxy, nodePortAddresses: ['primary'] } }
      : cluster,
    node,
  );
  const serviceCIDRs = (options.serviceCIDRs ?? ['10.96.0.0/12', 'fd00:10:96::/112']).flatMap(
    (c) => normalizeCidrOf(c, family) ?? [],
  );
  const t = new TableBuilder();

  // setupNFTables
  for (const bc of BASE_CHAINS) t.chains.set(bc.name, { ...bc, rules: [] });
  for (const [dst, src, extra] of JUMPS) {
    t.chain(dst);
    t.rule(src, extra === '' ? `jump ${dst}` : `${extra} jump ${dst}`);
  }
  for (const name of ['services', 'cluster-ips-check', 'masquerading', 'mark-for-masquerade']) t.chain(name);
  t.rule('mark-for-masquerade', `mark set mark or ${mark}`);
  t.rule('masquerading', `mark and ${mark} == 0 return`);
  t.rule('masquerading', `mark set mark xor ${mark}`);
  t.rule('masquerading', 'masquerade fully-random');
  t.set({ kind: 'set', name: 'cluster-ips', type: w.addrType, comment: 'Active ClusterIPs' });
  t.rule('cluster-ips-check', `${ipX} daddr @cluster-ips reject`, 'Reject traffic to invalid ports of ClusterIPs');
  if (serviceCIDRs.length > 0)
    t.rule(
      'cluster-ips-check',
      `${ipX} daddr { ${serviceCIDRs.join(',')} } drop`,
      'Drop traffic to unallocated ClusterIPs',
    );
  if (!npa.matchAll) {
    t.set({ kind: 'set', name: 'nodeport-ips', type: w.addrType, comment: 'IPs that accept NodePort traffic' });
    const ifaces = options.interfaceAddresses ?? defaultInterfaceAddresses(node);
    // ip.IsLoopback(): localhost NodePorts are not supported in nftables mode.
    for (const ip of nodeIPsFor(npa, ifaces)) if (!isLoopbackIP(ip)) t.element('nodeport-ips', { key: ip });
  }
  t.set({
    kind: 'map',
    name: 'no-endpoint-services',
    type: ADDR3,
    comment: 'vmap to drop or reject packets to services with no endpoints',
  });
  t.set({
    kind: 'map',
    name: 'no-endpoint-nodeports',
    type: PORT2,
    comment: 'vmap to drop or reject packets to service nodeports with no endpoints',
  });
  t.chain('reject-chain', 'helper for @no-endpoint-services / @no-endpoint-nodeports');
  t.rule('reject-chain', 'reject');
  t.rule('service-endpoints-check', `${ipX} daddr . meta l4proto . th dport vmap @no-endpoint-services`);
  t.rule(
    'nodeport-endpoints-check',
    npa.matchAll
      ? `${w.noLocalhost} meta l4proto . th dport vmap @no-endpoint-nodeports`
      : `${ipX} daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports`,
  );
  t.set({
    kind: 'map',
    name: 'firewall-ips',
    type: ADDR3,
    comment: 'destinations that are subject to LoadBalancerSourceRanges',
  });
  t.chain('firewall-check');
  t.rule('firewall-check', `${ipX} daddr . meta l4proto . th dport vmap @firewall-ips`);
  t.set({
    kind: 'map',
    name: 'service-ips',
    type: ADDR3,
    comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic',
  });
  t.set({ kind: 'map', name: 'service-nodeports', type: PORT2, comment: 'NodePort traffic' });
  t.rule('services', `${ipX} daddr . meta l4proto . th dport vmap @service-ips`);
  t.rule(
    'services',
    npa.matchAll
      ? `fib daddr type local ${w.noLocalhost} meta l4proto . th dport vmap @service-nodeports`
      : `${ipX} daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports`,
  );

  for (const svc of servicePortInfos(cluster.services, family))
    servicePortRules(t, cluster, nodeName, svc, {
      family,
      words: w,
      mark,
      localCidr,
      nodeIP: node.internalIP,
      masqueradeAll: proxy.masqueradeAll,
    });
  return {
    family: ipX,
    name: 'kube-proxy',
    comment: 'rules for kube-proxy',
    sets: [...t.sets.values()],
    chains: [...t.chains.values()],
  };
}

interface PortContext {
  readonly family: 4 | 6;
  readonly words: FamilyWords;
  readonly mark: string;
  readonly localCidr: string | undefined;
  readonly nodeIP: string;
  readonly masqueradeAll: boolean;
}

function endpointNames(svc: ServicePortInfo, ep: EndpointInfo): { chain: string; affinity: string } {
  const base = endpointChainBase(svc.service.namespace, svc.service.name, svc.protocol, svc.port.name, ep.ip, ep.port);
  return { chain: `endpoint-${base}`, affinity: `affinity-${base}` };
}

/** The per-service-port part of syncProxyRules' loop. */
function servicePortRules(
  t: TableBuilder,
  cluster: Cluster,
  nodeName: string,
  svc: ServicePortInfo,
  c: PortContext,
): void {
  const names = nftServiceNames(serviceChainBase(svc.service.namespace, svc.service.name, svc.protocol, svc.port.name));
  const all = endpointsForServicePort(
    cluster.endpointSlices,
    svc.service.namespace,
    svc.service.name,
    svc.port.name,
    svc.apiProtocol,
    nodeName,
    c.family,
  );
  const { ipX, addrType } = c.words;
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints } = categorizeEndpoints(
    all,
    svc.usesClusterEndpoints,
    svc.usesLocalEndpoints,
  );
  const affinity = svc.sessionAffinityClientIP;
  for (const ep of allReachableEndpoints) t.chain(endpointNames(svc, ep).chain);
  const usesClusterChain = clusterEndpoints.length > 0 && svc.usesClusterEndpoints;
  if (usesClusterChain) t.chain(names.cluster);
  const usesLocalChain = localEndpoints.length > 0 && svc.usesLocalEndpoints;
  if (usesLocalChain) t.chain(names.local);

  const internalChain = svc.internalPolicyLocal ? names.local : names.cluster;
  const hasInternal = hasAnyEndpoints && !(svc.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = svc.externalPolicyLocal ? names.local : names.cluster;
  const hasExternal = hasAnyEndpoints && !(svc.externalPolicyLocal && localEndpoints.length === 0);
  const usesExternalChain = hasAnyEndpoints && svc.externallyAccessible;
  if (usesExternalChain) t.chain(names.external);

  const internalVerdict = !hasAnyEndpoints ? 'goto reject-chain' : 'drop';
  const externalVerdict = !hasAnyEndpoints ? 'goto reject-chain' : 'drop';
  const port = String(svc.port.port);
  const proto = svc.protocol;
  const comment = svc.nameString;

  t.element('cluster-ips', { key: svc.clusterIP });
  if (hasInternal)
    t.element('service-ips', { key: `${svc.clusterIP} . ${proto} . ${port}`, value: `goto ${internalChain}` });
  else
    t.element('no-endpoint-services', {
      key: `${svc.clusterIP} . ${proto} . ${port}`,
      value: internalVerdict,
      comment,
    });
  for (const ip of svc.externalIPs) {
    if (hasAnyEndpoints)
      t.element('service-ips', { key: `${ip} . ${proto} . ${port}`, value: `goto ${names.external}` });
    if (!hasExternal)
      t.element('no-endpoint-services', { key: `${ip} . ${proto} . ${port}`, value: externalVerdict, comment });
  }
  const usesFW = svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  if (usesFW) t.chain(names.firewall);
  for (const ip of svc.loadBalancerVIPs) {
    if (hasAnyEndpoints)
      t.element('service-ips', { key: `${ip} . ${proto} . ${port}`, value: `goto ${names.external}` });
    if (usesFW) t.element('firewall-ips', { key: `${ip} . ${proto} . ${port}`, value: `goto ${names.firewall}` });
  }
  if (!hasExternal)
    for (const ip of svc.loadBalancerVIPs)
      t.element('no-endpoint-services', { key: `${ip} . ${proto} . ${port}`, value: externalVerdict, comment });
  if (svc.port.nodePort !== 0) {
    const key = `${proto} . ${svc.port.nodePort}`;
    if (hasAnyEndpoints) t.element('service-nodeports', { key, value: `goto ${names.external}` });
    if (!hasExternal) t.element('no-endpoint-nodeports', { key, value: externalVerdict, comment });
  }

  if (hasInternal) {
    if (c.masqueradeAll) t.rule(internalChain, `${ipX} daddr ${svc.clusterIP} jump mark-for-masquerade`);
    else if (c.localCidr !== undefined)
      t.rule(internalChain, `${ipX} daddr ${svc.clusterIP} ${ipX} saddr != ${c.localCidr} jump mark-for-masquerade`);
  }
  if (usesExternalChain) {
    if (!svc.externalPolicyLocal) {
      t.rule(names.external, 'jump mark-for-masquerade');
    } else {
      if (c.localCidr !== undefined)
        t.rule(names.external, `${ipX} saddr ${c.localCidr} goto ${names.cluster}`, 'short-circuit pod traffic');
      t.rule(names.external, 'fib saddr type local jump mark-for-masquerade', 'masquerade local traffic');
      t.rule(names.external, `fib saddr type local goto ${names.cluster}`, 'short-circuit local traffic');
    }
    if (hasExternal) t.rule(names.external, `goto ${externalPolicyChain}`);
  }
  if (usesFW) {
    const sources = [...svc.loadBalancerSourceRanges];
    const nodeIP = parseAddress(c.nodeIP);
    const allowFromNode =
      nodeIP !== null &&
      svc.loadBalancerSourceRanges.some((r) => {
        const cidr = parsePrefix(r);
        return cidr !== null && inPrefix(nodeIP, cidr);
      });
    if (allowFromNode) sources.push(...svc.loadBalancerVIPs);
    t.rule(names.firewall, `${ipX} saddr != { ${sources.join(' , ')} } drop`);
  }
  if (affinity) {
    for (const ep of allReachableEndpoints) {
      t.set({
        kind: 'set',
        name: endpointNames(svc, ep).affinity,
        type: addrType,
        flags: ['dynamic', 'timeout'],
        timeout: svc.stickyMaxAgeSeconds,
      });
    }
  }
  if (usesClusterChain) serviceToEndpoints(t, svc, ipX, names.cluster, clusterEndpoints);
  if (usesLocalChain) serviceToEndpoints(t, svc, ipX, names.local, localEndpoints);
  for (const ep of allReachableEndpoints) {
    const n = endpointNames(svc, ep);
    t.rule(n.chain, `${ipX} saddr ${ep.ip} jump mark-for-masquerade`);
    if (affinity) t.rule(n.chain, `update @${n.affinity} { ${ipX} saddr }`);
    t.rule(n.chain, `meta l4proto ${proto} dnat to ${ep.endpoint}`);
  }
}

/** writeServiceToEndpointRules: affinity lookups, then one numgen vmap over the endpoints. */
function serviceToEndpoints(
  t: TableBuilder,
  svc: ServicePortInfo,
  ipX: 'ip' | 'ip6',
  chain: string,
  endpoints: readonly EndpointInfo[],
): void {
  if (svc.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      const n = endpointNames(svc, ep);
      t.rule(chain, `${ipX} saddr @${n.affinity} goto ${n.chain}`);
    }
  }
  const elements = endpoints.map((ep, i) => `${i} : goto ${endpointNames(svc, ep).chain}`).join(' , ');
  t.rule(chain, `numgen random mod ${endpoints.length} vmap { ${elements} }`);
}
