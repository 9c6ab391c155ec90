import type { ServicePortInfo } from '../servicePorts';
import type { LineBuffer } from './lineBuffer';
import type { ServiceRulesContext } from './serviceContext';
import { NFACCT_LOCALHOST_NODEPORTS } from './serviceContext';
import type { ServicePlan } from './servicePlan';

/**
 * The match every rule on a service address shares: comment, protocol, destination IP, port.
 * kube-proxy spells it out at each site; one helper keeps the word order identical everywhere.
 */
export function vipMatch(comment: string, protocol: string, ip: string, port: string): string[] {
  return ['-m', 'comment', '--comment', comment, '-m', protocol, '-p', protocol, '-d', ip, '--dport', port];
}

/**
 * The capture rules of one service port, in syncProxyRules' order: clusterIP, externalIPs and
 * load-balancer IPs in KUBE-SERVICES, NodePorts in KUBE-NODEPORTS, and the filter-table rules
 * (KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-PROXY-FIREWALL, KUBE-NODEPORTS) that reject or drop
 * what has no endpoint or that the firewall does not accept.
 */
export function writeCaptureRules(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { filterRules, natRules } = ctx;
  const protocol = svc.protocol;
  const name = svc.nameString;
  const port = String(svc.port.port);
  const { hasEndpoints, hasInternalEndpoints, hasExternalEndpoints, externalTrafficChain } = plan;
  const { externalTrafficFilterComment, externalTrafficFilterTarget } = plan;
  const capture = (buffer: LineBuffer, chain: string, comment: string, ip: string, target: string): void =>
    buffer.write('-A', chain, vipMatch(comment, protocol, ip, port), '-j', target);

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    capture(natRules, 'KUBE-SERVICES', `"${name} cluster IP"`, svc.clusterIP, plan.internalTrafficChain);
  } else {
    const { internalTrafficFilterComment, internalTrafficFilterTarget } = plan;
    capture(filterRules, 'KUBE-SERVICES', internalTrafficFilterComment, svc.clusterIP, internalTrafficFilterTarget);
  }

  // Capture externalIPs.
  for (const externalIP of svc.externalIPs) {
    if (hasEndpoints) capture(natRules, 'KUBE-SERVICES', `"${name} external IP"`, externalIP, externalTrafficChain);
    if (!hasExternalEndpoints) {
      const comment = externalTrafficFilterComment;
      capture(filterRules, 'KUBE-EXTERNAL-SERVICES', comment, externalIP, externalTrafficFilterTarget);
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of svc.loadBalancerVIPs) {
    if (hasEndpoints) {
      capture(natRules, 'KUBE-SERVICES', `"${name} loadbalancer IP"`, lbip, plan.loadBalancerTrafficChain);
    }
    if (plan.usesFWChain) {
      const comment = `"${name} traffic not accepted by ${plan.fwChain}"`;
      capture(filterRules, 'KUBE-PROXY-FIREWALL', comment, lbip, 'DROP');
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of svc.loadBalancerVIPs) {
      const comment = externalTrafficFilterComment;
      capture(filterRules, 'KUBE-EXTERNAL-SERVICES', comment, lbip, externalTrafficFilterTarget);
    }
  }

  writeNodePortRules(ctx, svc, plan);
}

/** The NodePort and health-check NodePort captures: matched by port alone, on any local address. */
function writeNodePortRules(ctx: ServiceRulesContext, svc: ServicePortInfo, plan: ServicePlan): void {
  const { filterRules, natRules } = ctx;
  const protocol = svc.protocol;
  const name = svc.nameString;
  const { externalTrafficChain } = plan;

  // Capture nodeports.
  if (svc.port.nodePort !== 0) {
    const nodePort = String(svc.port.nodePort);
    const match = ['-m', 'comment', '--comment', name, '-m', protocol, '-p', protocol];
    if (plan.hasEndpoints) {
      // NodePorts are not subject to loadBalancerSourceRanges.
      if (ctx.localhostNodePorts && ctx.nfacct) {
        const accounting = ['-m', 'nfacct', '--nfacct-name', NFACCT_LOCALHOST_NODEPORTS];
        const localhost = ['-d', '127.0.0.0/8', '--dport', nodePort];
        natRules.write('-A', 'KUBE-NODEPORTS', match, localhost, accounting, '-j', externalTrafficChain);
      }
      natRules.write('-A', 'KUBE-NODEPORTS', match, '--dport', nodePort, '-j', externalTrafficChain);
    }
    if (!plan.hasExternalEndpoints) {
      filterRules.write(
        '-A',
        'KUBE-EXTERNAL-SERVICES',
        ['-m', 'comment', '--comment', plan.externalTrafficFilterComment],
        ['-m', 'addrtype', '--dst-type', 'LOCAL'],
        ['-m', protocol, '-p', protocol, '--dport', nodePort],
        '-j',
        plan.externalTrafficFilterTarget,
      );
    }
  }

  // Capture healthCheckNodePorts (whether or not this node has local endpoints).
  if (svc.healthCheckNodePort !== 0) {
    filterRules.write(
      '-A',
      'KUBE-NODEPORTS',
      ['-m', 'comment', '--comment', `"${name} health check node port"`],
      ['-m', 'tcp', '-p', 'tcp', '--dport', String(svc.healthCheckNodePort)],
      '-j',
      'ACCEPT',
    );
  }
}
