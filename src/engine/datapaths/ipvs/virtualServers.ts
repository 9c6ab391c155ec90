/**
 * The IPVS virtual and real servers kube-proxy's IPVS proxier creates on one node, read from
 * kubernetes/kubernetes pkg/proxy/ipvs/proxier.go (syncProxyRules / syncEndpoint, commit
 * 3520f8d62325720f860581fdbd1c27672083b5f6):
 *   - one virtual server per ClusterIP:port (bound to the dummy interface kube-ipvs0), real
 *     servers onlyLocal = internalTrafficPolicy Local;
 *   - one per externalIP:port and per VIP-mode load-balancer IP:port, onlyLocal = ETP Local;
 *   - for a node port, one per node IP:nodePort, where the node IPs (nodePortAddresses empty)
 *     are every non-loopback address of every interface except kube-ipvs0 — so also the pod
 *     veths' podCIDR .1 (netlink_linux.go GetAllLocalAddressesExcept / isValidForSet);
 *   - real servers: CategorizeEndpoints (the same as iptables mode, kubeproxy/endpoints.ts);
 *     onlyLocal takes the local endpoints, and when there are none FALLS BACK to the cluster
 *     endpoints ("https://github.com/kubernetes/kubernetes/pull/97081 — Allow access from
 *     local PODs even if no local endpoints exist. Traffic from an external source will be
 *     routed but the reply will have the POD address and will be discarded."), where iptables
 *     mode drops. Every real server has weight 1, forwarding method Masq (NAT).
 */
import { categorizeEndpoints, endpointsForServicePort, type EndpointInfo } from '../../kubeproxy/endpoints';
import { servicePortInfos, type ServicePortInfo } from '../../kubeproxy/servicePorts';
import type { Cluster } from '../../model/types';
import { parseIPv4 } from '../../netfilter/ip';
import type { NetNode } from '../../network/topology';

/** IPVS schedulers kube-proxy can be configured with (--ipvs-scheduler) that this engine models. */
export type IpvsScheduler = 'rr' | 'wrr' | 'lc' | 'sh' | 'mh';

/** The schedulers, in the order the docs list them. */
export const IPVS_SCHEDULERS: readonly IpvsScheduler[] = ['rr', 'wrr', 'lc', 'sh', 'mh'];

/** A real server (IPVS destination). */
export interface RealServer {
  readonly ip: number;
  readonly port: number;
  readonly weight: number;
  readonly endpoint: EndpointInfo;
}

/** What a virtual server stands for. */
export type VirtualServerKind = 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';

/** An IPVS virtual server and its real servers. */
export interface VirtualServer {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly address: number;
  readonly port: number;
  readonly scheduler: IpvsScheduler;
  /** ClientIP session affinity: the persistent flag and its timeout (0: not persistent). */
  readonly persistentTimeout: number;
  readonly kind: VirtualServerKind;
  readonly service: ServicePortInfo;
  /** Only node-local endpoints were asked for (ITP Local for the ClusterIP, ETP Local otherwise). */
  readonly onlyLocal: boolean;
  /** onlyLocal, but no local endpoint exists: the real servers are the cluster endpoints. */
  readonly fellBack: boolean;
  /**
   * Kernel list order, which rr/wrr/lc/sh/mh walk and ipvsadm prints. kube-proxy adds the real
   * servers in Go map order (unspecified); we add them in endpoint order, and since
   * ip_vs_ctl.c __ip_vs_update_dest() links each new one at the head (list_add_rcu), the list
   * is the reverse of the order they were added in.
   */
  readonly dests: readonly RealServer[];
}

/** The node's addresses a node port listens on: every non-loopback interface address, once. */
export function nodePortAddresses(node: NetNode): number[] {
  const out: number[] = [];
  for (const iface of node.addresses.interfaces) {
    for (const text of iface.addresses) {
      const ip = parseIPv4(text.split('/')[0] ?? '');
      if (ip === null || ip >>> 24 === 127 || out.includes(ip)) continue;
      out.push(ip);
    }
  }
  return out;
}

function realServers(
  cluster: Cluster,
  svc: ServicePortInfo,
  nodeName: string,
  onlyLocal: boolean,
): { dests: RealServer[]; fellBack: boolean } {
  const endpoints = endpointsForServicePort(
    cluster.endpointSlices,
    svc.service.namespace,
    svc.service.name,
    svc.port.name,
    svc.apiProtocol,
    nodeName,
  );
  const { clusterEndpoints, localEndpoints } = categorizeEndpoints(
    endpoints,
    svc.usesClusterEndpoints,
    svc.usesLocalEndpoints,
  );
  let chosen: readonly EndpointInfo[] = clusterEndpoints;
  let fellBack = false;
  if (onlyLocal) {
    if (localEndpoints.length > 0) chosen = localEndpoints;
    else fellBack = clusterEndpoints.length > 0;
  }
  const dests = chosen
    .map((endpoint) => ({ ip: parseIPv4(endpoint.ip) ?? 0, port: endpoint.port, weight: 1, endpoint }))
    .reverse();
  return { dests, fellBack };
}

/** Every virtual server kube-proxy creates on `node`, services in ServicePortName order. */
export function virtualServersFor(cluster: Cluster, node: NetNode, scheduler: IpvsScheduler): VirtualServer[] {
  const out: VirtualServer[] = [];
  const nodeIPs = nodePortAddresses(node);
  for (const svc of servicePortInfos(cluster.services)) {
    const protocol = svc.apiProtocol;
    const persistentTimeout = svc.sessionAffinityClientIP ? svc.stickyMaxAgeSeconds : 0;
    const add = (kind: VirtualServerKind, address: string | number, port: number, onlyLocal: boolean): void => {
      const ip = typeof address === 'number' ? address : parseIPv4(address);
      if (ip === null) return;
      const { dests, fellBack } = realServers(cluster, svc, node.name, onlyLocal);
      out.push({
        protocol,
        address: ip,
        port,
        scheduler,
        persistentTimeout,
        kind,
        service: svc,
        onlyLocal,
        fellBack,
        dests,
      });
    };
    add('clusterIP', svc.clusterIP, svc.port.port, svc.internalPolicyLocal);
    for (const ip of svc.externalIPs) add('externalIP', ip, svc.port.port, svc.externalPolicyLocal);
    for (const ip of svc.loadBalancerVIPs) add('loadBalancer', ip, svc.port.port, svc.externalPolicyLocal);
    if (svc.port.nodePort !== 0)
      for (const ip of nodeIPs) add('nodePort', ip, svc.port.nodePort, svc.externalPolicyLocal);
  }
  return out;
}
