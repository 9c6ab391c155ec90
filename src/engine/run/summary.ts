/**
 * A run's counts, summed up: verdicts, where connections landed, what their clients
 * experienced — overall and for each connection spec of the run's round. Shared by the
 * netfilter runner (runner.ts) and the datapath runner (datapaths/shared/runner.ts), so both
 * report the same shape.
 */
import type { ConnectionResult, Verdict } from '../network/types';
import { EXPERIENCES, experienceOf, type Experience } from './experience';
import { destinationKey } from './outcome';
import type { RunSummary, RunSummaryWithFlows } from './runner';

/** Counted outcomes: a representative result and how many connections ended that way. */
type Counted = readonly { readonly result: ConnectionResult; readonly count: number }[];

/** Sums up outcome counts (zero counts are left out of `outcomes`). */
export function summarize(outcomes: Counted, count: number, cached: boolean): RunSummary {
  const verdicts: Record<Verdict, number> = { DNAT: 0, ACCEPT: 0, DROP: 0, REJECT: 0, NONE: 0, UNKNOWN: 0 };
  const destinations: Record<string, number> = {};
  const pods: Record<string, number> = {};
  const experiences = Object.fromEntries(EXPERIENCES.map((e) => [e, 0])) as Record<Experience, number>;
  let unanswered = 0;
  for (const { result, count: n } of outcomes) {
    if (n === 0) continue;
    verdicts[result.verdict] += n;
    experiences[experienceOf(result)] += n;
    const d = result.destination;
    if (d) {
      const key = destinationKey(d);
      destinations[key] = (destinations[key] ?? 0) + n;
      if (d.kind === 'pod') pods[`${d.namespace}/${d.name}`] = (pods[`${d.namespace}/${d.name}`] ?? 0) + n;
      if (result.reply && !result.reply.delivered) unanswered += n;
    }
  }
  return {
    count,
    verdicts,
    destinations,
    pods,
    dropped: verdicts.DROP,
    rejected: verdicts.REJECT,
    unanswered,
    outcomes: outcomes.filter((o) => o.count > 0).map((o) => ({ result: o.result, count: o.count })),
    experiences,
    cached,
  };
}

/**
 * The whole run and each spec of its round: `perFlow[f][id]` counts spec f's connections
 * that ended in outcome `id` (an index into `outcomes`).
 */
export function summarizeRun(
  outcomes: Counted,
  perFlow: readonly (readonly (number | undefined)[])[],
  count: number,
  cached: boolean,
): RunSummaryWithFlows {
  const flows = perFlow.map((counts) => {
    let n = 0;
    const mine = outcomes.map((o, id) => {
      const c = counts[id] ?? 0;
      n += c;
      return { result: o.result, count: c };
    });
    return summarize(mine, n, cached);
  });
  return { ...summarize(outcomes, count, cached), flows };
}
