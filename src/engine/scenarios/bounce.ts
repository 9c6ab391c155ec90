import { deriveMissingEndpointSlices } from '../model/deriveEndpointSlices';
import type { Cluster, Node, Pod, ProxyConfig, Service } from '../model/types';

/** Knobs a lesson or the playground may turn on the bounce cluster. */
export interface BounceOptions {
  /** spec.externalTrafficPolicy of Service default/web (default "Cluster"). */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /** spec.internalTrafficPolicy of Service default/web (default "Cluster"). */
  readonly internalTrafficPolicy?: 'Cluster' | 'Local';
  /** spec.sessionAffinity of Service default/web (default "None"; ClientIP uses 10800 s). */
  readonly sessionAffinity?: 'None' | 'ClientIP';
  /** Pods marked not Ready (by name, e.g. ["pod-2"]); their endpoints become not ready. */
  readonly notReadyPods?: readonly string[];
  /** Pods being deleted (by name); their endpoints become terminating. */
  readonly terminatingPods?: readonly string[];
}

/** The LAN address of the external client used throughout the challenge. */
export const BOUNCE_CLIENT_IP = '192.168.10.100';

/** The node port of Service default/web. */
export const BOUNCE_NODE_PORT = 30080;

const NODES: readonly Node[] = [
  { name: 'node-1', internalIP: '192.168.10.11', podCIDR: '10.244.1.0/24' },
  { name: 'node-2', internalIP: '192.168.10.12', podCIDR: '10.244.2.0/24' },
  { name: 'node-3', internalIP: '192.168.10.13', podCIDR: '10.244.3.0/24' },
];

const PROXY: ProxyConfig = {
  mode: 'iptables',
  clusterCIDR: '10.244.0.0/16',
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
};

function pod(name: string, nodeName: string, ip: string, options: BounceOptions): Pod {
  return {
    namespace: 'default',
    name,
    nodeName,
    ip,
    labels: { app: 'web' },
    ready: !(options.notReadyPods ?? []).includes(name),
    terminating: (options.terminatingPods ?? []).includes(name),
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  };
}

/**
 * The "bounce" cluster: node-1/2/3 on 192.168.10.0/24, pod-1 (10.244.1.2) on node-1, pod-2
 * (10.244.2.2) on node-2, node-3 empty, and NodePort Service default/web (10.96.120.15:80 →
 * 8080, nodePort 30080) selecting both pods. EndpointSlices are derived from the pods exactly
 * as the loader derives them from tests/fixtures/bounce.yaml.
 */
export function bounceCluster(options: BounceOptions = {}): Cluster {
  const pods = [pod('pod-1', 'node-1', '10.244.1.2', options), pod('pod-2', 'node-2', '10.244.2.2', options)];
  const web: Service = {
    namespace: 'default',
    name: 'web',
    type: 'NodePort',
    clusterIP: '10.96.120.15',
    selector: { app: 'web' },
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: BOUNCE_NODE_PORT }],
    externalTrafficPolicy: options.externalTrafficPolicy ?? 'Cluster',
    internalTrafficPolicy: options.internalTrafficPolicy ?? 'Cluster',
    sessionAffinity: options.sessionAffinity ?? 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalIPs: [],
    loadBalancerIngress: [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
  };
  const { slices } = deriveMissingEndpointSlices([web], pods, []);
  return { nodes: NODES, pods, services: [web], endpointSlices: slices, proxy: PROXY };
}
