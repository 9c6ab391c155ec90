import { inPrefix, parsePrefix } from '../../netfilter/ip';
import type { ServicePortInfo } from '../servicePorts';
import { vipMatch } from './captureRules';
import type { ServiceRulesContext } from './serviceContext';
import { chainLine } from './serviceContext';
import type { ServicePlan } from './servicePlan';

/**
 * The masquerade and hand-off rules of one service port, in syncProxyRules' order: the
 * clusterIP masquerade at the head of the internal chain, the KUBE-EXT chain, then the
 * KUBE-FW chain that applies loadBalancerSourceRanges.
 */
export function writeTrafficChains(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { natRules, detector } = ctx;
  const name = svc.nameString;

  // Set up internal traffic handling.
  if (plan.hasInternalEndpoints) {
    const args = vipMatch(`"${name} cluster IP"`, svc.protocol, svc.clusterIP, String(svc.port.port));
    if (ctx.masqueradeAll) {
      natRules.write('-A', plan.internalTrafficChain, args, '-j', 'KUBE-MARK-MASQ');
    } else if (detector !== undefined) {
      // Masquerade off-cluster traffic to a service VIP: it may bounce to another node.
      natRules.write('-A', plan.internalTrafficChain, args, detector.ifNotLocal, '-j', 'KUBE-MARK-MASQ');
    }
  }

  if (plan.usesExternalTrafficChain) writeExternalChain(ctx, svc, plan);
  if (plan.usesFWChain) writeFirewallChain(ctx, svc, plan);
}

/** KUBE-EXT: masquerade what may leave the node, short-circuit local traffic when the policy is Local. */
function writeExternalChain(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { natChains, natRules, detector } = ctx;
  const name = svc.nameString;
  const { externalTrafficChain, clusterPolicyChain } = plan;
  const rule = (comment: string): string[] => ['-A', externalTrafficChain, '-m', 'comment', '--comment', comment];
  const fromLocal = ['-m', 'addrtype', '--src-type', 'LOCAL'];

  natChains.write(chainLine(externalTrafficChain));
  if (!svc.externalPolicyLocal) {
    // Endpoints may be on other nodes, so masquerade.
    natRules.write(rule(`"masquerade traffic for ${name} external destinations"`), '-j', 'KUBE-MARK-MASQ');
  } else {
    if (detector !== undefined) {
      // Pod traffic to an external destination is short-circuited to all endpoints.
      const comment = `"pod traffic for ${name} external destinations"`;
      natRules.write(rule(comment), detector.ifLocal, '-j', clusterPolicyChain);
    }
    const masquerade = `"masquerade LOCAL traffic for ${name} external destinations"`;
    natRules.write(rule(masquerade), fromLocal, '-j', 'KUBE-MARK-MASQ');
    natRules.write(
      rule(`"route LOCAL traffic for ${name} external destinations"`),
      fromLocal,
      '-j',
      clusterPolicyChain,
    );
  }
  if (plan.hasExternalEndpoints) natRules.write('-A', externalTrafficChain, '-j', plan.externalPolicyChain);
}

/** KUBE-FW: accept the loadBalancerSourceRanges into KUBE-EXT; KUBE-PROXY-FIREWALL drops the rest. */
function writeFirewallChain(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { natChains, natRules } = ctx;
  const name = svc.nameString;
  const { fwChain, externalTrafficChain } = plan;

  natChains.write(chainLine(fwChain));
  const args = ['-A', fwChain, '-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
  let allowFromNode = false;
  for (const range of svc.loadBalancerSourceRanges) {
    natRules.write(args, '-s', range, '-j', externalTrafficChain);
    const cidr = parsePrefix(range);
    if (cidr !== null && ctx.nodeIP !== null && inPrefix(ctx.nodeIP, cidr)) allowFromNode = true;
  }
  // A VIP-like LB IP is often local on the node: node → VIP loops back with the VIP as source.
  if (allowFromNode) {
    for (const lbip of svc.loadBalancerVIPs) natRules.write(args, '-s', lbip, '-j', externalTrafficChain);
  }
  // Reaching the end means no DNAT happened; KUBE-PROXY-FIREWALL drops the packet.
  const comment = `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`;
  natRules.write('-A', fwChain, '-m', 'comment', '--comment', comment);
}
