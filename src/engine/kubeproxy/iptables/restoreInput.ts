import { cidrContains, parseCidr, parseIPv4 } from '../../model/ip';
import type { Cluster, Node } from '../../model/types';
import { computeProbability } from '../probability';
import { categorizeEndpoints, endpointsForServicePort } from '../endpoints';
import type { EndpointInfo } from '../endpoints';
import type { ServicePortInfo } from '../servicePorts';
import { servicePortInfos } from '../servicePorts';
import { endpointChain } from '../chainNames';
import type { IptablesOptions } from './options';
import { resolveOptions } from './options';
import { defaultInterfaceAddresses, localDetector, nodeIPsFor, nodePortAddresses } from './nodeContext';

/** kube-proxy switches to "large cluster mode" (no per-endpoint comments) above this. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** nfacct counter of localhost NodePort packets (pkg/proxy/metrics). */
export const NFACCT_LOCALHOST_NODEPORTS = 'localhost_nps_accepted_pkts';
/** nfacct counter of INVALID packets dropped in KUBE-FORWARD (pkg/proxy/metrics). */
export const NFACCT_INVALID_DROPPED = 'ct_state_invalid_dropped_pkts';

type Part = string | readonly string[];

/** proxyutil.LineBuffer: each Write joins its words with single spaces into one line. */
class LineBuffer {
  readonly lines: string[] = [];
  write(...parts: Part[]): void {
    this.lines.push(parts.flatMap((p) => (typeof p === 'string' ? [p] : [...p])).join(' '));
  }
}

/** The mark KUBE-MARK-MASQ sets: 1 << masqueradeBit, printed the way iptables-save prints it. */
export function masqueradeMark(bit: number): string {
  // kube-proxy formats it with %#08x ("0x00004000"); iptables-save and kube-proxy's own test
  // fixtures show the same value as 0x4000, which is what we print.
  return `0x${(2 ** bit).toString(16)}`;
}

/** Finds a node by name or throws a RangeError listing the nodes there are. */
export function findNode(cluster: Cluster, nodeName: string): Node {
  const node = cluster.nodes.find((n) => n.name === nodeName);
  if (node === undefined) {
    const names = cluster.nodes.map((n) => n.name).join(', ');
    throw new RangeError(`no node named "${nodeName}" in the cluster (nodes: ${names === '' ? 'none' : names})`);
  }
  return node;
}

/**
 * The exact text kube-proxy (iptables mode, full sync) hands to `iptables-restore --noflush`
 * on `nodeName`: a line-for-line port of syncProxyRules in pkg/proxy/iptables/proxier.go.
 * kube-proxy walks its services in Go map order; here they are sorted (see servicePortInfos),
 * which is also the order kube-proxy's tests sort the dump into. Stale-chain deletion (`-X`)
 * is not modelled: the state is a fresh node.
 */
