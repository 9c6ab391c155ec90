/**
 * What the results panel shows, computed from a run summary: one row per outcome (pods in
 * name order, then the failures seen) and which explanation fits the settings. The
 * explanation is chosen from what the engine computed (which pods can be reached), never
 * from the option key.
 */
import { viewOf, type LabConfig } from '../engine/lab';
import { entryNodeOf } from './entry';
import { FAILURES, isPod, type Outcome, type RunSummary } from './model';

/** How a row is drawn: delivered on the entry node, forwarded to another, or failed. */
export type Tone = 'local' | 'forwarded' | 'dropped';

/** One row of the bar chart. */
export interface ResultRow {
  readonly outcome: Outcome;
  readonly count: number;
  /** The pod's node, for pod outcomes. */
  readonly node: string | null;
  readonly tone: Tone;
}

/** The rows of a run: every pod of the lesson, then each failure that happened (or "timed out" at 0). */
export function resultRows(run: RunSummary, lesson: LabConfig): ResultRow[] {
  const entry = entryNodeOf(lesson, run.scenario);
  const podNodes = new Map(lesson.cluster.pods.map((p) => [p.name, p.nodeName]));
  const pods = Object.keys(run.counts)
    .filter(isPod)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const rows: ResultRow[] = pods.map((pod) => {
    const node = podNodes.get(pod) ?? null;
    return { outcome: pod, count: run.counts[pod] ?? 0, node, tone: node === entry ? 'local' : 'forwarded' };
  });
  const failed = FAILURES.filter((f) => (run.counts[f] ?? 0) > 0);
  for (const f of failed.length > 0 ? failed : ['timedOut'])
    rows.push({ outcome: f, count: run.counts[f] ?? 0, node: null, tone: 'dropped' });
  return rows;
}

/** An explanation: a key of the quiz strings and its values. */
export interface RunExplanation {
  readonly key: 'whyCluster' | 'whyLocalHere' | 'whyLocalNone' | 'whyExact';
  readonly values: Readonly<Record<string, string | number>>;
  /** whyExact: each end with its exact probability, for the island to word in the page's language. */
  readonly ends?: readonly (readonly [Outcome, number])[];
}

/**
 * Why the run came out as it did, from the settings and the exact distribution. External
 * traffic to a NodePort is explained by its externalTrafficPolicy; anything else by the
 * exact distribution the rules give.
 */
export function explainRun(run: RunSummary, lesson: LabConfig): RunExplanation {
  const reachable = Object.entries(run.exact)
    .filter(([outcome, p]) => isPod(outcome) && p > 0)
    .map(([pod]) => pod)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const view = viewOf(lesson, run.scenario);
  const service = view.cluster.services.find((s) => `${s.namespace}/${s.name}` === view.traffic.service);
  const external =
    view.traffic.connections.every((c) => c.to === 'nodePort') && view.traffic.clients.every((c) => 'ip' in c);
  const node = entryNodeOf(lesson, run.scenario);
  const pod = lesson.spec.observable.kind === 'podShare' ? lesson.spec.observable.pod : (reachable[0] ?? '');
  if (external && service?.sessionAffinity === 'None' && view.traffic.connections.length === 1) {
    if (service.externalTrafficPolicy === 'Cluster')
      return { key: 'whyCluster', values: { node, pod, endpoints: reachable.length } };
    if (reachable.length === 0) return { key: 'whyLocalNone', values: { node } };
    return { key: 'whyLocalHere', values: { node, pods: reachable.join(', ') } };
  }
  const ends = Object.entries(run.exact).filter(([, p]) => p > 0);
  return { key: 'whyExact', values: { shares: '' }, ends };
}
