/**
 * A chunked run over any datapath balancer: every connection is walked in full (a stateful
 * scheduler's next pick depends on all earlier ones, so no decision-tree cache), each from its
 * own source port as the kernel hands them out, and each ends right after its exchange (short
 * requests) at start + i × interval. Counts and summary have the shape of run/runner.ts.
 */
import type { ResolvedConnection } from '../../network/resolve';
import type { Topology } from '../../network/topology';
import type { ConnectionResult, Verdict } from '../../network/types';
import { createRng, normalizeSeed, samplingChooser } from '../../random/rng';
import { destinationKey, outcomeKey, withoutTrace } from '../../run/outcome';
import type { OutcomeCount, RunOptions, RunProgress, RunSummary, Runner } from '../../run/runner';
import type { Balancer } from './balancer';
import { walkDatapath } from './walk';

// Linux's default ip_local_port_range, as run/runner.ts.
const PORT_FIRST = 32768;
const PORT_LAST = 60999;

/**
 * The first `count` connections of a run, in order and with their traces off — what a run
 * counts, connection by connection (for rr / wrr / lc the deterministic sequence).
 */
export function runSequence(topology: Topology, balancer: Balancer, connection: ResolvedConnection, options: RunOptions): ConnectionResult[] {
  const out: ConnectionResult[] = [];
  const runner = createSequenceRunner(topology, balancer, connection, options, (r) => out.push(r));
  runner.step(options.count);
  return out;
}

/** Starts a run of `connection` over a balancer whose state carries from one connection to the next. */
export function createSequenceRunner(topology: Topology, balancer: Balancer, connection: ResolvedConnection, options: RunOptions, visit?: (r: ConnectionResult) => void): Runner {
  const total = options.count;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${total}`);
  const start = options.start ?? 0;
  const interval = options.interval ?? 0;
  if (!Number.isFinite(start) || !Number.isFinite(interval) || interval < 0) throw new RangeError('start and interval must be finite numbers, interval ≥ 0');
  const chooser = samplingChooser(createRng(normalizeSeed(options.seed)));
  const firstPort = connection.sport >= PORT_FIRST && connection.sport <= PORT_LAST ? connection.sport : PORT_FIRST;
  const keys = new Map<string, number>();
  const outcomes: { result: ConnectionResult; count: number }[] = [];
  let done = 0;
  let cancelled = false;
  const portOf = (i: number): number => PORT_FIRST + ((firstPort - PORT_FIRST + i) % (PORT_LAST - PORT_FIRST + 1));
  const progress = (): RunProgress => ({ done, total, finished: done >= total || cancelled, cancelled });
  return {
    step(maxConnections) {
      if (cancelled) return progress();
      const end = Math.min(total, done + Math.max(0, Math.floor(maxConnections)));
      for (; done < end; done++) {
        const now = start + done * interval;
        const r = walkDatapath({ topology, balancer, chooser, now, trace: null, steps: null }, { ...connection, sport: portOf(done) });
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
      }
      return progress();
    },
    cancel() {
      cancelled = true;
    },
    progress,
    summary: () => summarize(outcomes, done),
    counters: (all = false) => balancer.counters(all),
  };
}

function summarize(outcomes: readonly { result: ConnectionResult; count: number }[], count: number): RunSummary {
  const verdicts: Record<Verdict, number> = { DNAT: 0, ACCEPT: 0, DROP: 0, REJECT: 0, NONE: 0, UNKNOWN: 0 };
  const destinations: Record<string, number> = {};
  const pods: Record<string, number> = {};
  let unanswered = 0;
  for (const { result, count: n } of outcomes) {
    verdicts[result.verdict] += n;
    const d = result.destination;
    if (!d) continue;
    destinations[destinationKey(d)] = (destinations[destinationKey(d)] ?? 0) + n;
    if (d.kind === 'pod') pods[`${d.namespace}/${d.name}`] = (pods[`${d.namespace}/${d.name}`] ?? 0) + n;
    if (result.reply && !result.reply.delivered) unanswered += n;
  }
  const list: OutcomeCount[] = outcomes.map((o) => ({ result: o.result, count: o.count }));
  return { count, verdicts, destinations, pods, dropped: verdicts.DROP, rejected: verdicts.REJECT, unanswered, outcomes: list, cached: false };
}
