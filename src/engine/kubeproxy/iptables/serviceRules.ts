import { cidrContains, parseCidr } from '../../model/ip';
import { endpointChain } from '../chainNames';
import type { EndpointInfo } from '../endpoints';
import { categorizeEndpoints } from '../endpoints';
import { computeProbability } from '../probability';
import type { ServicePortInfo } from '../servicePorts';
import type { LineBuffer } from './lineBuffer';
import type { LocalDetector } from './nodeContext';

/** nfacct counter of localhost NodePort packets (pkg/proxy/metrics). */
export const NFACCT_LOCALHOST_NODEPORTS = 'localhost_nps_accepted_pkts';
/** nfacct counter of INVALID packets dropped in KUBE-FORWARD (pkg/proxy/metrics). */
export const NFACCT_INVALID_DROPPED = 'ct_state_invalid_dropped_pkts';

/** What the per-service part of syncProxyRules reads and writes. */
export interface ServiceRulesContext {
  readonly filterRules: LineBuffer;
  readonly natChains: LineBuffer;
  readonly natRules: LineBuffer;
  readonly detector: LocalDetector | undefined;
  readonly masqueradeAll: boolean;
  /** localhostNodePorts in force (configured and a loopback among nodePortAddresses). */
  readonly localhostNodePorts: boolean;
  readonly nfacct: boolean;
  readonly nodeIP: number | null;
  /** appendServiceCommentLocked: the comment, unless in large-cluster mode. */
  readonly serviceComment: (args: string[], comment: string) => string[];
}

/**
 * The body of syncProxyRules' loop over service ports (pkg/proxy/iptables/proxier.go), for one
 * port and its endpoints: capture rules in KUBE-SERVICES / KUBE-NODEPORTS, REJECT/DROP filter
 * rules, and the KUBE-EXT/FW/SVC/SVL/SEP chains.
 */
