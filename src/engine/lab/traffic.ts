/**
 * The lesson's traffic as connections the engine walks: each connection of the pattern
 * becomes a ConnectionSpec from its client to the entry node's NodePort or to the Service's
 * cluster IP, labelled with the client and entry node its evidence is counted under.
 */
import type { Cluster, ServicePort } from '../model/types';
import type { ConnectionSpec } from '../network/types';
import { serviceOf } from './service';
import type { TrafficSpec } from './spec';

/** One connection of the round, ready to walk. */
export interface TrafficStep {
  readonly spec: ConnectionSpec;
  /** The client's name. */
  readonly client: string;
  /** The node the connection enters the cluster by (the entry node, or the client pod's node). */
  readonly entry: string;
  /** The client pod's name, when the client is a pod. */
  readonly caller?: string;
}

/** The Service port the traffic uses (named, or the first). */
export function servicePortOf(cluster: Cluster, traffic: TrafficSpec): ServicePort {
  const service = serviceOf(cluster, traffic);
  const port = traffic.port === undefined ? service.ports[0] : service.ports.find((p) => p.name === traffic.port);
  if (!port) throw new RangeError(`traffic.port: Service ${traffic.service} has no port "${traffic.port ?? ''}"`);
  return port;
}

/** The round of connections, in order; throws RangeError naming the field that does not resolve. */
export function trafficSteps(cluster: Cluster, traffic: TrafficSpec): TrafficStep[] {
  const service = serviceOf(cluster, traffic);
  const port = servicePortOf(cluster, traffic);
  return traffic.connections.map((c, i) => {
    const client = traffic.clients.find((x) => x.name === c.from);
    if (!client) throw new RangeError(`traffic.connections[${i}].from: no client "${c.from}"`);
    let from: ConnectionSpec['from'];
    let origin: string;
    let caller: { caller?: string } = {};
    if ('ip' in client) {
      from = { kind: 'client', ip: client.ip };
      origin = '';
    } else {
      const pod = cluster.pods.find(
        (p) => p.name === client.pod && (client.namespace === undefined || p.namespace === client.namespace),
      );
      if (!pod) throw new RangeError(`traffic.clients: no pod "${client.pod}" in the scenario`);
      from = { kind: 'pod', name: pod.name, namespace: pod.namespace };
      origin = pod.nodeName;
      caller = { caller: pod.name };
    }
    if (c.protocol === 'icmp') {
      // A ping has no port: it goes to the cluster IP itself, from wherever the client is.
      if (c.to !== 'clusterIP')
        throw new RangeError(
          `traffic.connections[${i}].to: a ping (protocol icmp) goes to clusterIP, not to a node port`,
        );
      if (origin === '')
        throw new RangeError(
          `traffic.connections[${i}].from: an external client cannot reach a cluster IP; use a pod client`,
        );
      return {
        spec: { from, to: { ip: service.clusterIP }, protocol: 'icmp' },
        client: client.name,
        entry: origin,
        ...caller,
      };
    }
    if (c.to === 'nodePort') {
      const node = cluster.nodes.find((n) => n.name === c.node);
      if (!node) throw new RangeError(`traffic.connections[${i}].node: no node "${c.node ?? ''}" in the scenario`);
      if (port.nodePort === 0)
        throw new RangeError(`traffic.connections[${i}].to: Service ${traffic.service} has no node port`);
      return {
        spec: { from, to: { ip: node.internalIP, port: port.nodePort } },
        client: client.name,
        entry: node.name,
        ...caller,
      };
    }
    if (origin === '') {
      throw new RangeError(
        `traffic.connections[${i}].to: an external client cannot reach a cluster IP; use a pod client`,
      );
    }
    return {
      spec: { from, to: { ip: service.clusterIP, port: port.port } },
      client: client.name,
      entry: origin,
      ...caller,
    };
  });
}
