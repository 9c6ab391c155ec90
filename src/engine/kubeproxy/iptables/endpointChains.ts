import type { EndpointInfo } from '../endpoints';
import { endpointChain } from '../chainNames';
import { computeProbability } from '../probability';
import type { ServicePortInfo } from '../servicePorts';
import type { LineBuffer } from './lineBuffer';
import type { ServiceRulesContext } from './serviceContext';
import { chainLine } from './serviceContext';
import type { ServicePlan } from './servicePlan';

/**
 * The tail of syncProxyRules' per-service loop: the KUBE-SVC (cluster) and KUBE-SVL (local)
 * policy chains that spread traffic over endpoints, then one KUBE-SEP chain per reachable
 * endpoint that DNATs to it.
 */
export function writeEndpointChains(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { natChains, natRules, serviceComment } = ctx;
  const protocol = svc.protocol;
  const name = svc.nameString;

  if (plan.usesClusterPolicyChain) {
    natChains.write(chainLine(plan.clusterPolicyChain));
    writeServiceToEndpointRules(natRules, svc, plan.clusterPolicyChain, plan.clusterEndpoints, serviceComment);
  }
  if (plan.usesLocalPolicyChain) {
    natChains.write(chainLine(plan.localPolicyChain));
    writeServiceToEndpointRules(natRules, svc, plan.localPolicyChain, plan.localEndpoints, serviceComment);
  }

  // Generate the per-endpoint chains.
  for (const ep of plan.allReachableEndpoints) {
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
      const recent = ['-m', 'recent', '--name', epChain, '--rcheck', '--seconds', String(svc.stickyMaxAgeSeconds)];
      natRules.write(args, recent, '--reap', '-j', epChain);
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