export function generateRestoreInput(cluster: Cluster, nodeName: string, options?: IptablesOptions): string {
  const node = findNode(cluster, nodeName);
  const opts = resolveOptions(options);
  const proxy = cluster.proxy;
  const mark = masqueradeMark(proxy.masqueradeBit);
  const detector = localDetector(cluster, node);
  const npa = nodePortAddresses(cluster, node);
  // NewProxier: localhost NodePorts need a loopback address among the nodePortAddresses.
  const localhostNodePorts = proxy.localhostNodePorts && npa.containsIPv4Loopback;
  const nodeIP = parseIPv4(node.internalIP, true);

  const filterChains = new LineBuffer();
  const filterRules = new LineBuffer();
  const natChains = new LineBuffer();
  const natRules = new LineBuffer();
  const chainLine = (name: string): string => `:${name} - [0:0]`;

  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
    filterChains.write(chainLine(chain));
  }
  for (const chain of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) natChains.write(chainLine(chain));

  natRules.write('-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  // Clear the mark to avoid re-masquerading if the packet re-traverses the network stack.
  natRules.write('-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', mark);
  const masqRule = ['-A', 'KUBE-POSTROUTING', '-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE'];
  if (opts.randomFully) masqRule.push('--random-fully');
  natRules.write(masqRule);
  natRules.write('-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', mark);

  if (localhostNodePorts) {
    filterChains.write(chainLine('KUBE-FIREWALL'));
    filterRules.write(
      '-A', 'KUBE-FIREWALL',
      '-m', 'comment', '--comment', '"block incoming localnet connections"',
      '-d', '127.0.0.0/8',
      '!', '-s', '127.0.0.0/8',
      '-m', 'conntrack',
      '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT',
      '-j', 'DROP',
    );
  }

  const services = servicePortInfos(cluster.services).map((info) => ({
    info,
    endpoints: endpointsForServicePort(
      cluster.endpointSlices,
      info.service.namespace,
      info.service.name,
      info.port.name,
      info.apiProtocol,
      node.name,
    ),
  }));
  const totalEndpoints = services.reduce((sum, s) => sum + s.endpoints.length, 0);
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  const serviceComment = (args: string[], comment: string): string[] =>
    largeClusterMode ? args : [...args, '-m', 'comment', '--comment', comment];

  for (const { info: svc, endpoints: allEndpoints } of services) {
    const protocol = svc.protocol;
    const name = svc.nameString;
    const port = String(svc.port.port);
    const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = categorizeEndpoints(
      allEndpoints,
      svc.usesClusterEndpoints,
      svc.usesLocalEndpoints,
    );
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
        '-A', 'KUBE-SERVICES',
        '-m', 'comment', '--comment', `"${name} cluster IP"`,
        '-m', protocol, '-p', protocol,
        '-d', svc.clusterIP,
        '--dport', port,
        '-j', internalTrafficChain,
      );
    } else {
      filterRules.write(
        '-A', 'KUBE-SERVICES',
        '-m', 'comment', '--comment', internalTrafficFilterComment,
        '-m', protocol, '-p', protocol,
        '-d', svc.clusterIP,
        '--dport', port,
        '-j', internalTrafficFilterTarget,
      );
    }

    // Capture externalIPs.
    for (const externalIP of svc.externalIPs) {
      if (hasEndpoints) {
        natRules.write(
          '-A', 'KUBE-SERVICES',
          '-m', 'comment', '--comment', `"${name} external IP"`,
          '-m', protocol, '-p', protocol,
          '-d', externalIP,
          '--dport', port,
          '-j', externalTrafficChain,
        );
      }
      if (!hasExternalEndpoints) {
        filterRules.write(
          '-A', 'KUBE-EXTERNAL-SERVICES',
          '-m', 'comment', '--comment', externalTrafficFilterComment,
          '-m', protocol, '-p', protocol,
          '-d', externalIP,
          '--dport', port,
          '-j', externalTrafficFilterTarget,
        );
      }
    }

    // Capture load-balancer ingress.
    for (const lbip of svc.loadBalancerVIPs) {
      if (hasEndpoints) {
        natRules.write(
          '-A', 'KUBE-SERVICES',
          '-m', 'comment', '--comment', `"${name} loadbalancer IP"`,
          '-m', protocol, '-p', protocol,
          '-d', lbip,
          '--dport', port,
          '-j', loadBalancerTrafficChain,
        );
      }
      if (usesFWChain) {
        filterRules.write(
          '-A', 'KUBE-PROXY-FIREWALL',
          '-m', 'comment', '--comment', `"${name} traffic not accepted by ${fwChain}"`,
          '-m', protocol, '-p', protocol,
          '-d', lbip,
          '--dport', port,
          '-j', 'DROP',
        );
      }
    }
    if (!hasExternalEndpoints) {
      for (const lbip of svc.loadBalancerVIPs) {
        filterRules.write(
          '-A', 'KUBE-EXTERNAL-SERVICES',
          '-m', 'comment', '--comment', externalTrafficFilterComment,
          '-m', protocol, '-p', protocol,
          '-d', lbip,
          '--dport', port,
          '-j', externalTrafficFilterTarget,
        );
      }
    }

    // Capture nodeports.
    if (svc.port.nodePort !== 0) {
      const nodePort = String(svc.port.nodePort);
      if (hasEndpoints) {
        // NodePorts are not subject to loadBalancerSourceRanges.
        if (localhostNodePorts && opts.nfacct) {
          natRules.write(
            '-A', 'KUBE-NODEPORTS',
            '-m', 'comment', '--comment', name,
            '-m', protocol, '-p', protocol,
            '-d', '127.0.0.0/8',
            '--dport', nodePort,
            '-m', 'nfacct', '--nfacct-name', NFACCT_LOCALHOST_NODEPORTS,
            '-j', externalTrafficChain,
          );
        }
        natRules.write(
          '-A', 'KUBE-NODEPORTS',
          '-m', 'comment', '--comment', name,
          '-m', protocol, '-p', protocol,
          '--dport', nodePort,
          '-j', externalTrafficChain,
        );
      }
      if (!hasExternalEndpoints) {
        filterRules.write(
          '-A', 'KUBE-EXTERNAL-SERVICES',
          '-m', 'comment', '--comment', externalTrafficFilterComment,
          '-m', 'addrtype', '--dst-type', 'LOCAL',
          '-m', protocol, '-p', protocol,
          '--dport', nodePort,
          '-j', externalTrafficFilterTarget,
        );
      }
    }

    // Capture healthCheckNodePorts (whether or not this node has local endpoints).
    if (svc.healthCheckNodePort !== 0) {
      filterRules.write(
        '-A', 'KUBE-NODEPORTS',
        '-m', 'comment', '--comment', `"${name} health check node port"`,
        '-m', 'tcp', '-p', 'tcp',
        '--dport', String(svc.healthCheckNodePort),
        '-j', 'ACCEPT',
      );
    }

    // Set up internal traffic handling.
    if (hasInternalEndpoints) {
      const args = ['-m', 'comment', '--comment', `"${name} cluster IP"`, '-m', protocol, '-p', protocol, '-d', svc.clusterIP, '--dport', port];
      if (proxy.masqueradeAll) {
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
          '-A', externalTrafficChain,
          '-m', 'comment', '--comment', `"masquerade traffic for ${name} external destinations"`,
          '-j', 'KUBE-MARK-MASQ',
        );
      } else {
        if (detector !== undefined) {
          // Pod traffic to an external destination is short-circuited to all endpoints.
          natRules.write(
            '-A', externalTrafficChain,
            '-m', 'comment', '--comment', `"pod traffic for ${name} external destinations"`,
            detector.ifLocal,
            '-j', clusterPolicyChain,
          );
        }
        natRules.write(
          '-A', externalTrafficChain,
          '-m', 'comment', '--comment', `"masquerade LOCAL traffic for ${name} external destinations"`,
          '-m', 'addrtype', '--src-type', 'LOCAL',
          '-j', 'KUBE-MARK-MASQ',
        );
        natRules.write(
          '-A', externalTrafficChain,
          '-m', 'comment', '--comment', `"route LOCAL traffic for ${name} external destinations"`,
          '-m', 'addrtype', '--src-type', 'LOCAL',
          '-j', clusterPolicyChain,
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
        const cidr = parseCidr(range, true);
        if (cidr !== undefined && nodeIP !== undefined && cidrContains(cidr, nodeIP)) allowFromNode = true;
      }
      // A VIP-like LB IP is often local on the node: node → VIP loops back with the VIP as source.
      if (allowFromNode) {
        for (const lbip of svc.loadBalancerVIPs) natRules.write(args, '-s', lbip, '-j', externalTrafficChain);
      }
      // Reaching the end means no DNAT happened; KUBE-PROXY-FIREWALL drops the packet.
      natRules.write('-A', fwChain, '-m', 'comment', '--comment', `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`);
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

  // Finally, tail-call to the nodePorts chain. This must be after all other service rules.
  const lastRuleComment = '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
  if (npa.matchAll) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    // Block localhost nodePorts when they are not supported.
    if (!localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', lastRuleComment, destinations, '-j', 'KUBE-NODEPORTS');
  } else {
    const interfaces = opts.interfaceAddresses ?? defaultInterfaceAddresses(node);
    for (const ip of nodeIPsFor(npa, interfaces)) {
      const value = parseIPv4(ip);
      if (value !== undefined && value >>> 24 === 127 && !localhostNodePorts) continue;
      natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', lastRuleComment, '-d', ip, '-j', 'KUBE-NODEPORTS');
    }
  }

  // Drop INVALID packets (unexpected resets) unless the kernel is liberal about TCP windows.
  if (!opts.conntrackTCPLiberal) {
    const rule = ['-A', 'KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID'];
    if (opts.nfacct) rule.push('-m', 'nfacct', '--nfacct-name', NFACCT_INVALID_DROPPED);
    rule.push('-j', 'DROP');
    filterRules.write(rule);
  }
  // Forward marked traffic even if the FORWARD policy is not ACCEPT.
  filterRules.write(
    '-A', 'KUBE-FORWARD',
    '-m', 'comment', '--comment', '"kubernetes forwarding rules"',
    '-m', 'mark', '--mark', `${mark}/${mark}`,
    '-j', 'ACCEPT',
  );
  filterRules.write(
    '-A', 'KUBE-FORWARD',
    '-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"',
    '-m', 'conntrack',
    '--ctstate', 'RELATED,ESTABLISHED',
    '-j', 'ACCEPT',
  );

  return [
    '*filter',
    ...filterChains.lines,
    ...filterRules.lines,
    'COMMIT',
    '*nat',
    ...natChains.lines,
    ...natRules.lines,
    'COMMIT',
    '',
  ].join('\n');
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
      natRules.write(args, '-m', 'recent', '--name', epChain, '--rcheck', '--seconds', String(svc.stickyMaxAgeSeconds), '--reap', '-j', epChain);
    }
  }
  // Then the load-balancing rules: each a probabilistic match but the last.
  endpoints.forEach((ep, i) => {
    const epChain = endpointChain(name, svc.protocol, ep.endpoint);
    let args = serviceComment(['-A', svcChain], `"${name} -> ${ep.endpoint}"`);
    if (i < endpoints.length - 1) {
      args = [...args, '-m', 'statistic', '--mode', 'random', '--probability', computeProbability(endpoints.length - i)];
    }
    natRules.write(args, '-j', epChain);
  });
}
