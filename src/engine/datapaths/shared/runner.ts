/**
 * A chunked run over any datapath balancer: every connection is walked in full (a stateful
 * scheduler's next pick depends on all earlier ones, so no decision-tree cache), each from its
 * own source port as the kernel hands them out, and each ends right after its exchange (short
 * requests). With one spec, connection i runs at start + i × interval; with a round of specs,
 * connection i is spec i mod n and a round shares one time. Counts and summary have the shape
 * of run/runner.ts.
 */
import type { ResolvedConnection } from '../../network/resolve';
import type { Topology } from '../../network/topology';
import type { ConnectionResult } from '../../network/types';
import { createRng, normalizeSeed, samplingChooser } from '../../random/rng';
import { outcomeKey, withoutTrace } from '../../run/outcome';
import type { RunOptions, RunProgress, Runner } from '../../run/runner';
import { summarizeRun } from '../../run/summary';
import type { Balancer } from './balancer';
import { walkDatapath } from './walk';

// Linux's default ip_local_port_range, as run/runner.ts.
const PORT_FIRST = 32768;
const PORT_LAST = 60999;

/**
 * The first `count` connections of a run, in order and with their traces off — what a run
 * counts, connection by connection (for rr / wrr / lc the deterministic sequence).
 */
export function runSequence(
  topology: Topology,
  balancer: Balancer,
  connection: ResolvedConnection | readonly ResolvedConnection[],
  options: RunOptions,
): ConnectionResult[] {
  const out: ConnectionResult[] = [];
  const runner = createSequenceRunner(topology, balancer, connection, options, (r) => out.push(r));
  runner.step(options.count);
  return out;
}

/** Starts a run of `connection` (or a round of specs) over a balancer whose state carries from one connection to the next. */
export function createSequenceRunner(
  topology: Topology,
  balancer: Balancer,
  connection: ResolvedConnection | readonly ResolvedConnection[],
  options: RunOptions,
  visit?: (r: ConnectionResult) => void,
): Runner {
  const total = options.count;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${total}`);
  const start = options.start ?? 0;
  const interval = options.interval ?? 0;
  if (!Number.isFinite(start) || !Number.isFinite(interval) || interval < 0)
    throw new RangeError('start and interval must be finite numbers, interval ≥ 0');
  const flows: readonly ResolvedConnection[] = Array.isArray(connection)
    ? connection
    : [connection as ResolvedConnection];
  if (flows.length === 0) throw new RangeError('a run needs at least one connection spec');
  const chooser = samplingChooser(createRng(normalizeSeed(options.seed)));
  const first = (flows[0] as ResolvedConnection).sport;
  const firstPort = first >= PORT_FIRST && first <= PORT_LAST ? first : PORT_FIRST;
  const keys = new Map<string, number>();
  const outcomes: { result: ConnectionResult; count: number }[] = [];
  const perFlow: number[][] = flows.map(() => []);
  let done = 0;
  let cancelled = false;
  const portOf = (i: number): number => PORT_FIRST + ((firstPort - PORT_FIRST + i) % (PORT_LAST - PORT_FIRST + 1));
  const progress = (): RunProgress => ({ done, total, finished: done >= total || cancelled, cancelled });
  return {
    step(maxConnections) {
      if (cancelled) return progress();
      const end = Math.min(total, done + Math.max(0, Math.floor(maxConnections)));
      for (; done < end; done++) {
        const flow = done % flows.length;
        const now = start + Math.floor(done / flows.length) * interval;
        const r = walkDatapath(
          { topology, balancer, chooser, now, trace: null, steps: null },
          { ...(flows[flow] as ResolvedConnection), sport: portOf(done) },
        );
        balancer.finish(now, false);
        visit?.(r);
        const key = outcomeKey(r);
        let id = keys.get(key);
        if (id === undefined) {
          id = outcomes.length;
          keys.set(key, id);
          outcomes.push({ result: withoutTrace(r), count: 0 });
        }
        (outcomes[id] as { count: number }).count++;
        const counts = perFlow[flow] as number[];
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return progress();
    },
    cancel() {
      cancelled = true;
    },
    progress,
    summary: () => summarizeRun(outcomes, perFlow, done, false),
    counters: (all = false) => balancer.counters(all),
  };
}
