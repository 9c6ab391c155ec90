/**
 * Runs N connections of one spec — or of a round of specs taken in turn (several clients,
 * several entry nodes) — each from its own source port, and counts where they went and which
 * rules they hit, overall and per spec — in chunks (`step`) so a browser can stay responsive,
 * with cancel, and with memory that does not grow with N. Stateless rules use the
 * decision-tree cache (tree.ts); rules with state (recent, nth) or that read the source port
 * are walked in full for every connection, with state carried from one connection to the next
 * and the clock advancing by `interval` seconds per round.
 */
import { createNetworkState, createWalkContext, type NetworkState, type WalkContext } from '../network/context';
import type { ResolvedConnection } from '../network/resolve';
import type { Topology } from '../network/topology';
import type { ConnectionResult, Verdict } from '../network/types';
import { walkConnection } from '../network/walk';
import { createRng, normalizeSeed, samplingChooser } from '../random/rng';
import type { Chooser, Rng } from '../random/types';
import type { Experience } from './experience';
import { outcomeKey, withoutTrace } from './outcome';
import { summarizeRun } from './summary';
import { DecisionTree, type Leaf } from './tree';
import { counterSlots } from '../network/datapath';

/** How to run. */
export interface RunOptions {
  /** Number of connections (a whole number ≥ 0). */
  readonly count: number;
  readonly seed: number | string;
  /** Clock at the first connection, in seconds (default 0). */
  readonly start?: number;
  /**
   * Seconds between rounds (default 0): matters for session affinity timeouts. With one
   * connection spec every connection is a round; with several, connection i is spec
   * i mod n, and the n connections of a round share one time.
   */
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
  /** Connections by what the client experienced (served, refused, timed out, unknown). */
  readonly experiences: Readonly<Record<Experience, number>>;
  /** Whether the decision-tree cache was used. */
  readonly cached: boolean;
}

/** What a run has seen, overall and for each connection spec of its round. */
export interface RunSummaryWithFlows extends RunSummary {
  /** One summary per spec, in the order given (one entry for a single spec). */
  readonly flows: readonly RunSummary[];
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
  summary(): RunSummaryWithFlows;
  /** Per-rule packet counters of every node (only rules and policies that counted, unless `all`). */
  counters(all?: boolean): RuleCounter[];
}

// Linux's default ip_local_port_range: every connection gets the next port, wrapping around.
const PORT_FIRST = 32768;
const PORT_LAST = 60999;

/**
 * Starts a run over `topology`: of one connection spec, or of a round of specs taken in turn
 * (connection i is spec i mod n), all sharing the nodes' state.
 */
export function createRunner(
  topology: Topology,
  connection: ResolvedConnection | readonly ResolvedConnection[],
  options: RunOptions,
  state?: NetworkState,
): Runner {
  const total = options.count;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${total}`);
  const flows: readonly ResolvedConnection[] = isRound(connection) ? connection : [connection];
  if (flows.length === 0) throw new RangeError('a run needs at least one connection spec');
  const start = options.start ?? 0;
  const interval = options.interval ?? 0;
  const rng: Rng = createRng(normalizeSeed(options.seed));
  const chooser: Chooser = samplingChooser(rng);
  const ctx: WalkContext = createWalkContext(topology, state ?? createNetworkState(topology), chooser, true);
  const keys = new Map<string, number>();
  const outcomes: { result: ConnectionResult; count: number }[] = [];
  // Per spec, connections by outcome id (grown as outcomes appear).
  const perFlow: number[][] = flows.map(() => []);
  const first = (flows[0] as ResolvedConnection).sport;
  const firstPort = first >= PORT_FIRST && first <= PORT_LAST ? first : PORT_FIRST;
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
  const record = (flow: number, outcome: number): void => {
    (outcomes[outcome] as { count: number }).count++;
    const counts = perFlow[flow] as number[];
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  };

  // nft rules that update sets (session affinity) make connections depend on each other too.
  const stateless = topology.nodes.every(
    (n) => !n.compiled.stateful && !n.compiled.readsSourcePort && !(n.nft?.compiled.stateful ?? false),
  );
  let trees: DecisionTree[] | null = null;
  if (options.cache !== false && stateless) {
    // A separate context whose counters are zeroed before each exploring walk.
    const explore = createWalkContext(topology, createNetworkState(topology), chooser, true);
    trees = flows.map(
      (flow) =>
        new DecisionTree((c) => {
          explore.chooser = c;
          for (const a of explore.counters ?? []) a.fill(0);
          const outcome = outcomeOf(walkConnection(explore, { ...flow, sport: portOf(done) }));
          const slots = (explore.counters ?? []).map((a) => {
            const hit: number[] = [];
            a.forEach((v, slot) => {
              for (let k = 0; k < v; k++) hit.push(slot);
            });
            return Int32Array.from(hit);
          });
          return { outcome, slots };
        }),
    );
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
      if (trees) {
        for (; done < end; done++) {
          const flow = done % flows.length;
          const leaf: Leaf = (trees[flow] as DecisionTree).sample(rng);
          if (leaf.stored) leaf.hits++;
          else leaf.slots.forEach((slots, node) => slots.forEach((s) => ((overflow[node] as Float64Array)[s]! += 1)));
          record(flow, leaf.outcome);
        }
      } else {
        for (; done < end; done++) {
          const flow = done % flows.length;
          ctx.now = start + Math.floor(done / flows.length) * interval;
          const r = walkConnection(ctx, { ...(flows[flow] as ResolvedConnection), sport: portOf(done) });
          record(flow, outcomeOf(r));
        }
      }
      return progress();
    },
    cancel() {
      cancelled = true;
    },
    progress,
    summary() {
      return summarizeRun(outcomes, perFlow, done, trees !== null);
    },
    counters(all = false) {
      const out: RuleCounter[] = [];
      topology.nodes.forEach((node, i) => {
        const packets = Float64Array.from(ctx.counters?.[i] ?? []);
        overflow[i]?.forEach((v, s) => (packets[s]! += v));
        for (const tree of trees ?? [])
          for (const leaf of tree.allLeaves()) leaf.slots[i]?.forEach((s) => (packets[s]! += leaf.hits));
        counterSlots(node).forEach((slot, s) => {
          const n = packets[s] as number;
          if (all || n > 0)
            out.push({
              node: node.name,
              table: slot.table,
              chain: slot.chain,
              rule: slot.rule,
              text: slot.text,
              packets: n,
            });
        });
      });
      return out;
    },
  };
}

function isRound(c: ResolvedConnection | readonly ResolvedConnection[]): c is readonly ResolvedConnection[] {
  return Array.isArray(c);
}
