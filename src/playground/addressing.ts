/**
 * The playground's addressing conventions (the bounce challenge's): node-N at 192.168.10.1N
 * with podCIDR 10.244.N.0/24, the Nth pod of a node at .N+1, the Service and LB addresses.
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

/** Node `index` of the scenario. */
export function nodeOf(index: number): Node {
  return { name: nodeNameOf(index), internalIP: `192.168.10.${11 + index}`, podCIDR: `10.244.${index + 1}.0/24` };
}

/** Each pod's name, node and address: pods on a node get .2, .3, … in pod order. */
export function podPlaces(s: PlaygroundScenario): { name: string; nodeName: string; ip: string }[] {
  const used = new Array<number>(s.nodes).fill(0);
  return s.pods.map((p, i) => {
    const n = used[p.node] ?? 0;
    used[p.node] = n + 1;
    return { name: podNameOf(i), nodeName: nodeNameOf(p.node), ip: `10.244.${p.node + 1}.${2 + n}` };
  });
}
