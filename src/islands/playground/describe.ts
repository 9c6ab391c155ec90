/** A one-line description of a scenario for captions: "3 nodes, 2 pods, NodePort, ETP Cluster, external → node-2". */
import { nodeNameOf, podNameOf, type PlaygroundScenario } from '../../playground/scenario';

/** Technical terms only, so it reads the same in both languages. */
export function describeScenario(s: PlaygroundScenario): string {
  const client =
    s.client.kind === 'external'
      ? 'client'
      : s.client.kind === 'pod'
        ? podNameOf(s.client.index)
        : nodeNameOf(s.client.index);
  return `${s.nodes} × node, ${s.pods.length} × pod, ${s.service.type} (${s.target}), ETP ${s.service.externalTrafficPolicy}, ITP ${s.service.internalTrafficPolicy}, ${client} → ${nodeNameOf(s.entry)}, seed ${s.seed}`;
}
