import { expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/model/types';
import type { Simulation } from '../../src/engine/simulate';
import { chiSquareGoodnessOfFit } from '../../src/engine/stats/chisquare';
import { DEFAULT_ALPHA } from './harness/compare';
import { lessonScenarioPath, loadScenarioFiles } from './harness/clusters';
import { enginePrediction } from './harness/engine';
import { inNetns, run as exec } from './harness/exec';
import type { KernelCluster } from './harness/kernelCluster';
import { MODES, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// The "sticky" lesson's cluster (content/scenarios/sticky.yaml): sessionAffinity ClientIP.
// Its key facts: kube-proxy's `recent` lists (nftables: the affinity sets) live on each node,
// so a client sticks to one pod per node it enters by, and two nodes choose independently;
// and stickiness lasts only while the client comes back within timeoutSeconds.

const NODE_PORT = 30080;
const NODE_1 = '192.168.10.11';
const NODE_2 = '192.168.10.12';
const CLIENTS = Array.from({ length: 100 }, (_, i) => `192.168.10.${101 + i}`);
const ROUNDS = 3;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The pod each client reached through `host`, failing unless every client stuck to one. */
async function stuckPods(kernel: KernelCluster, host: string, rounds: number): Promise<Map<string, string>> {
  const probe = await kernel.probe({
    from: { kind: 'client' },
    host,
    port: NODE_PORT,
    count: rounds,
    clientIPs: CLIENTS,
  });
  const byClient = new Map<string, Set<string>>();
  for (const o of probe.outcomes)
    byClient.set(o.local!, (byClient.get(o.local!) ?? new Set()).add(o.outcome === 'answered' ? o.pod : o.outcome));
  const unstuck = [...byClient]
    .filter(([, where]) => where.size !== 1)
    .map(([ip, where]) => `${ip}: ${[...where].join(', ')}`);
  expect(unstuck, `clients whose connections through ${host} went to more than one place`).toEqual([]);
  return new Map([...byClient].map(([ip, where]) => [ip, [...where][0] as string]));
}

/** The engine's chance that two independent first choices (through `a` and `b`) differ. */
function engineSplitChance(simulation: Simulation, a: string, b: string): number {
  const pods = (host: string): Map<string, number> => {
    const out = new Map<string, number>();
    for (const o of enginePrediction(simulation, { kind: 'client', ip: CLIENTS[0] as string }, host, NODE_PORT)
      .expected) {
      if (o.kind !== 'pod') throw new Error(`engine predicts ${o.kind} for a first connection to ${host}`);
      out.set(o.pod, (out.get(o.pod) ?? 0) + o.probability);
    }
    return out;
  };
  const pa = pods(a);
  const pb = pods(b);
  return 1 - [...pa].reduce((s, [pod, p]) => s + p * (pb.get(pod) ?? 0), 0);
}

/** Fails unless `different` of `total` fits the engine's chance `p` (χ², two categories). */
function expectFit(different: number, total: number, p: number, what: string): void {
  const fit = chiSquareGoodnessOfFit([total - different, different], [1 - p, p]);
  expect(
    fit.pValue,
    `${what}: ${different}/${total}, engine predicts ${(p * 100).toFixed(1)}% (χ² p = ${fit.pValue.toPrecision(3)})`,
  ).toBeGreaterThan(DEFAULT_ALPHA);
}

/** The lesson's cluster with another affinity timeout. */
function withTimeout(cluster: Cluster, seconds: number): Cluster {
  return { ...cluster, services: cluster.services.map((s) => ({ ...s, sessionAffinityTimeoutSeconds: seconds })) };
}

for (const mode of MODES) {
  describeKernel(
    'sticky lesson: affinity is per node',
    () => {
      const scenario = useScenario(() => loadScenarioFiles([lessonScenarioPath('sticky')]), mode, {
        extraClientIPs: CLIENTS,
      });

      it('100 clients stick through node 1 and through node 2, but the two nodes choose apart, as the engine says', async () => {
        const { kernel, simulation } = scenario();
        const viaNode1 = await stuckPods(kernel, NODE_1, ROUNDS);
        const viaNode2 = await stuckPods(kernel, NODE_2, ROUNDS);
        const split = CLIENTS.filter((ip) => viaNode1.get(ip) !== viaNode2.get(ip)).length;
        const p = engineSplitChance(simulation, NODE_1, NODE_2);
        expect(p).toBeCloseTo(0.5, 12);
        expectFit(split, CLIENTS.length, p, 'clients served by different pods through node 1 and node 2');

        if (mode === 'iptables') {
          // Where the memory lives: each node's own /proc/net/xt_recent/<list>, one list per
          // endpoint chain, holding exactly the clients that node sent to that endpoint.
          const pod1Chain = /--rcheck[^\n]*-j (KUBE-SEP-\w+)/.exec(simulation.rules('node-1'))?.[1];
          expect(pod1Chain, 'the first affinity rule of KUBE-SVC').toBeDefined();
          for (const [name, seen] of [
            ['node-1', viaNode1],
            ['node-2', viaNode2],
          ] as const) {
            const netns = kernel.plan.nodes.find((n) => n.name === name)!.netns;
            const listed =
              exec(inNetns(netns, ['cat', `/proc/net/xt_recent/${pod1Chain}`])).stdout.match(/src=(\S+)/g) ?? [];
            const expected = CLIENTS.filter((ip) => seen.get(ip) === 'pod-1');
            expect(listed.map((s) => s.slice(4)).sort(), `${name}'s recent list ${pod1Chain}`).toEqual(expected.sort());
          }
        }

        // The engine's own run of the same traffic: every (client, node) flow stuck as well.
        const round = CLIENTS.flatMap((ip) =>
          [NODE_1, NODE_2].map((host) => ({
            from: { kind: 'client' as const, ip },
            to: { ip: host, port: NODE_PORT },
          })),
        );
        const run = simulation.run(round, { count: round.length * ROUNDS, seed: `sticky-${mode}`, interval: 1 });
        run.step(Infinity);
        const flows = run.summary().flows;
        expect(flows.filter((f) => Object.keys(f.pods).length !== 1)).toEqual([]);
        const engineSplit = CLIENTS.filter(
          (_, c) => Object.keys(flows[2 * c]!.pods)[0] !== Object.keys(flows[2 * c + 1]!.pods)[0],
        ).length;
        expectFit(engineSplit, CLIENTS.length, p, 'engine run: clients split between the nodes');
      });
    },
    mode,
  );

  describeKernel(
    'sticky lesson: the affinity timeout',
    () => {
      // Long enough that two back-to-back probes of 100 clients fit inside it on a loaded machine.
      const TIMEOUT = 8;
      const scenario = useScenario(
        () => withTimeout(loadScenarioFiles([lessonScenarioPath('sticky')]), TIMEOUT),
        mode,
        { extraClientIPs: CLIENTS },
      );

      it(`with timeoutSeconds ${TIMEOUT}: back within it, every client keeps its pod; after it, each chooses afresh`, async () => {
        const { kernel, simulation } = scenario();
        const started = performance.now();
        const first = await stuckPods(kernel, NODE_2, 1);
        const soon = await stuckPods(kernel, NODE_2, 1);
        const took = (performance.now() - started) / 1000;
        expect(took, 'both probes must fit inside the timeout for this check to mean anything').toBeLessThan(TIMEOUT);
        expect(
          CLIENTS.filter((ip) => first.get(ip) !== soon.get(ip)),
          `clients that moved within the timeout (both probes took ${took.toFixed(1)} s)`,
        ).toEqual([]);
        await sleep(TIMEOUT * 1000 + 1500);
        const later = await stuckPods(kernel, NODE_2, 1);
        const moved = CLIENTS.filter((ip) => soon.get(ip) !== later.get(ip)).length;
        const p = engineSplitChance(simulation, NODE_2, NODE_2);
        expectFit(moved, CLIENTS.length, p, 'clients served by another pod after the timeout');

        // The engine, on its simulated clock: the same three rounds at 0 s, 0.5 s and 3.5 s.
        const session = simulation.session(`timeout-${mode}`);
        const at = (now: number): string[] =>
          CLIENTS.map((ip, i) => {
            const r = session.connect(
              {
                from: { kind: 'client', ip },
                to: { ip: NODE_2, port: NODE_PORT },
                sourcePort: 20_000 + i + now * 1000,
              },
              { now },
            );
            return r.destination?.kind === 'pod' ? r.destination.name : r.verdict;
          });
        const e0 = at(0);
        const e1 = at(0.5);
        const e2 = at(TIMEOUT + 1.5);
        expect(e1).toEqual(e0);
        expectFit(
          e2.filter((pod, i) => pod !== e1[i]).length,
          CLIENTS.length,
          p,
          'engine: clients moved after the timeout',
        );
      });
    },
    mode,
  );
}
