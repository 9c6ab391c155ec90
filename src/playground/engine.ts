/**
 * The playground's engine side, loaded with a dynamic import so the page's eager JavaScript
 * carries no engine: runs of the scenario through the chosen datapath (or every datapath, for
 * the comparison), each node's rules or tables, and sample connections with their journey.
 * Everything is summarised into plain data the islands draw.
 */
import { createDatapathSimulation, type Datapath } from '../engine/simulate';
import type { NodePortMode } from '../engine/datapaths/cilium/index';
import type { ConnectionResult, Simulation, Step } from '../engine/simulate';
import { dumpLines } from '../stores/lab/dumpLines';
import type { RulesLine, TraceRow } from '../stores/lab/types';
import { connectionOf, datapathOptions, walkedCluster } from './cluster';
import { journeyRows } from './journey';
import { DROPPED, IPV6_DATAPATHS, podNameOf, type PlaygroundScenario } from './scenario';

export { DROPPED } from './scenario';

/** One kind of outcome of a run: where it ended, how it got there, what the pod saw, how the answer went back. */
export interface OutcomeRow {
  /** The pod's name, or "dropped". */
  readonly outcome: string;
  readonly node: string | null;
  readonly count: number;
  readonly verdict: string;
  /** Nodes the request crossed. */
  readonly hops: readonly string[];
  /** The source address the pod saw. */
  readonly sourceSeen: string | null;
  /** Nodes the answer crossed (the last is where it leaves the cluster), null when there was no answer. */
  readonly replyHops: readonly string[] | null;
  readonly replyDelivered: boolean;
  /** Why it was dropped, when the kernel rather than a rule decided. */
  readonly reason: string | null;
}

/** A finished run of one datapath. */
export type RunReport =
  | {
      readonly available: true;
      readonly total: number;
      /** Connections per pod (every pod listed, in pod order) and "dropped". */
      readonly counts: Readonly<Record<string, number>>;
      readonly outcomes: readonly OutcomeRow[];
    }
  | {
      readonly available: false;
      readonly message: string;
      /** Set when the datapath is not modelled for the scenario's IP family (the page words it). */
      readonly ipv4Only?: true;
    };

/** One column of the comparison view. */
export interface ComparisonColumn {
  readonly id: string;
  readonly datapath: Datapath;
  readonly nodePortMode: NodePortMode | null;
  readonly report: RunReport;
}

