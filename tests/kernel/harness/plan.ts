import type { Cluster } from '../../../src/engine/model/types';
import { cidrContains, formatIPv4, hostInCidr, parseCidr, parseIPv4 } from './ipv4';
import * as names from './names';

/** One route: destination CIDR (or "default") via a gateway address. */
export interface RoutePlan {
  readonly to: string;
  readonly via: string;
}

/** A pod's namespace and how it is wired to its node (ptp veth, like kindnet). */
export interface PodPlan {
  /** "namespace/name" */
  readonly key: string;
  readonly name: string;
  readonly nodeName: string;
  readonly netns: string;
  readonly ip: string;
  /** The node end of the veth holds this as /32; it is the pod's default gateway. */
  readonly gateway: string;
  /** Interface name of the veth end inside the pod ("" for a hostNetwork pod). */
  readonly podInterface: string;
  /** Interface name of the veth end inside the node ("" for a hostNetwork pod). */
  readonly nodeInterface: string;
  /** A hostNetwork pod (its IP is the node's): its listener runs in the node namespace. */
  readonly hostNetwork: boolean;
  /** TCP ports the pod's listener serves. */
  readonly tcpPorts: readonly number[];
}

/** A node's namespace: its LAN address, routes and pods. */
export interface NodePlan {
  readonly name: string;
  readonly netns: string;
  readonly ip: string;
  readonly podCIDR: string;
  readonly lanInterface: string;
  /** The peer end of the node's LAN veth, inside the LAN netns. */
  readonly lanPort: string;
  readonly routes: readonly RoutePlan[];
  readonly pods: readonly PodPlan[];
}

/** The external client on the LAN. */
export interface ClientPlan {
  readonly netns: string;
  readonly ip: string;
  /** More LAN addresses of the client netns (so many "clients" can connect from one place). */
  readonly extraIPs: readonly string[];
  readonly lanInterface: string;
  readonly lanPort: string;
  readonly routes: readonly RoutePlan[];
}

/** Everything to create for one run, derived from the cluster model alone. */
export interface NamespacePlan {
  readonly prefix: string;
  readonly lan: {
    readonly netns: string;
    readonly bridge: string;
    readonly gateway: string;
    readonly prefixLength: number;
  };
  readonly nodes: readonly NodePlan[];
  readonly pods: readonly PodPlan[];
  readonly client: ClientPlan;
  /** Every namespace of the run, in creation order. */
  readonly allNetns: readonly string[];
}

/** Options for planNamespaces. */
export interface PlanOptions {
  readonly prefix: string;
  /** The external client's LAN address; the bounce challenge uses 192.168.10.100. */
  readonly clientIP?: string;
  /** The LAN; by default the /24 holding the first node's address. */
  readonly lanCIDR?: string;
  /** More client addresses on the LAN, e.g. for session affinity across many clients. */
  readonly extraClientIPs?: readonly string[];
}

/**
 * Turns a cluster model into the namespaces, links, addresses and routes that reproduce it:
 * flat L3 between nodes ("host-gw": a route per other node's podCIDR via its node IP), ptp pod
 * links whose node end holds the podCIDR's .1 as /32, and a LAN gateway at the LAN's .1 so
 * nodes have a default route (without one, a node's own connections to a ClusterIP fail with
 * "network unreachable" before OUTPUT's DNAT can rewrite them).
 */
