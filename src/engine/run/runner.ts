/**
 * Runs N connections of one spec, each from its own source port, and counts where they went
 * and which rules they hit — in chunks (`step`) so a browser can stay responsive, with cancel,
 * and with memory that does not grow with N. Stateless rules use the decision-tree cache
 * (tree.ts); rules with state (recent, nth) or that read the source port are walked in full
 * for every connection, with state carried from one connection to the next and the clock
 * advancing by `interval` seconds.
 */
import { createNetworkState, createWalkContext, type NetworkState, type WalkContext } from '../network/context';
import type { ResolvedConnection } from '../network/resolve';
import type { Topology } from '../network/topology';
import type { ConnectionResult, Verdict } from '../network/types';
import { walkConnection } from '../network/walk';
import { createRng, normalizeSeed, samplingChooser } from '../random/rng';
import type { Chooser, Rng } from '../random/types';
import { destinationKey, outcomeKey, withoutTrace } from './outcome';
import { DecisionTree, type Leaf } from './tree';
import { counterSlots } from '../network/datapath';

/** How to run. */
export interface RunOptions {
  /** Number of connections (a whole number ≥ 0). */
  readonly count: number;
  readonly seed: number | string;
  /** Clock at the first connection, in seconds (default 0). */
  readonly start?: number;
  /** Seconds between connections (default 0): matters for session affinity timeouts. */
  readonly interval?: number;
  /** Use the decision-tree cache when the rules allow it (default true). */
  readonly cache?: boolean;
}

/** Where a run is. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
  readonly cancelled: boolean;
}

/** One kind of outcome and how often it happened. */
export interface OutcomeCount {
  /** A representative result (the first connection with this outcome; no trace). */
  readonly result: ConnectionResult;
  readonly count: number;
}

/** What a run has seen so far. */
export interface RunSummary {
  readonly count: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  /** Delivered connections by "ip:port" of where they landed. */
  readonly destinations: Readonly<Record<string, number>>;
  /** Delivered connections by pod "namespace/name". */
  readonly pods: Readonly<Record<string, number>>;
  readonly dropped: number;
  readonly rejected: number;
  /** Connections that reached a destination but whose answer never got back. */
  readonly unanswered: number;
  readonly outcomes: readonly OutcomeCount[];
  /** Whether the decision-tree cache was used. */
  readonly cached: boolean;
}

/** A rule's packet counter on one node, as `iptables -L -v -n -x` shows it (first packets). */
export interface RuleCounter {
  readonly node: string;
  readonly table: string;
  readonly chain: string;
  /** 1-based; 0 for the chain policy. */
  readonly rule: number;
  readonly text: string;
  readonly packets: number;
}

/** A run in progress. */
export interface Runner {
  /** Walks up to `maxConnections` more connections. */
  step(maxConnections: number): RunProgress;
  /** Stops the run; later steps do nothing. */
  cancel(): void;
  progress(): RunProgress;
  summary(): RunSummary;
  /** Per-rule packet counters of every node (only rules and policies that counted, unless `all`). */
  counters(all?: boolean): RuleCounter[];
}

// Linux's default ip_local_port_range: every connection gets the next port, wrapping around.
const PORT_FIRST = 32768;
const PORT_LAST = 60999;

