import { afterAll, beforeAll, expect } from 'vitest';
import type { Cluster } from '../../../src/engine/model/types';
import { createSimulation, type Simulation, type Source } from '../../../src/engine/simulate';
import { compareWithEngine, formatComparison, type Comparison } from './compare';
import { enginePrediction, engineRulesFor, engineSimulation } from './engine';
import { KernelCluster, type KernelClusterOptions, type ProbeResult } from './kernelCluster';
import type { RulesMode } from './rules';

/** Lifts the ICMP limits inside a node so every REJECT reaches the client (docs/kernel.md). */
export const LIFT_ICMP_LIMITS: Readonly<Record<string, number>> = {
  // Per-destination limit: with it, most rejected connections look like time-outs.
  'net.ipv4.icmp_ratelimit': 0,
  // The namespace-wide token bucket (1000/s, burst 50) still applies with ratelimit=0.
  'net.ipv4.icmp_msgs_per_sec': 1_000_000,
  'net.ipv4.icmp_msgs_burst': 1_000_000,
};

/** One kernel-vs-engine check: connections from `from` to host:port. */
export interface CaseRequest {
  readonly from: Source;
  readonly host: string;
  readonly port: number;
  /** K ≥ 400 for the χ² fit to have teeth. */
  readonly count: number;
  readonly timeoutMs?: number;
  /** Connections in flight at once; raise it where connections are expected to time out. */
  readonly concurrency?: number;
}

/** What one check found. */
export interface CaseResult {
  readonly comparison: Comparison;
  readonly probe: ProbeResult;
  /** The side-by-side table. */
  readonly report: string;
}

/** Describes a source for titles: "client", "pod pod-1", "node node-2", "client 192.168.10.101". */
export function sourceName(from: Source): string {
  if (from.kind === 'client') return from.ip ? `client ${from.ip}` : 'client';
  return `${from.kind} ${from.name}`;
}

/** Runs K connections through the kernel and compares them with the engine's exact outcome. */
export async function runCase(
  kernel: KernelCluster,
  simulation: Simulation,
  request: CaseRequest,
): Promise<CaseResult> {
  const prediction = enginePrediction(simulation, request.from, request.host, request.port);
  const probe = await kernel.probe({
    from: request.from,
    host: request.host,
    port: request.port,
    count: request.count,
    ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
    ...(request.concurrency ? { concurrency: request.concurrency } : {}),
  });
  const comparison = compareWithEngine(probe, prediction.expected);
  const title = `${sourceName(request.from)} → ${request.host}:${request.port}, ${request.count} connections (${probe.elapsedMs.toFixed(0)} ms in the kernel)`;
  const report = formatComparison(title, comparison);
  if (process.env.KERNEL_VERBOSE) console.log(report);
  return { comparison, probe, report };
}

/** Fails the test with the side-by-side table unless kernel and engine agree. */
export function expectAgreement(result: CaseResult): void {
  expect(result.comparison.agrees, `\n${result.report}\n`).toBe(true);
}

/** The cluster, its engine simulation and its kernel namespaces, shared by one test file. */
export interface ScenarioFixture {
  readonly cluster: Cluster;
  readonly simulation: Simulation;
  readonly kernel: KernelCluster;
}

/** Options of useScenario beyond the kernel cluster's own. */
export interface ScenarioOptions extends Omit<KernelClusterOptions, 'rulesFor' | 'mode'> {
  /**
   * Text put before the engine's rules on a node (another agent's raw or mangle table): the
   * kernel loads it with them, and the engine walks that same text.
   */
  readonly prepend?: Readonly<Record<string, string>>;
}

/**
 * Builds the namespace cluster once for a describe block (beforeAll) and tears it down after
 * (afterAll), failing if anything with the run's prefix is left behind. The kernel loads the
 * ENGINE's rules for `mode` (after `prepend`'s text); the ICMP limits are lifted on every node.
 */
export function useScenario(
  make: () => Cluster,
  mode: RulesMode,
  options: ScenarioOptions = {},
): () => ScenarioFixture {
  let fixture: ScenarioFixture | undefined;
  beforeAll(async () => {
    const rules = engineRulesFor(mode);
    if (!rules) throw new Error(`the engine does not generate ${mode} rules yet`);
    const cluster = make();
    const { prepend, ...kernelOptions } = options;
    const rulesFor = (node: string) => `${prepend?.[node] ?? ''}${rules(cluster, node)}`;
    const kernel = await KernelCluster.start(cluster, {
      rulesFor,
      mode,
      nodeSysctls: LIFT_ICMP_LIMITS,
      ...kernelOptions,
    });
    const simulation = prepend
      ? createSimulation(cluster, {
          rules: Object.fromEntries(cluster.nodes.map((n) => [n.name, rulesFor(n.name)])),
          ...(options.clientIP === undefined ? {} : { clientIP: options.clientIP }),
        })
      : engineSimulation(cluster, options.clientIP, mode);
    fixture = { cluster, kernel, simulation };
  });
  afterAll(async () => {
    if (!fixture) return;
    const left = await fixture.kernel.close();
    expect(left, 'namespaces or processes left behind').toEqual([]);
  });
  return () => {
    if (!fixture) throw new Error('scenario fixture used outside its describe block');
    return fixture;
  };
}

/** The modes every scenario is written for (the engine generates and walks both). */
export const MODES: readonly RulesMode[] = ['iptables', 'nftables'];
