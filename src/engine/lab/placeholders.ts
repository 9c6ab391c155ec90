/**
 * The values of the placeholders a lesson's question, options and `source` claims may use,
 * for the reader's current settings: `{entryNode}` follows the entry-node control, `{pod}`
 * is the pod the observable names, and so on (docs/lessons.md lists them all).
 */
import type { Cluster } from '../model/types';
import { formatIPv4, parseIPv4 } from '../netfilter/ip';
import { serviceOf } from './service';
import type { PlaceholderValues } from './fillPlaceholders';
import type { LabDatapath, ObservableSpec, TrafficSpec } from './spec';
import { servicePortOf } from './traffic';

export type { PlaceholderValues } from './fillPlaceholders';

/** The first address of a pod CIDR: the node's address on its pod bridge. */
function gatewayOf(podCIDR: string): string {
  const base = parseIPv4(podCIDR.split('/')[0] ?? '');
  return base === null ? '' : formatIPv4((base + 1) >>> 0);
}

/**
 * Placeholder values over a cluster and traffic that already carry the reader's settings
 * (see applySettings). The entry node and client are those of the round's first connection.
 */
export function placeholderValues(
  cluster: Cluster,
  traffic: TrafficSpec,
  observable: ObservableSpec,
  datapath: LabDatapath = cluster.proxy.mode,
): PlaceholderValues {
  const service = serviceOf(cluster, traffic);
  const port = servicePortOf(cluster, traffic);
  const first = traffic.connections[0];
  const client = traffic.clients.find((c) => c.name === first?.from);
  const clientPod = client && 'pod' in client ? cluster.pods.find((p) => p.name === client.pod) : undefined;
  const entryName = first?.to === 'nodePort' ? (first.node ?? '') : (clientPod?.nodeName ?? '');
  const entry = cluster.nodes.find((n) => n.name === entryName);
  const podName = observable.kind === 'podShare' || observable.kind === 'sourceAddress' ? (observable.pod ?? '') : '';
  const pod = cluster.pods.find((p) => p.name === podName);
  const podNode = cluster.nodes.find((n) => n.name === pod?.nodeName);
  return {
    entryNode: entryName,
    entryNodeIP: entry?.internalIP ?? '',
    entryNodeGateway: entry ? gatewayOf(entry.podCIDR) : '',
    pod: podName,
    podIP: pod?.ip ?? '',
    podNode: pod?.nodeName ?? '',
    podNodeIP: podNode?.internalIP ?? '',
    client: client?.name ?? '',
    clientIP: client ? ('ip' in client ? client.ip : (clientPod?.ip ?? '')) : '',
    service: service.name,
    clusterIP: service.clusterIP,
    servicePort: String(port.port),
    nodePort: String(port.nodePort),
    externalTrafficPolicy: service.externalTrafficPolicy,
    internalTrafficPolicy: service.internalTrafficPolicy,
    sessionAffinity: service.sessionAffinity,
    sessionAffinityTimeout: String(service.sessionAffinityTimeoutSeconds),
    datapath,
  };
}