/** Starts a run of `connection` over `topology`. */
export function createRunner(topology: Topology, connection: ResolvedConnection, options: RunOptions, state?: NetworkState): Runner {
  const total = options.count;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${total}`);
  const start = options.start ?? 0;
  const interval = options.interval ?? 0;
  const rng: Rng = createRng(normalizeSeed(options.seed));
  const chooser: Chooser = samplingChooser(rng);
  const ctx: WalkContext = createWalkContext(topology, state ?? createNetworkState(topology), chooser, true);
  const keys = new Map<string, number>();
  const outcomes: { result: ConnectionResult; count: number }[] = [];
  const firstPort = connection.sport >= PORT_FIRST && connection.sport <= PORT_LAST ? connection.sport : PORT_FIRST;
  let done = 0;
  let cancelled = false;

  const outcomeOf = (r: ConnectionResult): number => {
    const key = outcomeKey(r);
    let id = keys.get(key);
    if (id === undefined) {
      id = outcomes.length;
      keys.set(key, id);
      outcomes.push({ result: withoutTrace(r), count: 0 });
    }
    return id;
  };

  // nft rules that update sets (session affinity) make connections depend on each other too.
  const stateless = topology.nodes.every((n) => !n.compiled.stateful && !n.compiled.readsSourcePort && !(n.nft?.compiled.stateful ?? false));
  let tree: DecisionTree | null = null;
  if (options.cache !== false && stateless) {
    // A separate context whose counters are zeroed before each exploring walk.
    const explore = createWalkContext(topology, createNetworkState(topology), chooser, true);
    tree = new DecisionTree((c) => {
      explore.chooser = c;
      for (const a of explore.counters ?? []) a.fill(0);
      const outcome = outcomeOf(walkConnection(explore, { ...connection, sport: portOf(done) }));
      const slots = (explore.counters ?? []).map((a) => {
        const hit: number[] = [];
        a.forEach((v, slot) => {
          for (let k = 0; k < v; k++) hit.push(slot);
        });
        return Int32Array.from(hit);
      });
      return { outcome, slots };
    });
  }
  const overflow = topology.nodes.map((n) => new Float64Array(counterSlots(n).length));

  function portOf(i: number): number {
    return PORT_FIRST + ((firstPort - PORT_FIRST + i) % (PORT_LAST - PORT_FIRST + 1));
  }

  const progress = (): RunProgress => ({ done, total, finished: done >= total || cancelled, cancelled });

  return {
    step(maxConnections) {
      const end = Math.min(total, done + Math.max(0, Math.floor(maxConnections)));
      if (cancelled) return progress();
      if (tree) {
        for (; done < end; done++) {
          const leaf: Leaf = tree.sample(rng);
          if (leaf.stored) leaf.hits++;
          else leaf.slots.forEach((slots, node) => slots.forEach((s) => ((overflow[node] as Float64Array)[s]! += 1)));
          (outcomes[leaf.outcome] as { count: number }).count++;
        }
      } else {
        for (; done < end; done++) {
          ctx.now = start + done * interval;
          const r = walkConnection(ctx, { ...connection, sport: portOf(done) });
          (outcomes[outcomeOf(r)] as { count: number }).count++;
        }
      }
      return progress();
    },
    cancel() {
      cancelled = true;
    },
    progress,
    summary() {
      return summarize(outcomes, done, tree !== null);
    },
    counters(all = false) {
      const out: RuleCounter[] = [];
      topology.nodes.forEach((node, i) => {
        const packets = Float64Array.from(ctx.counters?.[i] ?? []);
        overflow[i]?.forEach((v, s) => (packets[s]! += v));
        for (const leaf of tree?.allLeaves() ?? []) leaf.slots[i]?.forEach((s) => (packets[s]! += leaf.hits));
        counterSlots(node).forEach((slot, s) => {
          const n = packets[s] as number;
          if (all || n > 0) out.push({ node: node.name, table: slot.table, chain: slot.chain, rule: slot.rule, text: slot.text, packets: n });
        });
      });
      return out;
    },
  };
}

function summarize(outcomes: readonly { result: ConnectionResult; count: number }[], count: number, cached: boolean): RunSummary {
  const verdicts: Record<Verdict, number> = { DNAT: 0, ACCEPT: 0, DROP: 0, REJECT: 0, NONE: 0, UNKNOWN: 0 };
  const destinations: Record<string, number> = {};
  const pods: Record<string, number> = {};
  let unanswered = 0;
  for (const { result, count: n } of outcomes) {
    if (n === 0) continue;
    verdicts[result.verdict] += n;
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
    cached,
  };
}
