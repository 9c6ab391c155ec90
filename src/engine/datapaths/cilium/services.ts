/**
 * The load-balancing maps Cilium's kube-proxy replacement programs on one node, from the same
 * Services and EndpointSlices kube-proxy reads:
 *   - a frontend per ClusterIP:port (flag non-routable: not reachable from outside unless
 *     bpf-lb-external-clusterip), per externalIP and LoadBalancer VIP, and for a node port one
 *     per node address plus the 0.0.0.0:nodePort surrogate;
 *   - externalTrafficPolicy Local: the external-scope frontend holds only this node's
 *     backends, and a second, internal-scope twin ("two-scopes", key suffix /i) holds all of
 *     them for traffic from inside the cluster (cilium/cilium#12311, "bpf: fix in-cluster
 *     connectivity for externalTrafficPolicy=Local": "We only filter local backends for
 *     ScopeExternal. ScopeInternal will have everything.");
 *   - backends: CategorizeEndpoints (ready, else serving+terminating), like kube-proxy.
 * Frontend and backend IDs are node-local in Cilium; here they are numbered in a stable order.
 */
import { categorizeEndpoints, endpointsForServicePort, type EndpointInfo } from '../../kubeproxy/endpoints';
import { servicePortInfos, type ServicePortInfo } from '../../kubeproxy/servicePorts';
import type { Cluster } from '../../model/types';
import { parseIPv4 } from '../../netfilter/ip';
import type { NetNode } from '../../network/topology';

/** A backend (cilium_lb4_backends entry). */
export interface CiliumBackend {
  readonly id: number;
  readonly ip: number;
  readonly port: number;
  /** "10.244.1.2:8080/TCP" */
  readonly addr: string;
  readonly endpoint: EndpointInfo;
}

/** Frontend kinds as `cilium-dbg service list` names them. */
export type FrontendType = 'ClusterIP' | 'NodePort' | 'ExternalIPs' | 'LoadBalancer';

/** A frontend (cilium_lb4_services_v2 master entry) with its backend slots. */
export interface Frontend {
  readonly id: number;
  /** 0 for the 0.0.0.0 NodePort surrogate. */
  readonly address: number;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly type: FrontendType;
  readonly scope: 'external' | 'internal';
  readonly externalLocal: boolean;
  readonly internalLocal: boolean;
  /** Whether an internal-scope twin exists (flag two-scopes). */
  readonly twoScopes: boolean;
  readonly service: ServicePortInfo;
  /** Slot i+1 holds backends[i]. */
  readonly backends: readonly CiliumBackend[];
}

/** The frontends of `node`, in ID order, and the backend table (IDs shared by all frontends). */
export function frontendsFor(cluster: Cluster, node: NetNode): Frontend[] {
  const out: Frontend[] = [];
  const backendIds = new Map<string, number>();
  const backendOf = (ep: EndpointInfo, protocol: string): CiliumBackend => {
    const addr = `${ep.endpoint}/${protocol}`;
    let id = backendIds.get(addr);
    if (id === undefined) {
      id = backendIds.size + 1;
      backendIds.set(addr, id);
    }
    return { id, ip: parseIPv4(ep.ip) ?? 0, port: ep.port, addr, endpoint: ep };
  };
  const nodeIP = node.lanIP;
  for (const svc of servicePortInfos(cluster.services)) {
    const endpoints = endpointsForServicePort(
      cluster.endpointSlices,
      svc.service.namespace,
      svc.service.name,
      svc.port.name,
      svc.apiProtocol,
      node.name,
    );
    // Both sets are asked for: the external scope may need the local ones, the internal scope all.
    const { clusterEndpoints, localEndpoints } = categorizeEndpoints(endpoints, true, true);
    const all = clusterEndpoints.map((e) => backendOf(e, svc.apiProtocol));
    const local = localEndpoints.map((e) => backendOf(e, svc.apiProtocol));
    const add = (
      type: FrontendType,
      address: number | null,
      port: number,
      scope: 'external' | 'internal',
      backends: readonly CiliumBackend[],
      twoScopes: boolean,
    ): void => {
      if (address === null) return;
      out.push({
        id: out.length + 1,
        address,
        port,
        protocol: svc.apiProtocol,
        type,
        scope,
        externalLocal: svc.externalPolicyLocal,
        internalLocal: svc.internalPolicyLocal,
        twoScopes,
        service: svc,
        backends,
      });
    };
    add('ClusterIP', parseIPv4(svc.clusterIP), svc.port.port, 'external', svc.internalPolicyLocal ? local : all, false);
    const external = (type: FrontendType, address: number | null, port: number): void => {
      if (svc.externalPolicyLocal) {
        add(type, address, port, 'external', local, true);
        add(type, address, port, 'internal', svc.internalPolicyLocal ? local : all, true);
      } else add(type, address, port, 'external', all, false);
    };
    for (const ip of svc.externalIPs) external('ExternalIPs', parseIPv4(ip), svc.port.port);
    for (const ip of svc.loadBalancerVIPs) external('LoadBalancer', parseIPv4(ip), svc.port.port);
    if (svc.port.nodePort !== 0) {
      external('NodePort', nodeIP, svc.port.nodePort);
      external('NodePort', 0, svc.port.nodePort);
    }
  }
  return out;
}
