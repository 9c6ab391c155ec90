/**
 * The lesson's lab over the engine façade: the bounce cluster in the reader's scenario,
 * simulated node by node with the rules kube-proxy writes. This module (and the engine with
 * it) is only ever reached through a dynamic import, so it loads on the first run or view
 * that needs it.
 */
import { createSimulation, type ConnectionResult, type ConnectionSpec, type Simulation } from '../../engine/simulate.ts';
import { BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT, bounceCluster } from '../../engine/scenarios/bounce.ts';
import type { Cluster } from '../../engine/model/types.ts';
import { DROPPED, nodeName, type NodeCounters, type Outcome, type Policy, type Scenario } from '../model.ts';
import { explainLines } from './explain.ts';
import { natLines, type CounterSlot } from './natTable.ts';
import { buildStory } from './story.ts';
import type { Lab, RulesListing, RunJob } from './types.ts';

interface Built {
  readonly cluster: Cluster;
  readonly simulation: Simulation;
  readonly listings: Map<string, { listing: RulesListing; slots: CounterSlot[] }>;
}

/** The connection of the experiment: the external client to the receiving node's NodePort. */
function connectionFor(b: Built, scenario: Scenario, sourcePort?: number): ConnectionSpec {
  const node = b.cluster.nodes.find((n) => n.name === nodeName(scenario.node));
  if (!node) throw new RangeError(`the cluster has no ${nodeName(scenario.node)}`);
  return {
    from: { kind: 'client', ip: BOUNCE_CLIENT_IP },
    to: { ip: node.internalIP, port: BOUNCE_NODE_PORT },
    ...(sourcePort === undefined ? {} : { sourcePort }),
  };
}

/** The outcome of a connection: the pod that served it, or "dropped" when none did. */
export function outcomeOf(result: ConnectionResult): Outcome {
  return result.destination?.kind === 'pod' ? result.destination.name : DROPPED;
}

/** Every outcome of the cluster at zero, so pods that got nothing still get a bar. */
function zeroes(cluster: Cluster): Record<Outcome, number> {
  return Object.fromEntries([...cluster.pods.map((p) => [p.name, 0] as const), [DROPPED, 0] as const]);
}

function listingFor(b: Built, node: string): { listing: RulesListing; slots: CounterSlot[] } {
  let entry = b.listings.get(node);
  if (!entry) {
    const { lines, slots } = natLines(b.simulation.rules(node));
    const pods = new Map(b.cluster.pods.map((p) => [p.ip, p.name]));
    entry = { listing: { node, lines: explainLines(lines, pods) }, slots };
    b.listings.set(node, entry);
  }
  return entry;
}

/** Source ports of sample connections: the first of Linux's ephemeral range, then onwards. */
const SAMPLE_PORT = 40_000;

/**
 * A lab over the clusters `clusterOf` builds for each policy (the bounce cluster on the
 * page; tests pass variants: a third pod, a pod that is not ready).
 */
export function createLab(clusterOf: (policy: Policy) => Cluster): Lab {
  const built = new Map<Policy, Built>();
  // Rules do not depend on the receiving node, so one simulation per policy.
  const simulationFor = (policy: Policy): Built => {
    let b = built.get(policy);
    if (!b) {
      const cluster = clusterOf(policy);
      b = { cluster, simulation: createSimulation(cluster), listings: new Map() };
      built.set(policy, b);
    }
    return b;
  };
  return {
    rules: (scenario, node) => listingFor(simulationFor(scenario.policy), node).listing,

    exact(scenario) {
      const b = simulationFor(scenario.policy);
      const out = zeroes(b.cluster);
      for (const o of b.simulation.exact(connectionFor(b, scenario), { trace: false })) {
        const key = outcomeOf(o.result);
        out[key] = (out[key] ?? 0) + o.probability;
      }
      return out;
    },

    startRun(scenario, seed, total): RunJob {
      const b = simulationFor(scenario.policy);
      const runner = b.simulation.run(connectionFor(b, scenario), { count: total, seed });
      return {
        total,
        step: (count) => runner.step(count).done,
        finish() {
          const counts = zeroes(b.cluster);
          for (const o of runner.summary().outcomes) {
            const key = outcomeOf(o.result);
            counts[key] = (counts[key] ?? 0) + o.count;
          }
          const counters: Record<string, NodeCounters> = {};
          for (const node of b.simulation.nodes) {
            const { slots } = listingFor(b, node);
            const index = new Map(slots.map((s, i) => [`${s.chain} ${s.rule}`, i]));
            const values = new Array<number>(slots.length).fill(0);
            for (const c of runner.counters()) {
              const i = c.node === node && c.table === 'nat' ? index.get(`${c.chain} ${c.rule}`) : undefined;
              if (i !== undefined) values[i] = c.packets;
            }
            counters[node] = values;
          }
          return { counts, counters };
        },
      };
    },

    story(scenario, seed, sample) {
      const b = simulationFor(scenario.policy);
      const sport = SAMPLE_PORT + sample;
      const result = b.simulation.sample(connectionFor(b, scenario, sport), `${seed}:${sample}`, { trace: true });
      return buildStory(result, sample, sport, nodeName(scenario.node));
    },
  };
}

/** The lab of the bounce lesson. */
export const lab: Lab = createLab((policy) => bounceCluster({ externalTrafficPolicy: policy }));
