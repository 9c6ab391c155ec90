import type { IPFamily } from '../netfilter/ip';
import { addressesOf, normalizeCidrOf, normalizeIPOf } from './family';
import type { Protocol, Service, ServicePort } from '../model/types';
import type { ServiceChains } from './chainNames';
import { serviceChains, servicePortNameString } from './chainNames';

/**
 * One Service port as kube-proxy's ServicePortMap holds it (pkg/proxy/serviceport.go plus the
 * iptables proxier's cached chain names), for the proxier of one family: addresses are
 * normalised, entries of the other family and Proxy-mode load-balancer IPs are dropped.
 */
export interface ServicePortInfo {
  readonly service: Service;
  readonly port: ServicePort;
  /** "ns/name:port" (ServicePortName.String()). */
  readonly nameString: string;
  /** Lower-case protocol as used in rules and chain hashes. */
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly apiProtocol: Protocol;
  readonly clusterIP: string;
  readonly externalIPs: readonly string[];
  readonly loadBalancerVIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  /** Only for LoadBalancer + externalTrafficPolicy Local (apiservice.NeedsHealthCheck); else 0. */
  readonly healthCheckNodePort: number;
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  readonly externallyAccessible: boolean;
  readonly usesClusterEndpoints: boolean;
  readonly usesLocalEndpoints: boolean;
  readonly sessionAffinityClientIP: boolean;
  readonly stickyMaxAgeSeconds: number;
  readonly chains: ServiceChains;
}

/** apiservice.ExternallyAccessible: can the Service be reached other than by its ClusterIP? */
function serviceExternallyAccessible(svc: Service): boolean {
  return (
    svc.type === 'LoadBalancer' || svc.type === 'NodePort' || (svc.type === 'ClusterIP' && svc.externalIPs.length > 0)
  );
}

/** The ServicePortInfo of one port, or undefined for Services kube-proxy skips (headless, no ClusterIP of the family). */
export function servicePortInfo(svc: Service, port: ServicePort, family: IPFamily = 4): ServicePortInfo | undefined {
  if (svc.clusterIP === 'None' || svc.clusterIP === '') return undefined; // proxyutil.ShouldSkipService
  const clusterIP = normalizeIPOf(svc.clusterIP, family);
  if (clusterIP === undefined) return undefined;
  const externalPolicyLocal = serviceExternallyAccessible(svc) && svc.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = svc.internalTrafficPolicy === 'Local';
  const externalIPs = addressesOf(svc.externalIPs, family);
  const loadBalancerVIPs = addressesOf(
    svc.loadBalancerIngress.filter((i) => i.ipMode === 'VIP').map((i) => i.ip),
    family,
  );
  const loadBalancerSourceRanges = svc.loadBalancerSourceRanges.flatMap((r) => {
    const n = normalizeCidrOf(r, family);
    return n === undefined ? [] : [n];
  });
  const externallyAccessible = port.nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
  const protocol = port.protocol.toLowerCase() as ServicePortInfo['protocol'];
  const nameString = servicePortNameString(svc.namespace, svc.name, port.name);
  return {
    service: svc,
    port,
    nameString,
    protocol,
    apiProtocol: port.protocol,
    clusterIP,
    externalIPs,
    loadBalancerVIPs,
    loadBalancerSourceRanges,
    healthCheckNodePort: svc.type === 'LoadBalancer' && externalPolicyLocal ? svc.healthCheckNodePort : 0,
    externalPolicyLocal,
    internalPolicyLocal,
    externallyAccessible,
    usesClusterEndpoints: !internalPolicyLocal || externallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || (externalPolicyLocal && externallyAccessible),
    sessionAffinityClientIP: svc.sessionAffinity === 'ClientIP',
    stickyMaxAgeSeconds: svc.sessionAffinity === 'ClientIP' ? svc.sessionAffinityTimeoutSeconds : 0,
    chains: serviceChains(nameString, protocol),
  };
}

/**
 * Every proxied service port, sorted by "ns/name:port" then protocol. kube-proxy walks a Go
 * map (random order); sorting makes the output deterministic and matches the order its tests
 * sort KUBE-SERVICES and KUBE-NODEPORTS into.
 */
export function servicePortInfos(services: readonly Service[], family: IPFamily = 4): ServicePortInfo[] {
  const out = services.flatMap((svc) => svc.ports.flatMap((port) => servicePortInfo(svc, port, family) ?? []));
  return out.sort((a, b) =>
    a.nameString < b.nameString
      ? -1
      : a.nameString > b.nameString
        ? 1
        : a.protocol < b.protocol
          ? -1
          : a.protocol > b.protocol
            ? 1
            : 0,
  );
}
