import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import type { Cluster } from '../../../src/engine/model/types';

/**
 * The one place the kernel suite calls the engine, so the suite checks the engine's own rules
 * and predictions and nothing hand-written stands in for them.
 */

/** The iptables-save text the engine says kube-proxy leaves on `nodeName`. */
export function engineRules(cluster: Cluster, nodeName: string, style: 'kube-proxy' | 'kernel' = 'kube-proxy'): string {
  return generateIptablesSave(cluster, nodeName, { style });
}
