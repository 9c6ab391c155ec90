/**
 * What the results panel shows, computed from a run summary: one row per outcome (pods in
 * name order, then dropped) and which explanation fits the scenario. The explanation is
 * chosen from what the engine computed (which pods can be reached), not from the option key.
 */
import { DROPPED, nodeName, type Outcome, type RunSummary } from './model.ts';

/** How a row is drawn: delivered on the receiving node, forwarded to another, or dropped. */
export type Tone = 'local' | 'forwarded' | 'dropped';

/** One row of the bar chart. */
export interface ResultRow {
  readonly outcome: Outcome;
  readonly count: number;
  /** The pod's node, for pod outcomes. */
  readonly node: string | null;
  readonly tone: Tone;
}

/** The rows of a run: every pod that could be reached or was, then dropped connections. */
export function resultRows(run: RunSummary, podNodes: Readonly<Record<string, string>>): ResultRow[] {
  const receiving = nodeName(run.scenario.node);
  const pods = Object.keys(run.counts)
    .filter((o) => o !== DROPPED)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const rows: ResultRow[] = pods.map((pod) => {
    const node = podNodes[pod] ?? null;
    return { outcome: pod, count: run.counts[pod] ?? 0, node, tone: node === receiving ? 'local' : 'forwarded' };
  });
  rows.push({ outcome: DROPPED, count: run.counts[DROPPED] ?? 0, node: null, tone: 'dropped' });
  return rows;
}

/** An explanation: a key of the quiz strings and its values. */
export interface RunExplanation {
  readonly key: 'whyCluster' | 'whyLocalHere' | 'whyLocalNone';
  readonly values: Readonly<Record<string, string | number>>;
}

/** Why the run came out as it did, from the scenario and the exact distribution. */
export function explainRun(run: RunSummary): RunExplanation {
  const reachable = Object.entries(run.exact)
    .filter(([outcome, p]) => outcome !== DROPPED && p > 0)
    .map(([pod]) => pod)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const node = run.scenario.node;
  if (run.scenario.policy === 'Cluster') return { key: 'whyCluster', values: { node, endpoints: reachable.length } };
  if (reachable.length === 0) return { key: 'whyLocalNone', values: { node } };
  return { key: 'whyLocalHere', values: { node, pods: reachable.join(', ') } };
}
