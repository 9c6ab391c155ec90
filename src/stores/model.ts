/**
 * The vocabulary the lesson's stores and islands share: the scenario a reader can set, the
 * answer ids, and the summary of a finished run. Plain data only, so every value can be
 * persisted, put in a URL or passed to an island as props.
 */

/** externalTrafficPolicy of Service default/web. */
export type Policy = 'Cluster' | 'Local';

/** The policies in the order the controls list them. */
export const policies: readonly Policy[] = ['Cluster', 'Local'];

/** The node (1, 2 or 3) whose NodePort receives the client's connections. */
export type NodeNumber = 1 | 2 | 3;

/** The nodes in display order. */
export const nodeNumbers: readonly NodeNumber[] = [1, 2, 3];

/** What the reader can change about the experiment. */
export interface Scenario {
  readonly policy: Policy;
  readonly node: NodeNumber;
}

/** The lesson's question as written: ETP Cluster, request to node 2. */
export const defaultScenario: Scenario = { policy: 'Cluster', node: 2 };

/** An answer id; the same four in every lesson and language. */
export type OptionId = 'a' | 'b' | 'c' | 'd';

/** The answer ids in order. */
export const optionIds: readonly OptionId[] = ['a', 'b', 'c', 'd'];

/** How many connections a run may send. */
export type RunSize = 1_000 | 10_000 | 100_000;

/** The run sizes offered, smallest first; the first is the default. */
export const runSizes: readonly RunSize[] = [1_000, 10_000, 100_000];

/** Where a connection ended: at a pod (by name) or dropped. */
export type Outcome = string;

/** The outcome key of a connection that reached no pod. */
export const DROPPED: Outcome = 'dropped';

/** The pod the question asks about. */
export const TARGET_POD = 'pod-2';

/** pkts counters of one node's nat rules, in the order the rules appear in its dump. */
export type NodeCounters = readonly number[];

/**
 * Everything the page shows about a finished run, enough to redraw the results after a
 * reload without the engine: the scenario, the seed that replays it, how many connections
 * landed where, the exact distribution computed from the rules, and per-rule counters.
 */
export interface RunSummary {
  readonly scenario: Scenario;
  /** A 32-bit unsigned seed; the same seed and scenario replay the same run. */
  readonly seed: number;
  readonly total: RunSize;
  /** Observed connections per outcome; outcomes in display order (pods, then dropped). */
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Exact probability per outcome, enumerated from the same rules. */
  readonly exact: Readonly<Record<Outcome, number>>;
  /** nat-table pkts counters by node name ("node-1" …), aligned with that node's rule lines. */
  readonly counters: Readonly<Record<string, NodeCounters>>;
}

/** "node-2" for 2: the Kubernetes node name of a node number. */
export function nodeName(node: NodeNumber): string {
  return `node-${node}`;
}
