/** Scenarios the datapaths guide embeds: the bounce question, and ETP Local with the request sent to the empty node. */
import { DEFAULT_SCENARIO, type PlaygroundScenario } from './scenario';

/** The bounce question as asked: ETP Cluster, request to node-2's node port. */
export const BOUNCE_CLUSTER: PlaygroundScenario = DEFAULT_SCENARIO;

/** externalTrafficPolicy Local, request to node-3, which runs no pod: where the datapaths disagree. */
export const BOUNCE_LOCAL_EMPTY_NODE: PlaygroundScenario = {
  ...DEFAULT_SCENARIO,
  entry: 2,
  service: { ...DEFAULT_SCENARIO.service, externalTrafficPolicy: 'Local' },
};
