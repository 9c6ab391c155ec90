/**
 * Turns a playground scenario into the engine's Cluster, with the bounce challenge's
 * conventions (node-N at 192.168.10.1N… , podCIDR 10.244.N.0/24, the Nth pod of a node at
 * .N+1, Service default/web at 10.96.120.15), the connection the client opens, and the
 * options of createDatapathSimulation. Pure and small, but it imports the EndpointSlice
 * derivation, so the page reaches it only through the lazily loaded engine chunk.
 */
import type { DatapathOptions, Datapath } from '../engine/datapaths/index';
import { deriveMissingEndpointSlices } from '../engine/model';
import type { Cluster, Pod, ProxyConfig, Service } from '../engine/model/types';
import type { ConnectionSpec } from '../engine/network/types';
import { CLIENT_IP, CLUSTER_IP, LB_IP, nodeOf, podPlaces } from './addressing';
import { nodeNameOf, podNameOf, type PlaygroundScenario } from './scenario';

export { CLIENT_IP, CLUSTER_IP, LAN_CIDR, LB_IP, nodeOf, podPlaces } from './addressing';

const PROXY: ProxyConfig = {
  mode: 'iptables',
  clusterCIDR: '10.244.0.0/16',
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
};

/** The scenario's cluster (the scenario must be valid: see scenarioProblems). */
export function toCluster(s: PlaygroundScenario): Cluster {
  const nodes = Array.from({ length: s.nodes }, (_, i) => nodeOf(i));
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
  };
  const { slices } = deriveMissingEndpointSlices([web], pods, []);
  return { nodes, pods, services: [web], endpointSlices: slices, proxy: PROXY };
}

/** The connection the scenario's client opens (ClusterIP and LB addresses enter at the entry node). */
export function connectionOf(s: PlaygroundScenario, sourcePort?: number): ConnectionSpec {
  const entry = nodeOf(s.entry);
  const to =
    s.target === 'nodePort'
      ? { ip: entry.internalIP, port: s.service.nodePort }
      : { ip: s.target === 'loadBalancer' ? LB_IP : CLUSTER_IP, port: s.service.port };
  const from: ConnectionSpec['from'] =
    s.client.kind === 'pod'
      ? { kind: 'pod', name: podNameOf(s.client.index), namespace: 'default' }
      : s.client.kind === 'node'
        ? { kind: 'node', name: nodeNameOf(s.client.index) }
        : { kind: 'client', ip: CLIENT_IP, via: entry.name };
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