export function planNamespaces(cluster: Cluster, options: PlanOptions): NamespacePlan {
  const { prefix } = options;
  const firstNode = cluster.nodes[0];
  if (!firstNode) throw new Error('cluster.nodes: the kernel harness needs at least one node');
  const lanText =
    options.lanCIDR ??
    `${formatIPv4(parseIPv4(firstNode.internalIP, `node ${firstNode.name} internalIP`) & 0xffffff00)}/24`;
  const lan = parseCidr(lanText, 'lanCIDR');
  const gateway = hostInCidr(lan, 1);
  const clientIP = options.clientIP ?? '192.168.10.100';
  const used = new Map<string, string>([[gateway, 'the LAN gateway']]);
  const claim = (ip: string, owner: string): void => {
    if (!cidrContains(lan, parseIPv4(ip, owner))) throw new Error(`${owner}: ${ip} is outside the LAN ${lanText}`);
    const other = used.get(ip);
    if (other) throw new Error(`${owner}: ${ip} is already used by ${other}`);
    used.set(ip, owner);
  };
  claim(clientIP, 'client IP');
  const extraClientIPs = options.extraClientIPs ?? [];
  for (const ip of extraClientIPs) claim(ip, 'extra client IP');

  const portsByPodIP = new Map<string, Set<number>>();
  for (const slice of cluster.endpointSlices) {
    for (const endpoint of slice.endpoints) {
      for (const address of endpoint.addresses) {
        const set = portsByPodIP.get(address) ?? new Set<number>();
        for (const port of slice.ports) if (port.protocol === 'TCP') set.add(port.port);
        portsByPodIP.set(address, set);
      }
    }
  }

  const nodeNames = new Set(cluster.nodes.map((n) => n.name));
  for (const pod of cluster.pods) {
    if (!nodeNames.has(pod.nodeName)) {
      throw new Error(`pod ${pod.namespace}/${pod.name}: nodeName "${pod.nodeName}" is not a node of the cluster`);
    }
  }

  const nodes: NodePlan[] = cluster.nodes.map((node, index) => {
    claim(node.internalIP, `node ${node.name} internalIP`);
    const podCIDR = parseCidr(node.podCIDR, `node ${node.name} podCIDR`);
    const podGateway = hostInCidr(podCIDR, 1);
    // Veths are numbered over the node's pods in cluster order, hostNetwork pods skipped, as
    // the engine's walk numbers them (src/engine/network/topology.ts).
    let vethIndex = 0;
    const pods: PodPlan[] = cluster.pods
      .filter((pod) => pod.nodeName === node.name)
      .map((pod) => {
        const owner = `pod ${pod.namespace}/${pod.name}`;
        const ports = new Set(portsByPodIP.get(pod.ip) ?? []);
        for (const port of pod.ports) if (port.protocol === 'TCP') ports.add(port.containerPort);
        const tcpPorts = [...ports].sort((a, b) => a - b);
        const key = `${pod.namespace}/${pod.name}`;
        if (pod.ip === node.internalIP) {
          const netns = names.nodeNetns(prefix, node.name);
          return {
            key,
            name: pod.name,
            nodeName: node.name,
            netns,
            ip: pod.ip,
            gateway: '',
            podInterface: '',
            nodeInterface: '',
            hostNetwork: true,
            tcpPorts,
          };
        }
        if (!cidrContains(podCIDR, parseIPv4(pod.ip, `${owner} ip`))) {
          throw new Error(`${owner}: ip ${pod.ip} is outside its node ${node.name}'s podCIDR ${node.podCIDR}`);
        }
        if (pod.ip === podGateway) throw new Error(`${owner}: ip ${pod.ip} is the node's pod gateway address`);
        return {
          key,
          name: pod.name,
          nodeName: node.name,
          netns: names.podNetns(prefix, pod.namespace, pod.name),
          ip: pod.ip,
          gateway: podGateway,
          podInterface: names.POD_INTERFACE,
          nodeInterface: names.podVethOnNode(vethIndex++),
          hostNetwork: false,
          tcpPorts,
        };
      });
    const routes: RoutePlan[] = cluster.nodes
      .filter((other) => other.name !== node.name)
      .map((other) => ({ to: other.podCIDR, via: other.internalIP }));
    routes.push({ to: 'default', via: gateway });
    return {
      name: node.name,
      netns: names.nodeNetns(prefix, node.name),
      ip: node.internalIP,
      podCIDR: node.podCIDR,
      lanInterface: names.LAN_INTERFACE,
      lanPort: names.lanPort(index),
      routes,
      pods,
    };
  });

  const pods = nodes.flatMap((n) => n.pods);
  const podNamespaces = pods.filter((p) => !p.hostNetwork).map((p) => p.netns);
  const seenIPs = new Map<string, string>();
  for (const pod of pods) {
    if (pod.hostNetwork) continue;
    const other = seenIPs.get(pod.ip);
    if (other) throw new Error(`pod ${pod.key}: ip ${pod.ip} is already used by pod ${other}`);
    seenIPs.set(pod.ip, pod.key);
  }

  const client: ClientPlan = {
    netns: names.clientNetns(prefix),
    ip: clientIP,
    extraIPs: extraClientIPs,
    lanInterface: names.LAN_INTERFACE,
    lanPort: names.lanPort(nodes.length),
    routes: [{ to: 'default', via: gateway }],
  };
  const lanPlan = { netns: names.lanNetns(prefix), bridge: names.LAN_BRIDGE, gateway, prefixLength: lan.bits };
  return {
    prefix,
    lan: lanPlan,
    nodes,
    pods,
    client,
    allNetns: [lanPlan.netns, ...nodes.map((n) => n.netns), ...podNamespaces, client.netns],
  };
}