/** The sample connection's journey. */
export interface SampleReport {
  readonly sample: number;
  readonly sourcePort: number;
  readonly outcome: string;
  readonly verdict: string;
  readonly hops: readonly string[];
  readonly steps: readonly Step[];
  /** Hops and the rules met between them, as the shared trace view draws them. */
  readonly rows: readonly TraceRow[];
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

const cache = new Map<string, Simulation>();

function simulationFor(s: PlaygroundScenario, mode: Datapath, nodePortMode: NodePortMode): Simulation {
  const key = JSON.stringify([
    s.family,
    s.nodes,
    s.pods,
    s.service,
    mode,
    s.datapath.ipvsScheduler,
    s.datapath.ciliumLb,
    nodePortMode,
  ]);
  let sim = cache.get(key);
  if (!sim) {
    if (cache.size > 24) cache.clear();
    sim = createDatapathSimulation(walkedCluster(s), datapathOptions(s, mode, nodePortMode));
    cache.set(key, sim);
  }
  return sim;
}

const outcomeOf = (r: ConnectionResult): string => (r.destination?.kind === 'pod' ? r.destination.name : DROPPED);

/** What a failed simulation says: the engine's message (a bad option, a bound reached). */
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** IPVS and Cilium are modelled for IPv4 only: said before anything is built, so the page can word it. */
const IPV4_ONLY = 'IPVS and Cilium are modelled for IPv4 only; choose iptables or nftables for IPv6';
const familyUnsupported = (s: PlaygroundScenario, mode: Datapath): boolean =>
  s.family === 'IPv6' && !IPV6_DATAPATHS.includes(mode);

/** Runs `count` connections of the scenario (seeded by its seed) through `mode` (default: its own datapath). */
export function runScenario(
  s: PlaygroundScenario,
  count: number,
  mode: Datapath = s.datapath.mode,
  nodePortMode: NodePortMode = s.datapath.ciliumNodePort,
): RunReport {
  if (familyUnsupported(s, mode)) return { available: false, message: IPV4_ONLY, ipv4Only: true };
  try {
    const sim = simulationFor(s, mode, nodePortMode);
    const runner = sim.run(connectionOf(s), { count, seed: s.seed });
    runner.step(count);
    const summary = runner.summary();
    const counts: Record<string, number> = Object.fromEntries(s.pods.map((_, i) => [podNameOf(i), 0]));
    counts[DROPPED] = 0;
    const rows = new Map<string, { row: OutcomeRow; count: number }>();
    for (const { result, count: n } of summary.outcomes) {
      const outcome = outcomeOf(result);
      counts[outcome] = (counts[outcome] ?? 0) + n;
      const row: OutcomeRow = {
        outcome,
        node: result.destination?.kind === 'pod' ? result.destination.node : null,
        count: n,
        verdict: result.verdict,
        hops: result.hops,
        sourceSeen: result.sourceSeen?.ip ?? null,
        replyHops: result.reply?.hops ?? null,
        replyDelivered: result.reply?.delivered ?? false,
        reason: result.reason,
      };
      const key = JSON.stringify([outcome, row.hops, row.sourceSeen, row.replyHops, row.replyDelivered]);
      const seen = rows.get(key);
      if (seen) seen.count += n;
      else rows.set(key, { row, count: n });
    }
    const outcomes = [...rows.values()]
      .map(({ row, count: n }) => ({ ...row, count: n }))
      .sort((a, b) => b.count - a.count);
    return { available: true, total: summary.count, counts, outcomes };
  } catch (error) {
    return { available: false, message: messageOf(error) };
  }
}

/** The comparison: the scenario through every datapath (Cilium in SNAT and in DSR mode). */
export function compareScenario(s: PlaygroundScenario, count: number): ComparisonColumn[] {
  const columns: [string, Datapath, NodePortMode | null][] = [
    ['iptables', 'iptables', null],
    ['nftables', 'nftables', null],
    ['ipvs', 'ipvs', null],
    ['cilium-snat', 'cilium', 'snat'],
    ['cilium-dsr', 'cilium', 'dsr'],
  ];
  return columns.map(([id, datapath, npm]) => ({
    id,
    datapath,
    nodePortMode: npm,
    report: runScenario(s, count, datapath, npm ?? s.datapath.ciliumNodePort),
  }));
}

/** The rules (iptables-save, nft) or tables (ipvsadm, cilium-dbg) of `node` in the scenario's datapath, line by line. */
export function rulesOf(
  s: PlaygroundScenario,
  node: string,
): { ok: true; text: string; lines: readonly RulesLine[] } | { ok: false; message: string; ipv4Only?: true } {
  if (familyUnsupported(s, s.datapath.mode)) return { ok: false, message: IPV4_ONLY, ipv4Only: true };
  try {
    const text = simulationFor(s, s.datapath.mode, s.datapath.ciliumNodePort).rules(node);
    const pods = new Map(walkedCluster(s).pods.map((p) => [p.ip, p.name]));
    return { ok: true, text, lines: dumpLines(text, pods) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Source ports of sample connections: 40000, 40001, … */
const SAMPLE_PORT = 40_000;

/** The `sample`-th example connection of the scenario's seed, with its journey step by step. */
export function sampleOf(
  s: PlaygroundScenario,
  sample: number,
): SampleReport | { readonly failed: string; readonly ipv4Only?: true } {
  if (familyUnsupported(s, s.datapath.mode)) return { failed: IPV4_ONLY, ipv4Only: true };
  try {
    const sim = simulationFor(s, s.datapath.mode, s.datapath.ciliumNodePort);
    const sourcePort = SAMPLE_PORT + sample;
    const r = sim.sample(connectionOf(s, sourcePort), `${s.seed}:${sample}`, { trace: true });
    return {
      sample,
      sourcePort,
      outcome: outcomeOf(r),
      verdict: r.verdict,
      hops: r.hops,
      steps: r.steps ?? [],
      rows: journeyRows(r.steps ?? [], r.trace ?? []),
      decidedBy: r.decidedBy
        ? `${r.decidedBy.node} ${r.decidedBy.table} ${r.decidedBy.chain} #${r.decidedBy.rule}`
        : null,
      reason: r.reason,
    };
  } catch (error) {
    return { failed: messageOf(error) };
  }
}
