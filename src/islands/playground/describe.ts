/** A one-line description of a scenario for captions: "nodes: 3, pods: 2, NodePort (node), ETP Cluster, …, external client → node-2". */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { nodeNameOf, podNameOf, type PlaygroundScenario } from '../../playground/scenario';
import { fill } from '../fill';

/** The scenario in the page's language; names, types and policies stay as Kubernetes writes them. */
export function describeScenario(s: PlaygroundScenario, strings: PlaygroundStrings): string {
  const client =
    s.client.kind === 'external'
      ? strings.clientKinds.external
      : s.client.kind === 'pod'
        ? podNameOf(s.client.index)
        : nodeNameOf(s.client.index);
  return fill(strings.compare.scenario, {
    nodes: s.nodes,
    pods: s.pods.length,
    type: s.service.type,
    target: s.target,
    etp: s.service.externalTrafficPolicy,
    itp: s.service.internalTrafficPolicy,
    client,
    entry: nodeNameOf(s.entry),
    family: s.family,
    seed: s.seed,
  });
}
