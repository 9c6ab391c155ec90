import { randomBytes } from 'node:crypto';

/**
 * Names for one run. Every namespace starts with the run prefix, so parallel runs never collide
 * and a leftover check can find exactly what this run created. Interface names live inside
 * their own namespace, so they can repeat across namespaces and follow the engine's names.
 */

/** The marker every prefix starts with; `sweepStale` looks only for namespaces carrying it. */
export const PREFIX_MARK = 'bk';

/** A fresh run prefix: the marker, this process's pid (to find stale runs) and random hex. */
export function newRunPrefix(): string {
  return `${PREFIX_MARK}${process.pid.toString(36)}x${randomBytes(3).toString('hex')}`;
}

/** Reads the owner pid back out of a prefix made by newRunPrefix (undefined if not one). */
export function ownerPidOf(netnsName: string): number | undefined {
  const match = /^bk([0-9a-z]+)x[0-9a-f]{6}-/.exec(netnsName);
  return match ? parseInt(match[1]!, 36) : undefined;
}

/** Makes a Kubernetes name safe for a netns file name. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Netns holding the LAN bridge. */
export const lanNetns = (prefix: string): string => `${prefix}-lan`;
/** Netns of a node. */
export const nodeNetns = (prefix: string, node: string): string => `${prefix}-node-${safe(node)}`;
/** Netns of a pod. */
export const podNetns = (prefix: string, namespace: string, pod: string): string =>
  `${prefix}-pod-${safe(namespace)}-${safe(pod)}`;
/** Netns of the external client. */
export const clientNetns = (prefix: string): string => `${prefix}-client`;

/** The bridge inside the LAN netns. */
export const LAN_BRIDGE = 'br0';
/** A node's (and the client's) interface on the LAN, as the engine's walk names it. */
export const LAN_INTERFACE = 'eth0';
/** A pod's own interface, as in every Kubernetes pod. */
export const POD_INTERFACE = 'eth0';
/** The LAN-side end of member `index`'s veth, inside the LAN netns. */
export const lanPort = (index: number): string => `lan${index}`;
/** The node-side end of the veth of the `index`th pod on a node (0-based). */
export const podVethOnNode = (index: number): string => `veth${index}`;
