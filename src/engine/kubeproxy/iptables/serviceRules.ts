import type { EndpointInfo } from '../endpoints';
import type { ServicePortInfo } from '../servicePorts';
import { writeCaptureRules } from './captureRules';
import { writeEndpointChains } from './endpointChains';
import type { ServiceRulesContext } from './serviceContext';
import { planService } from './servicePlan';
import { writeTrafficChains } from './trafficChains';

export type { ServiceRulesContext } from './serviceContext';
export { NFACCT_INVALID_DROPPED, NFACCT_LOCALHOST_NODEPORTS } from './serviceContext';

/**
 * The body of syncProxyRules' loop over service ports (pkg/proxy/iptables/proxier.go), for one
 * port and its endpoints: capture rules in KUBE-SERVICES / KUBE-NODEPORTS, REJECT/DROP filter
 * rules, and the KUBE-EXT/FW/SVC/SVL/SEP chains. The writers run in kube-proxy's order, which
 * is the order of the lines in each buffer: the output is compared byte for byte.
 */
export function writeServiceRules(
  ctx: ServiceRulesContext,
  svc: ServicePortInfo,
  allEndpoints: readonly EndpointInfo[],
): void {
  const plan = planService(svc, allEndpoints);
  writeCaptureRules(ctx, svc, plan);
  writeTrafficChains(ctx, svc, plan);
  writeEndpointChains(ctx, svc, plan);
}
