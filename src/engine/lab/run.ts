/**
 * Runs a lesson's traffic through a simulated cluster: the round of connections repeated
 * until the run's size, on the simulated clock, and the evidence tallied by client, entry
 * node, end and source address. Also the exact distribution of ends from the rules.
 */
import type { RuleCounter } from '../run/runner';
import type { Simulation } from '../run/simulation';
import { addTally, endOf, sourceOf, type End, type Tally } from './evidence';
import type { TrafficStep } from './traffic';

/** A lab run in progress. */
export interface LabRun {
  readonly total: number;
  /** Sends up to `count` more connections; returns how many have been sent in all. */
  step(count: number): number;
  /** The evidence and every node's rule counters, after the last step. */
  finish(): { readonly tallies: readonly Tally[]; readonly counters: readonly RuleCounter[] };
}

/** Starts a run of `total` connections of the round `steps`, drawn from `seed`. */
export function startLabRun(
  simulation: Simulation,
  steps: readonly TrafficStep[],
  options: { readonly total: number; readonly seed: number | string; readonly interval: number },
): LabRun {
  // One spec runs exactly as before (a deep link's seed replays the same run); several are
  // a round whose connections are taken in turn, sharing the nodes' state.
  const specs = steps.map((s) => s.spec);
  const runner = simulation.run(specs.length === 1 ? (specs[0] as (typeof specs)[number]) : specs, {
    count: options.total,
    seed: options.seed,
    interval: options.interval,
  });
  return {
    total: options.total,
    step: (count) => runner.step(count).done,
    finish() {
      const tallies: Tally[] = [];
      runner.summary().flows.forEach((flow, j) => {
        const step = steps[j];
        if (!step) return;
        for (const o of flow.outcomes) {
          const end = endOf(o.result);
          const caller = step.caller === undefined ? {} : { caller: step.caller };
          addTally(
            tallies,
            { client: step.client, entry: step.entry, end, source: sourceOf(o.result, end), ...caller },
            o.count,
          );
        }
      });
      return { tallies, counters: runner.counters() };
    },
  };
}

/**
 * The exact probability of each end for one new connection, averaged over the round's
 * connections (each is an equal share of a run). Connections are taken as independent:
 * with session affinity this is the first connection's distribution, not the run's.
 */
export function exactEnds(simulation: Simulation, steps: readonly TrafficStep[]): Record<End, number> {
  const out: Record<End, number> = {};
  for (const step of steps) {
    for (const o of simulation.exact(step.spec, { trace: false })) {
      const end = endOf(o.result);
      out[end] = (out[end] ?? 0) + o.probability / steps.length;
    }
  }
  return out;
}
