/**
 * Turns a playground scenario into the engine's Cluster, with the bounce challenge's
 * conventions (node-N at 192.168.10.1N… , podCIDR 10.244.N.0/24, the Nth pod of a node at
 * .N+1, Service default/web at 10.96.120.15), the connection the client opens, and the
 * options of createDatapathSimulation. Pure and small, but it imports the EndpointSlice
 * derivation, so the page reaches it only through the lazily loaded engine chunk.
 */
import type { DatapathOptions, Datapath } from '../engine/datapaths/index';
import { deriveMissingEndpointSlices, ipv6View } from '../engine/model';
import type { Cluster, EndpointSlice, Pod, ProxyConfig, Service } from '../engine/model/types';
import type { ConnectionSpec } from '../engine/network/types';
import {
  addressesOf,
  CLUSTER_CIDR,
  CLUSTER_CIDR6,
  CLUSTER_IP,
  CLUSTER_IP6,
  LB_IP,
  LB_IP6,
  nodeOf,
  podPlaces,
} from './addressing';
import { nodeNameOf, podNameOf, type PlaygroundScenario } from './scenario';

export { CLIENT_IP, CLUSTER_IP, LAN_CIDR, LB_IP, nodeOf, podPlaces } from './addressing';

const PROXY: ProxyConfig = {
  mode: 'iptables',
  clusterCIDR: CLUSTER_CIDR,
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
};

/**
 * The scenario's cluster (the scenario must be valid: see scenarioProblems). Family IPv6 makes
 * it dual-stack: IPv4 first, as a cluster that grew IPv6 lists it, with the IPv6 EndpointSlices
 * written out so an export carries both families.
 */
export function toCluster(s: PlaygroundScenario): Cluster {
  const dual = s.family === 'IPv6';
  const nodes = Array.from({ length: s.nodes }, (_, i) => nodeOf(i, dual));
  const places = podPlaces(s);
  const pods: Pod[] = s.pods.map((p, i) => {
    const place = places[i]!;
    return {
      namespace: 'default',
      ...place,
      labels: { app: 'web' },
      ready: p.state === 'ready',
      terminating: p.state === 'terminating',
      ports: [{ name: 'http', containerPort: s.service.targetPort, protocol: 'TCP' }],
    };
  });
  const svc = s.service;
  const web: Service = {
    namespace: 'default',
    name: 'web',
    type: svc.type,
    clusterIP: CLUSTER_IP,
    selector: { app: 'web' },
    ports: [
      {
        name: 'http',
        protocol: 'TCP',
        port: svc.port,
        targetPort: svc.targetPort,
        nodePort: svc.type === 'ClusterIP' ? 0 : svc.nodePort,
      },
    ],
    externalTrafficPolicy: svc.externalTrafficPolicy,
    internalTrafficPolicy: svc.internalTrafficPolicy,
    sessionAffinity: svc.sessionAffinity,
    sessionAffinityTimeoutSeconds: 10800,
    externalIPs: [],
    loadBalancerIngress: svc.type === 'LoadBalancer' ? [{ ip: LB_IP, ipMode: 'VIP' }] : [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
    ...(dual
      ? {
          ipv6: {
            clusterIP: CLUSTER_IP6,
            externalIPs: [],
            loadBalancerIngress: svc.type === 'LoadBalancer' ? [{ ip: LB_IP6, ipMode: 'VIP' as const }] : [],
            loadBalancerSourceRanges: [],
          },
        }
      : {}),
  };
  const { slices } = deriveMissingEndpointSlices([web], pods, []);
  const cluster: Cluster = { nodes, pods, services: [web], endpointSlices: slices, proxy: PROXY };
  if (!dual) return cluster;
  return {
    ...cluster,
    proxy: { ...PROXY, ipv6: { clusterCIDR: CLUSTER_CIDR6, nodePortAddresses: [] } },
    ipv6EndpointSlices: ipv6Slices(cluster),
  };
}

/** The IPv6 EndpointSlices the controller would write beside the IPv4 ones (named apart from them). */
function ipv6Slices(cluster: Cluster): EndpointSlice[] {
  const view = ipv6View(cluster);
  return (view?.endpointSlices ?? []).map((slice) => ({
    ...slice,
    name: slice.name.replace(`${slice.serviceName}-`, `${slice.serviceName}-ipv6-`),
  }));
}

/** The cluster the scenario's connections walk: the IPv4 one, or the IPv6 proxier's view of the dual-stack one. */
export function walkedCluster(s: PlaygroundScenario): Cluster {
  const cluster = toCluster(s);
  return s.family === 'IPv6' ? (ipv6View(cluster) ?? cluster) : cluster;
}

/** The connection the scenario's client opens (ClusterIP and LB addresses enter at the entry node). */
export function connectionOf(s: PlaygroundScenario, sourcePort?: number): ConnectionSpec {
  const at = addressesOf(s);
  const to =
    s.target === 'nodePort'
      ? { ip: at.node(s.entry), port: s.service.nodePort }
      : { ip: s.target === 'loadBalancer' ? at.lb : at.clusterIP, port: s.service.port };
  const from: ConnectionSpec['from'] =
    s.client.kind === 'pod'
      ? { kind: 'pod', name: podNameOf(s.client.index), namespace: 'default' }
      : s.client.kind === 'node'
        ? { kind: 'node', name: nodeNameOf(s.client.index) }
        : { kind: 'client', ip: at.client, via: nodeNameOf(s.entry) };
  return { from, to, ...(sourcePort === undefined ? {} : { sourcePort }) };
}

/** createDatapathSimulation's options for the scenario, or for another `mode` with the scenario's sub-options. */
export function datapathOptions(
  s: PlaygroundScenario,
  mode: Datapath = s.datapath.mode,
  nodePortMode = s.datapath.ciliumNodePort,
): DatapathOptions {
  if (mode === 'ipvs') return { datapath: 'ipvs', ipvsScheduler: s.datapath.ipvsScheduler };
  if (mode === 'cilium') return { datapath: 'cilium', cilium: { lb: s.datapath.ciliumLb, nodePortMode } };
  return { datapath: mode };
}
