/**
 * The playground's scenario: a small, plain description of a cluster a reader can edit (how
 * many nodes, which pod runs where and in what state, the Service, who connects to what, and
 * through which datapath). Plain data, so it fits in a share link and crosses island props.
 * cluster.ts turns it into the engine's Cluster with the bounce challenge's conventions.
 */
import type { Datapath, IpvsScheduler, LbAlgorithm, NodePortMode } from '../engine/datapaths/index';

/** At most this many nodes (node IPs 192.168.10.11–20, pod CIDRs 10.244.1–10.0/24). */
export const MAX_NODES = 10;
/** At least one node: a cluster needs somewhere to run. */
export const MIN_NODES = 1;
/** At most this many pods behind the Service. */
export const MAX_PODS = 20;

/** Connections per run, and per datapath in the comparison. */
export const RUN_SIZE = 1000;

/** The outcome key of connections that reached no pod. */
export const DROPPED = 'dropped';

/** A pod's lifecycle as the EndpointSlice reports it. */
export type PodState = 'ready' | 'notReady' | 'terminating';
/** The states in control order. */
export const POD_STATES: readonly PodState[] = ['ready', 'notReady', 'terminating'];

/** One pod of the Service: the node it runs on (0-based) and its state. */
export interface PlaygroundPod {
  readonly node: number;
  readonly state: PodState;
}

/** Service types the editor offers. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];

/** What the client connects to. */
export type Target = 'clusterIP' | 'nodePort' | 'loadBalancer';
export const TARGETS: readonly Target[] = ['clusterIP', 'nodePort', 'loadBalancer'];

/** The Service default/web as edited. */
export interface PlaygroundService {
  readonly type: ServiceType;
  readonly port: number;
  readonly targetPort: number;
  readonly nodePort: number;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly sessionAffinity: 'None' | 'ClientIP';
}

/** Who opens the connections: the external client, a pod (by index) or a node (by index). */
export type ClientKind = 'external' | 'pod' | 'node';
export const CLIENT_KINDS: readonly ClientKind[] = ['external', 'pod', 'node'];

/** The connecting side; `index` names the pod or node (0 for the external client). */
export interface PlaygroundClient {
  readonly kind: ClientKind;
  readonly index: number;
}

/** The IP family the client's connections use. IPv6 makes the cluster dual-stack (each node, pod and the Service get an address of both families) and walks its IPv6 half, as kube-proxy's IPv6 proxier programs it. */
export type IpFamily = 'IPv4' | 'IPv6';
/** The families in control order. */
export const IP_FAMILIES: readonly IpFamily[] = ['IPv4', 'IPv6'];
/** The datapaths the engine models over IPv6 (IPVS and Cilium are modelled for IPv4 only). */
export const IPV6_DATAPATHS: readonly Datapath[] = ['iptables', 'nftables'];

/** The datapaths in display order. */
export const DATAPATHS: readonly Datapath[] = ['iptables', 'nftables', 'ipvs', 'cilium'];
/** IPVS schedulers kube-proxy accepts (copied so the page does not import the engine). */
export const IPVS_SCHEDULER_NAMES = ['rr', 'wrr', 'lc', 'sh', 'mh'] as const satisfies readonly IpvsScheduler[];
export const CILIUM_LBS = ['random', 'maglev'] as const satisfies readonly LbAlgorithm[];
export const CILIUM_NODEPORT_MODES = ['snat', 'dsr', 'hybrid'] as const satisfies readonly NodePortMode[];

/** The datapath and its own options (kept when the reader switches mode and back). */
export interface DatapathChoice {
  readonly mode: Datapath;
  readonly ipvsScheduler: IpvsScheduler;
  readonly ciliumLb: LbAlgorithm;
  readonly ciliumNodePort: NodePortMode;
}

/** Everything the playground shows, and the seed that replays its runs. */
export interface PlaygroundScenario {
  readonly nodes: number;
  readonly pods: readonly PlaygroundPod[];
  readonly service: PlaygroundService;
  readonly client: PlaygroundClient;
  /** The node whose address (or whose LAN port, for a ClusterIP/LB address) the client's packets reach. */
  readonly entry: number;
  readonly target: Target;
  /** The family of the connections (IPv6: a dual-stack cluster, walked over IPv6). */
  readonly family: IpFamily;
  readonly datapath: DatapathChoice;
  /** 32-bit unsigned seed of runs and sample connections. */
  readonly seed: number;
}

/** The bounce challenge as a playground scenario: 3 nodes, pod 1 on node 1, pod 2 on node 2, NodePort on node 2. */
export const DEFAULT_SCENARIO: PlaygroundScenario = {
  nodes: 3,
  pods: [
    { node: 0, state: 'ready' },
    { node: 1, state: 'ready' },
  ],
  service: {
    type: 'NodePort',
    port: 80,
    targetPort: 8080,
    nodePort: 30080,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
  },
  client: { kind: 'external', index: 0 },
  entry: 1,
  target: 'nodePort',
  family: 'IPv4',
  datapath: { mode: 'iptables', ipvsScheduler: 'rr', ciliumLb: 'random', ciliumNodePort: 'snat' },
  seed: 1,
};

/** The targets a Service type offers: ClusterIP always, the node port and the LB address when the type has them. */
export function targetsOf(type: ServiceType): readonly Target[] {
  if (type === 'ClusterIP') return ['clusterIP'];
  if (type === 'NodePort') return ['clusterIP', 'nodePort'];
  return TARGETS;
}

/** "node-3" for index 2. */
export function nodeNameOf(index: number): string {
  return `node-${index + 1}`;
}

/** "pod-3" for index 2. */
export function podNameOf(index: number): string {
  return `pod-${index + 1}`;
}
