/**
 * The playground's addressing conventions (the bounce challenge's): node-N at 192.168.10.1N
 * with podCIDR 10.244.N.0/24, the Nth pod of a node at .N+1, the Service and LB addresses.
 * A dual-stack scenario (family IPv6) gives every one of them an IPv6 twin on the same
 * pattern: node-N at fd00:10::1N with podCIDR fd00:10:244:N::/64, pods at ::2, ::3, …
 * No engine imports, so the page's eager islands can draw with it.
 */
import type { Node } from '../engine/model/types';
import { nodeNameOf, podNameOf, type PlaygroundScenario } from './scenario';

/** The external client's address (the bounce challenge's). */
export const CLIENT_IP = '192.168.10.100';
/** The Service's ClusterIP. */
export const CLUSTER_IP = '10.96.120.15';
/** The LoadBalancer ingress address, on the LAN, announced for a LoadBalancer Service. */
export const LB_IP = '192.168.10.200';
/** The LAN. */
export const LAN_CIDR = '192.168.10.0/24';

/** The IPv6 twins of the addresses above (the Service's inside kube-proxy's default fd00:10:96::/112). */
export const CLIENT_IP6 = 'fd00:10::100';
export const CLUSTER_IP6 = 'fd00:10:96::15';
export const LB_IP6 = 'fd00:10::200';
export const LAN_CIDR6 = 'fd00:10::/64';
/** The pod network of each family (KubeProxyConfiguration clusterCIDR). */
export const CLUSTER_CIDR = '10.244.0.0/16';
export const CLUSTER_CIDR6 = 'fd00:10:244::/56';

/** Node `index` of the scenario (IPv4; with its IPv6 twin when `dualStack`). */
export function nodeOf(index: number, dualStack = false): Node {
  const node: Node = {
    name: nodeNameOf(index),
    internalIP: `192.168.10.${11 + index}`,
    podCIDR: `10.244.${index + 1}.0/24`,
  };
  return dualStack
    ? { ...node, ipv6: { internalIP: `fd00:10::${11 + index}`, podCIDR: `fd00:10:244:${index + 1}::/64` } }
    : node;
}

/** A pod's name, node and address (and IPv6 address in a dual-stack scenario). */
export interface PodPlace {
  readonly name: string;
  readonly nodeName: string;
  readonly ip: string;
  readonly ipv6?: string;
}

/** Each pod's name, node and address: pods on a node get .2, .3, … (::2, ::3, …) in pod order. */
export function podPlaces(s: PlaygroundScenario): PodPlace[] {
  const used = new Array<number>(s.nodes).fill(0);
  return s.pods.map((p, i) => {
    const n = used[p.node] ?? 0;
    used[p.node] = n + 1;
    const place = { name: podNameOf(i), nodeName: nodeNameOf(p.node), ip: `10.244.${p.node + 1}.${2 + n}` };
    return s.family === 'IPv6' ? { ...place, ipv6: `fd00:10:244:${p.node + 1}::${2 + n}` } : place;
  });
}

/** The addresses the reader sees and the client uses, in the scenario's family. */
export interface FamilyAddresses {
  readonly client: string;
  readonly clusterIP: string;
  readonly lb: string;
  readonly lan: string;
  /** Node `index`'s address. */
  readonly node: (index: number) => string;
  /** Node `index`'s pod CIDR. */
  readonly podCIDR: (index: number) => string;
}

/** The addresses of the scenario's family (pods: podPlaces, whose `ipv6` is set in a dual-stack scenario). */
export function addressesOf(s: PlaygroundScenario): FamilyAddresses {
  const v6 = s.family === 'IPv6';
  return {
    client: v6 ? CLIENT_IP6 : CLIENT_IP,
    clusterIP: v6 ? CLUSTER_IP6 : CLUSTER_IP,
    lb: v6 ? LB_IP6 : LB_IP,
    lan: v6 ? LAN_CIDR6 : LAN_CIDR,
    node: (i) => {
      const n = nodeOf(i, v6);
      return n.ipv6?.internalIP ?? n.internalIP;
    },
    podCIDR: (i) => {
      const n = nodeOf(i, v6);
      return n.ipv6?.podCIDR ?? n.podCIDR;
    },
  };
}
