/**
 * The sampled side of a trace: one packet drawn from the seed, with every rule it met, and a
 * run of many connections counted by outcome and by rule — the run in chunks, so progress
 * can be reported while it goes.
 */
import { outcomeKey, workUnits, type ConnectionSpec, type Simulation } from '../../engine/simulate';
import type { RunView, SampleView, TraceProgress, TraceRequest } from './protocol';
import { outcomeView, ruleView, stepView, traceLine, type LineOf } from './views';

/** Trace lines sent to the page at most; a longer walk is cut (the count of the rest is kept). */
export const MAX_TRACE_LINES = 20_000;
/** Rule counters sent to the page at most, busiest first. */
export const MAX_COUNTERS = 300;

/** One packet, with its trace. */
export function sampleWalk(
  simulation: Simulation,
  connection: ConnectionSpec,
  seed: number,
  lineOf: LineOf,
): { view: SampleView; evaluations: number } {
  const result = simulation.sample(connection, seed, { trace: true });
  const trace = result.trace ?? [];
  const view: SampleView = {
    seed,
    outcome: outcomeView(result, lineOf),
    trace: trace.slice(0, MAX_TRACE_LINES).map((e) => traceLine(e, lineOf)),
    omitted: Math.max(0, trace.length - MAX_TRACE_LINES),
    steps: (result.steps ?? []).map(stepView),
  };
  return { view, evaluations: trace.length };
}

/**
 * A run of `request.runCount` connections. `longest` (rules of the longest walk seen) bounds
 * the work of each walk the run makes and `paths` (exact mode's replays, null if unknown) the
 * walks a cached run explores, for the work count (in work units, the engine's workUnits).
 */
export function sampledRun(
  simulation: Simulation,
  connection: ConnectionSpec,
  request: TraceRequest,
  lineOf: LineOf,
  longest: number,
  paths: number | null,
  onProgress: (p: TraceProgress) => void,
): { view: RunView; unitsBound: number } {
  const total = request.runCount;
  const runner = simulation.run(connection, { count: total, seed: request.seed });
  // Chunks sized to about 40 ms, so progress moves smoothly whatever a walk costs.
  let chunk = 256;
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    const p = runner.step(chunk);
    // The rate so far gives the time left: a big run says how long it will take as it starts.
    const elapsed = performance.now() - started;
    const rate = elapsed > 0 ? (p.done * 1000) / elapsed : 0;
    onProgress({
      phase: 'run',
      done: p.done,
      total,
      ...(rate > 0 && p.done < total ? { rate, etaMs: ((total - p.done) * 1000) / rate } : {}),
    });
    if (p.finished) break;
    const took = performance.now() - t;
    chunk = Math.max(16, Math.min(1 << 20, Math.round(chunk * (took > 0 ? Math.min(4, 40 / took) : 4))));
  }
  const summary = runner.summary();
  const counters = runner
    .counters()
    .sort((a, b) => b.packets - a.packets)
    .map((c) => ({ ...ruleView(c, lineOf), packets: c.packets }));
  const view: RunView = {
    count: summary.count,
    outcomes: summary.outcomes.map((o) => ({
      ...outcomeView(o.result, lineOf),
      key: outcomeKey(o.result),
      count: o.count,
    })),
    dropped: summary.dropped,
    rejected: summary.rejected,
    counters: counters.slice(0, MAX_COUNTERS),
    countersOmitted: Math.max(0, counters.length - MAX_COUNTERS),
    cached: summary.cached,
  };
  // A cached run walks each distinct path once; an uncached one walks every connection.
  const walks = summary.cached && paths !== null ? Math.min(total, paths) : total;
  return { view, unitsBound: workUnits(walks, walks * Math.max(1, longest)) };
}
