import type { EndpointInfo } from '../endpoints';
import { categorizeEndpoints } from '../endpoints';
import type { ServicePortInfo } from '../servicePorts';

/**
 * The decisions syncProxyRules makes for one service port before it writes a rule: which
 * endpoints count, which chains exist, and what the filter table does when endpoints are missing.
 * Every rule writer reads the same plan, so they cannot disagree about a chain.
 */
export interface ServicePlan {
  readonly clusterEndpoints: readonly EndpointInfo[];
  readonly localEndpoints: readonly EndpointInfo[];
  readonly allReachableEndpoints: readonly EndpointInfo[];
  readonly hasEndpoints: boolean;
  readonly clusterPolicyChain: string;
  readonly usesClusterPolicyChain: boolean;
  readonly localPolicyChain: string;
  readonly usesLocalPolicyChain: boolean;
  readonly internalTrafficChain: string;
  readonly hasInternalEndpoints: boolean;
  readonly externalPolicyChain: string;
  readonly hasExternalEndpoints: boolean;
  readonly externalTrafficChain: string;
  readonly usesExternalTrafficChain: boolean;
  readonly loadBalancerTrafficChain: string;
  readonly fwChain: string;
  readonly usesFWChain: boolean;
  /** REJECT (no endpoints), DROP (no local endpoints) or '' (traffic is served). */
  readonly internalTrafficFilterTarget: string;
  readonly internalTrafficFilterComment: string;
  readonly externalTrafficFilterTarget: string;
  readonly externalTrafficFilterComment: string;
}

/** The head of syncProxyRules' per-service loop (pkg/proxy/iptables/proxier.go), before any rule is written. */
export function planService(svc: ServicePortInfo, allEndpoints: readonly EndpointInfo[]): ServicePlan {
  const name = svc.nameString;
  const {
    clusterEndpoints,
    localEndpoints,
    allReachableEndpoints,
    hasAnyEndpoints: hasEndpoints,
  } = categorizeEndpoints(allEndpoints, svc.usesClusterEndpoints, svc.usesLocalEndpoints);
  const clusterPolicyChain = svc.chains.cluster;
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && svc.usesClusterEndpoints;
  const localPolicyChain = svc.chains.local;
  const usesLocalPolicyChain = localEndpoints.length > 0 && svc.usesLocalEndpoints;

  let internalPolicyChain = clusterPolicyChain;
  let hasInternalEndpoints = hasEndpoints;
  if (svc.internalPolicyLocal) {
    internalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  const internalTrafficChain = internalPolicyChain;

  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasEndpoints;
  if (svc.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = svc.chains.external;
  const usesExternalTrafficChain = hasEndpoints && svc.externallyAccessible;

  let loadBalancerTrafficChain = externalTrafficChain;
  const fwChain = svc.chains.firewall;
  const usesFWChain = hasEndpoints && svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  if (usesFWChain) loadBalancerTrafficChain = fwChain;

  let internalTrafficFilterTarget = '';
  let internalTrafficFilterComment = '';
  let externalTrafficFilterTarget = '';
  let externalTrafficFilterComment = '';
  if (!hasEndpoints) {
    internalTrafficFilterTarget = 'REJECT';
    internalTrafficFilterComment = `"${name} has no endpoints"`;
    externalTrafficFilterTarget = 'REJECT';
    externalTrafficFilterComment = internalTrafficFilterComment;
  } else {
    if (!hasInternalEndpoints) {
      internalTrafficFilterTarget = 'DROP';
      internalTrafficFilterComment = `"${name} has no local endpoints"`;
    }
    if (!hasExternalEndpoints) {
      externalTrafficFilterTarget = 'DROP';
      externalTrafficFilterComment = `"${name} has no local endpoints"`;
    }
  }

  return {
    clusterEndpoints,
    localEndpoints,
    allReachableEndpoints,
    hasEndpoints,
    clusterPolicyChain,
    usesClusterPolicyChain,
    localPolicyChain,
    usesLocalPolicyChain,
    internalTrafficChain,
    hasInternalEndpoints,
    externalPolicyChain,
    hasExternalEndpoints,
    externalTrafficChain,
    usesExternalTrafficChain,
    loadBalancerTrafficChain,
    fwChain,
    usesFWChain,
    internalTrafficFilterTarget,
    internalTrafficFilterComment,
    externalTrafficFilterTarget,
    externalTrafficFilterComment,
  };
}