export function writeServiceRules(
  ctx: ServiceRulesContext,
  svc: ServicePortInfo,
  allEndpoints: readonly EndpointInfo[],
): void {
  const { filterRules, natChains, natRules, detector, serviceComment } = ctx;
  const chainLine = (name: string): string => `:${name} - [0:0]`;
  const protocol = svc.protocol;
  const name = svc.nameString;
  const port = String(svc.port.port);
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

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    natRules.write(
      '-A',
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      `"${name} cluster IP"`,
      '-m',
      protocol,
      '-p',
      protocol,
      '-d',
      svc.clusterIP,
      '--dport',
      port,
      '-j',
      internalTrafficChain,
    );
  } else {
    filterRules.write(
      '-A',
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      internalTrafficFilterComment,
      '-m',
      protocol,
      '-p',
      protocol,
      '-d',
      svc.clusterIP,
      '--dport',
      port,
      '-j',
      internalTrafficFilterTarget,
    );
  }

  // Capture externalIPs.
  for (const externalIP of svc.externalIPs) {
    if (hasEndpoints) {
      natRules.write(
        '-A',
        'KUBE-SERVICES',
        '-m',
        'comment',
        '--comment',
        `"${name} external IP"`,
        '-m',
        protocol,
        '-p',
        protocol,
        '-d',
        externalIP,
        '--dport',
        port,
        '-j',
        externalTrafficChain,
      );
    }
    if (!hasExternalEndpoints) {
      filterRules.write(
        '-A',
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalTrafficFilterComment,
        '-m',
        protocol,
        '-p',
        protocol,
        '-d',
        externalIP,
        '--dport',
        port,
        '-j',
        externalTrafficFilterTarget,
      );
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of svc.loadBalancerVIPs) {
    if (hasEndpoints) {
      natRules.write(
        '-A',
        'KUBE-SERVICES',
        '-m',
        'comment',
        '--comment',
        `"${name} loadbalancer IP"`,
        '-m',
        protocol,
        '-p',
        protocol,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        loadBalancerTrafficChain,
      );
    }
    if (usesFWChain) {
      filterRules.write(
        '-A',
        'KUBE-PROXY-FIREWALL',
        '-m',
        'comment',
        '--comment',
        `"${name} traffic not accepted by ${fwChain}"`,
        '-m',
        protocol,
        '-p',
        protocol,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        'DROP',
      );
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of svc.loadBalancerVIPs) {
      filterRules.write(
        '-A',
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalTrafficFilterComment,
        '-m',
        protocol,
        '-p',
        protocol,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        externalTrafficFilterTarget,
      );
    }
  }

  // Capture nodeports.
  if (svc.port.nodePort !== 0) {
    const nodePort = String(svc.port.nodePort);
    if (hasEndpoints) {
      // NodePorts are not subject to loadBalancerSourceRanges.
      if (ctx.localhostNodePorts && ctx.nfacct) {
        natRules.write(
          '-A',
          'KUBE-NODEPORTS',
          '-m',
          'comment',
          '--comment',
          name,
          '-m',
          protocol,
          '-p',
          protocol,
          '-d',
          '127.0.0.0/8',
          '--dport',
          nodePort,
          '-m',
          'nfacct',
          '--nfacct-name',
          NFACCT_LOCALHOST_NODEPORTS,
          '-j',
          externalTrafficChain,
        );
      }
      natRules.write(
        '-A',
        'KUBE-NODEPORTS',
        '-m',
        'comment',
        '--comment',
        name,
        '-m',
        protocol,
        '-p',
        protocol,
        '--dport',
        nodePort,
        '-j',
        externalTrafficChain,
      );
    }
    if (!hasExternalEndpoints) {
      filterRules.write(
        '-A',
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalTrafficFilterComment,
        '-m',
        'addrtype',
        '--dst-type',
        'LOCAL',
        '-m',
        protocol,
        '-p',
        protocol,
        '--dport',
        nodePort,
        '-j',
        externalTrafficFilterTarget,
      );
    }
  }

  // Capture healthCheckNodePorts (whether or not this node has local endpoints).
  if (svc.healthCheckNodePort !== 0) {
    filterRules.write(
      '-A',
      'KUBE-NODEPORTS',
      '-m',
      'comment',
      '--comment',
      `"${name} health check node port"`,
      '-m',
      'tcp',
      '-p',
      'tcp',
      '--dport',
      String(svc.healthCheckNodePort),
      '-j',
      'ACCEPT',
    );
  }

  // Set up internal traffic handling.
  if (hasInternalEndpoints) {
    const args = [
      '-m',
      'comment',
      '--comment',
      `"${name} cluster IP"`,
      '-m',
      protocol,
      '-p',
      protocol,
      '-d',
      svc.clusterIP,
      '--dport',
      port,
    ];
    if (ctx.masqueradeAll) {
      natRules.write('-A', internalTrafficChain, args, '-j', 'KUBE-MARK-MASQ');
    } else if (detector !== undefined) {
      // Masquerade off-cluster traffic to a service VIP: it may bounce to another node.
      natRules.write('-A', internalTrafficChain, args, detector.ifNotLocal, '-j', 'KUBE-MARK-MASQ');
    }
  }

  // Set up external traffic handling.
  if (usesExternalTrafficChain) {
    natChains.write(chainLine(externalTrafficChain));
    if (!svc.externalPolicyLocal) {
      // Endpoints may be on other nodes, so masquerade.
      natRules.write(
        '-A',
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"masquerade traffic for ${name} external destinations"`,
        '-j',
        'KUBE-MARK-MASQ',
      );
    } else {
      if (detector !== undefined) {
        // Pod traffic to an external destination is short-circuited to all endpoints.
        natRules.write(
          '-A',
          externalTrafficChain,
          '-m',
          'comment',
          '--comment',
          `"pod traffic for ${name} external destinations"`,
          detector.ifLocal,
          '-j',
          clusterPolicyChain,
        );
      }
      natRules.write(
        '-A',
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"masquerade LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        'KUBE-MARK-MASQ',
      );
      natRules.write(
        '-A',
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"route LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        clusterPolicyChain,
      );
    }
    if (hasExternalEndpoints) natRules.write('-A', externalTrafficChain, '-j', externalPolicyChain);
  }

  // Set up the firewall chain, if needed.
  if (usesFWChain) {
    natChains.write(chainLine(fwChain));
    const args = ['-A', fwChain, '-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
    let allowFromNode = false;
    for (const range of svc.loadBalancerSourceRanges) {
      natRules.write(args, '-s', range, '-j', externalTrafficChain);
      const cidr = parseCidr(range);
      if (cidr !== undefined && ctx.nodeIP !== null && cidrContains(cidr, ctx.nodeIP)) allowFromNode = true;
    }
    // A VIP-like LB IP is often local on the node: node → VIP loops back with the VIP as source.
    if (allowFromNode) {
      for (const lbip of svc.loadBalancerVIPs) natRules.write(args, '-s', lbip, '-j', externalTrafficChain);
    }
    // Reaching the end means no DNAT happened; KUBE-PROXY-FIREWALL drops the packet.
    natRules.write(
      '-A',
      fwChain,
      '-m',
      'comment',
      '--comment',
      `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`,
    );
  }

  if (usesClusterPolicyChain) {
    natChains.write(chainLine(clusterPolicyChain));
    writeServiceToEndpointRules(natRules, svc, clusterPolicyChain, clusterEndpoints, serviceComment);
  }
  if (usesLocalPolicyChain) {
    natChains.write(chainLine(localPolicyChain));
    writeServiceToEndpointRules(natRules, svc, localPolicyChain, localEndpoints, serviceComment);
  }

  // Generate the per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const endpointChainName = endpointChain(name, protocol, ep.endpoint);
    natChains.write(chainLine(endpointChainName));
    let args = serviceComment(['-A', endpointChainName], name);
    // Handle traffic that loops back to the originator with SNAT.
    natRules.write(args, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
    if (svc.sessionAffinityClientIP) args = [...args, '-m', 'recent', '--name', endpointChainName, '--set'];
    natRules.write(args, '-m', protocol, '-p', protocol, '-j', 'DNAT', '--to-destination', ep.endpoint);
  }
}

function writeServiceToEndpointRules(
  natRules: LineBuffer,
  svc: ServicePortInfo,
  svcChain: string,
  endpoints: readonly EndpointInfo[],
  serviceComment: (args: string[], comment: string) => string[],
): void {
  const name = svc.nameString;
  // First the session affinity rules, if applicable.
  if (svc.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      const epChain = endpointChain(name, svc.protocol, ep.endpoint);
      const args = serviceComment(['-A', svcChain], `"${name} -> ${ep.endpoint}"`);
      natRules.write(
        args,
        '-m',
        'recent',
        '--name',
        epChain,
        '--rcheck',
        '--seconds',
        String(svc.stickyMaxAgeSeconds),
        '--reap',
        '-j',
        epChain,
      );
    }
  }
  // Then the load-balancing rules: each a probabilistic match but the last.
  endpoints.forEach((ep, i) => {
    const epChain = endpointChain(name, svc.protocol, ep.endpoint);
    let args = serviceComment(['-A', svcChain], `"${name} -> ${ep.endpoint}"`);
    if (i < endpoints.length - 1) {
      args = [
        ...args,
        '-m',
        'statistic',
        '--mode',
        'random',
        '--probability',
        computeProbability(endpoints.length - i),
      ];
    }
    natRules.write(args, '-j', epChain);
  });
}
