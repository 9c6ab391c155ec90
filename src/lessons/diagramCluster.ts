/** The lesson's cluster as the diagrams draw it: nodes, pods, the client, the LAN and the node port. */
import type { DiagramCluster } from '../components/diagram/layout';
import { endpointPods, servicePortOf, type LabConfig } from '../engine/lab';

/** The /24 a dotted quad sits in ("192.168.10.0/24"): the LAN the scenario's nodes share. */
function lanOf(ip: string): string {
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.0/24` : ip;
}

/** Plain data for the diagram islands (a copy, so nothing else is serialized). */
export function diagramClusterOf(config: LabConfig): DiagramCluster {
  const { cluster, spec } = config;
  const client = spec.traffic.clients[0];
  const clientIP = client && 'ip' in client ? client.ip : (cluster.pods.find((p) => p.name === client?.pod)?.ip ?? '');
  // A pod that only sends (the Service does not select it) is drawn as a client, without a counter.
  const clientPods = new Set(spec.traffic.clients.flatMap((c) => ('pod' in c ? [c.pod] : [])));
  const endpoints = endpointPods(cluster, spec.traffic);
  return {
    nodes: cluster.nodes.map(({ name, internalIP, podCIDR }) => ({ name, internalIP, podCIDR })),
    pods: cluster.pods.map(({ name, nodeName, ip }) =>
      clientPods.has(name) && !endpoints.has(name) ? { name, nodeName, ip, client: true } : { name, nodeName, ip },
    ),
    clientIP,
    lanCIDR: lanOf(cluster.nodes[0]?.internalIP ?? ''),
    nodePort: servicePortOf(cluster, spec.traffic).nodePort,
  };
}
