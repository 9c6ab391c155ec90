/**
 * Engine benchmarks (figures, not pass/fail): sampled connections per second through the
 * bounce rules, parse + exact trace of a large generated dump, and the heap of a long run.
 * Run with `npm run bench` (tsx bench/run.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateIptablesSave } from '../src/engine/kubeproxy';
import type { Service } from '../src/engine/model/types';
import { bounceCluster } from '../src/engine/scenarios/bounce';
import { syntheticCluster } from '../src/engine/scenarios/synthetic';
import { createSimulation, fromRulesText, type ConnectionSpec } from '../src/engine/simulate';

/** One measured figure. */
export interface Figure {
  readonly name: string;
  readonly value: string;
}

// A real collection between heap readings, without asking the caller for --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const toNode2: ConnectionSpec = { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } };

/** Wall-clock and CPU time of `work` (CPU time is what one core spent; the machine is shared). */
function timed<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = work();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

function rate(n: number, t: { wall: number; cpu: number }): string {
  const per = (ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
  return `${per(t.cpu)} connections per CPU-second (${per(t.wall)}/s wall clock)`;
}

function ms(t: { wall: number; cpu: number }): string {
  return `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms wall clock)`;
}

/** Sampled connections/s through the bounce rules: cached (no trace), full walks, and with a trace. */
function throughput(): Figure[] {
  const sim = createSimulation(bounceCluster());
  const out: Figure[] = [];
  const cached = sim.run(toNode2, { count: 5_000_000, seed: 1 });
  cached.step(100_000); // warm up: the tree's two leaves are walked once here
  out.push({
    name: 'bounce, sampled, no trace (decision-tree cache)',
    value: rate(
      4_900_000,
      timed(() => cached.step(5_000_000)),
    ),
  });

  const full = sim.run(toNode2, { count: 400_000, seed: 1, cache: false });
  full.step(20_000);
  out.push({
    name: 'bounce, sampled, no trace (every connection walked in full)',
    value: rate(
      380_000,
      timed(() => full.step(400_000)),
    ),
  });

  const sticky = createSimulation(bounceCluster({ sessionAffinity: 'ClientIP' })).run(toNode2, {
    count: 220_000,
    seed: 1,
    interval: 0.01,
  });
  sticky.step(20_000);
  out.push({
    name: 'bounce + ClientIP affinity (stateful, full walks)',
    value: rate(
      200_000,
      timed(() => sticky.step(220_000)),
    ),
  });

  for (let i = 0; i < 2_000; i++) sim.sample({ ...toNode2, sourcePort: 32768 + i }, i, { trace: true });
  const n = 50_000;
  const traced = timed(() => {
    for (let i = 0; i < n; i++) sim.sample({ ...toNode2, sourcePort: 32768 + (i % 28000) }, i, { trace: true });
  });
  out.push({ name: 'bounce, sampled, with trace (rules + steps)', value: rate(n, traced) });
  return out;
}

/** Parse + exact trace of one node's dump of 5,000 services × 3 endpoints. */
function bigDump(): Figure[] {
  // Half-ish NodePort (2,700 of 5,000), the rest ClusterIP only, as a mixed cluster would be.
  const cluster = syntheticCluster(5000, 3, { nodePortServices: 2700 });
  const generated = timed(() => generateIptablesSave(cluster, 'node-1'));
  const text = generated.value;
  const lines = text.split('\n').length;
  const last = cluster.services[cluster.services.length - 1] as Service;
  const spec: ConnectionSpec = { from: { kind: 'client', ip: '192.168.10.100' }, to: { ip: last.clusterIP, port: 80 } };
  const results: Figure[] = [
    {
      name: 'synthetic dump (node-1)',
      value: `${lines.toLocaleString('en-US')} lines; generateIptablesSave took ${ms(generated)}`,
    },
  ];
  for (let round = 1; round <= 3; round++) {
    const parsed = timed(() => fromRulesText(text, { localIPs: ['192.168.10.11'], nodeName: 'node-1' }));
    const exact = timed(() => parsed.value.exact(spec));
    const traced = exact.value.reduce((s, o) => s + (o.result.trace?.length ?? 0), 0);
    results.push({
      name: `round ${round}: parse + compile, then exact with trace (ClusterIP of the last service)`,
      value: `${ms(parsed)} + ${ms(exact)}; ${exact.value.length} outcomes, ${traced} trace lines, ${parsed.value.problems().length} problems`,
    });
  }
  const sim = fromRulesText(text, { localIPs: ['192.168.10.11'], nodeName: 'node-1' });
  const np = timed(() =>
    sim.exact({ from: { kind: 'client', ip: '192.168.10.100' }, to: { ip: '192.168.10.11', port: 32699 } }),
  );
  results.push({
    name: 'exact with trace, NodePort 32699 (after ~5,000 KUBE-SERVICES rules)',
    value: `${ms(np)}; ${np.value.length} outcomes`,
  });
  return results;
}

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** Heap before and after a 10,000,000-connection run (and a stateful full-walk run). */
function memory(): Figure[] {
  const sim = createSimulation(bounceCluster());
  const run = sim.run(toNode2, { count: 10_000_000, seed: 2 });
  run.step(1000);
  const before = heapMB();
  for (let p = run.progress(); !p.finished; p = run.step(500_000));
  const after = heapMB();
  const sticky = createSimulation(bounceCluster({ sessionAffinity: 'ClientIP' })).run(toNode2, {
    count: 1_000_000,
    seed: 2,
    interval: 1,
  });
  sticky.step(1000);
  const before2 = heapMB();
  for (let p = sticky.progress(); !p.finished; p = sticky.step(50_000));
  const after2 = heapMB();
  return [
    {
      name: '10,000,000-connection run (cached): heapUsed before → after',
      value: `${before.toFixed(1)} MB → ${after.toFixed(1)} MB (${run.summary().outcomes.length} outcomes kept)`,
    },
    {
      name: '1,000,000-connection stateful run (full walks): heapUsed before → after',
      value: `${before2.toFixed(1)} MB → ${after2.toFixed(1)} MB`,
    },
  ];
}

/** Runs every engine benchmark and returns its figures. */
export function engineBenchmarks(): { section: string; figures: Figure[] }[] {
  return [
    { section: 'Sampled connections through the bounce rules', figures: throughput() },
    { section: 'Large dump: 5,000 services × 3 endpoints', figures: bigDump() },
    { section: 'Memory of long runs', figures: memory() },
  ];
}
