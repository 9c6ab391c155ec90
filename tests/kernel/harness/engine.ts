import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import { generateNftables } from '../../../src/engine/kubeproxy/nftables';
import type { Cluster } from '../../../src/engine/model/types';
import {
  createSimulation,
  type ConnectionResult,
  type ExactOutcome,
  type Simulation,
  type Source,
} from '../../../src/engine/simulate';
import type { ExpectedOutcome } from './compare';
import type { RulesMode } from './rules';

/**
 * The one place the kernel suite calls the engine, so the suite checks the engine's own rules
 * and predictions and nothing hand-written stands in for them.
 */

/** The iptables-save text the engine says kube-proxy leaves on `nodeName`. */
export function engineRules(cluster: Cluster, nodeName: string, style: 'kube-proxy' | 'kernel' = 'kube-proxy'): string {
  return generateIptablesSave(cluster, nodeName, { style });
}

/**
 * The engine's ruleset for `mode` on a node: iptables-save text, or for nftables the `nft -f`
 * transaction of `table ip kube-proxy` (kube-proxy's nftables mode). suite.ts asks this
 * function whether a mode can run.
 */
export function engineRulesFor(mode: RulesMode): ((cluster: Cluster, nodeName: string) => string) | undefined {
  return mode === 'iptables'
    ? (cluster, nodeName) => engineRules(cluster, nodeName)
    : (cluster, nodeName) => generateNftables(cluster, nodeName);
}

/** What the engine predicts for one new connection: exact outcomes, in kernel-suite terms. */
export interface EnginePrediction {
  readonly expected: readonly ExpectedOutcome[];
  /** The engine's own outcomes, for messages. */
  readonly raw: readonly ExactOutcome[];
}

/**
 * Translates one engine result into what a TCP client and the pod's listener observe in the
 * kernel. Delivery to a pod whose answer cannot come back, like a drop, leaves the client
 * without an answer; delivery to a node's own stack (no listener there) is refused by a RST,
 * like a REJECT's ICMP port unreachable.
 */
export function observableOf(result: ConnectionResult, probability: number): ExpectedOutcome {
  const destination = result.destination;
  switch (result.verdict) {
    case 'UNKNOWN':
      return { kind: 'other', label: `engine cannot judge: ${result.reason ?? 'unknown rule'}`, probability };
    case 'DROP':
      return { kind: 'no-answer', probability };
    case 'REJECT':
      return { kind: 'refused', probability };
    default:
      break;
  }
  if (destination === null)
    return { kind: 'other', label: `engine: ${result.verdict} without a destination`, probability };
  if (destination.kind === 'node') return { kind: 'refused', probability };
  if (destination.kind === 'external') {
    return { kind: 'other', label: `engine: leaves the cluster to ${destination.ip}:${destination.port}`, probability };
  }
  if (result.reply !== null && !result.reply.delivered) return { kind: 'no-answer', probability };
  if (result.sourceSeen === null)
    return { kind: 'other', label: `engine: ${destination.name} sees no source`, probability };
  return { kind: 'pod', pod: destination.name, source: result.sourceSeen.ip, probability };
}

/** The engine's simulation of a cluster (its generated rules for `mode` on every node). */
export function engineSimulation(cluster: Cluster, clientIP?: string, mode: RulesMode = 'iptables'): Simulation {
  return createSimulation(cluster, clientIP === undefined ? { mode } : { clientIP, mode });
}

/** The engine's exact distribution for one new connection from `from` to ip:port. */
export function enginePrediction(simulation: Simulation, from: Source, ip: string, port: number): EnginePrediction {
  const raw = simulation.exact({ from, to: { ip, port } }, { trace: false });
  return { expected: raw.map((o) => observableOf(o.result, o.probability)), raw };
}
