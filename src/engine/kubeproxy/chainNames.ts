import { sha256 } from '@noble/hashes/sha2';
import { base32 } from './base32';

/** The first 16 base32 characters of SHA-256(text), as kube-proxy's portProtoHash computes. */
export function hash16(text: string): string {
  return base32(sha256(new TextEncoder().encode(text))).slice(0, 16);
}

/** ServicePortName.String(): "ns/name:port", or "ns/name" when the port has no name. */
export function servicePortNameString(namespace: string, name: string, portName: string): string {
  return portName === '' ? `${namespace}/${name}` : `${namespace}/${name}:${portName}`;
}

/** The per-service-port chains (they share one hash, only the prefix differs). */
export interface ServiceChains {
  /** KUBE-SVC-…: endpoints for Cluster traffic policy. */
  readonly cluster: string;
  /** KUBE-SVL-…: endpoints for Local traffic policy. */
  readonly local: string;
  /** KUBE-EXT-…: entry point for NodePort, external IP and load-balancer traffic. */
  readonly external: string;
  /** KUBE-FW-…: loadBalancerSourceRanges filter. */
  readonly firewall: string;
}

/** Chain names for a service port; `protocol` lower-case ("tcp"), no separator before it. */
export function serviceChains(svcPortName: string, protocol: string): ServiceChains {
  const h = hash16(svcPortName + protocol);
  return { cluster: `KUBE-SVC-${h}`, local: `KUBE-SVL-${h}`, external: `KUBE-EXT-${h}`, firewall: `KUBE-FW-${h}` };
}

/** KUBE-SEP-… for one endpoint ("10.244.1.2:8080") of a service port. */
export function endpointChain(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + protocol + endpoint)}`;
}
