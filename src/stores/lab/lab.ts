/**
 * The lesson's lab over the engine façade: the lesson's scenario under the reader's
 * settings, simulated node by node with the rules kube-proxy writes, with the lesson's
 * traffic. This module (and the engine with it) is only ever reached through a dynamic
 * import, so it loads on the first run or view that needs it. It knows no lesson: all it
 * runs comes from the LabConfig.
 */
import {
  countsByEnd,
  endpointPods,
  exactEnds,
  startLabRun,
  trafficSteps,
  viewOf,
  type End,
  type LabConfig,
  type TrafficSpec,
  type TrafficStep,
} from '../../engine/lab';
import type { Cluster } from '../../engine/model/types';
import { createDatapathSimulation, type Datapath, type Simulation } from '../../engine/simulate';
import type { NodeCounters, Scenario } from '../model';
import { dumpLines } from './dumpLines';
import { explainLines } from './explain';
import { natLines, type CounterSlot } from './natTable';
import { buildStory } from './story';
import type { Lab, RulesListing, RunJob } from './types';

interface Built {
  readonly cluster: Cluster;
  readonly datapath: Datapath;
  readonly simulation: Simulation;
  readonly steps: readonly TrafficStep[];
  readonly interval: number;
  readonly listings: Map<string, { listing: RulesListing; slots: CounterSlot[] }>;
}

/**
 * Every endpoint pod of the lesson's Service at zero, so pods that got nothing still get a
 * bar. A pod the Service does not select (a client pod) can never serve, so it gets none.
 */
function withPods(cluster: Cluster, traffic: TrafficSpec, counts: Readonly<Record<End, number>>): Record<End, number> {
  return { ...Object.fromEntries([...endpointPods(cluster, traffic)].map((p) => [p, 0])), ...counts };
}

function listingFor(b: Built, node: string): { listing: RulesListing; slots: CounterSlot[] } {
  let entry = b.listings.get(node);
  if (!entry) {
    const text = b.simulation.rules(node);
    const pods = new Map(b.cluster.pods.map((p) => [p.ip, p.name]));
    if (b.datapath === 'iptables') {
      const { lines, slots } = natLines(text);
      entry = { listing: { node, format: 'iptables', lead: 'lead', lines: explainLines(lines, pods) }, slots };
    } else {
      // nft, IPVS and Cilium dumps are shown whole; only the iptables nat table has pkts counters here.
      const lead = LEADS[b.datapath];
      entry = { listing: { node, format: b.datapath, lead, lines: dumpLines(text, pods) }, slots: [] };
    }
    b.listings.set(node, entry);
  }
  return entry;
}

/** The sentence that introduces each datapath's dump. */
const LEADS = { iptables: 'lead', nftables: 'leadNftables', ipvs: 'leadIpvs', cilium: 'leadCilium' } as const;

/** Source ports of sample connections: the first of Linux's ephemeral range, then onwards. */
const SAMPLE_PORT = 40_000;

/** A lab over the lesson `config`; one simulation per distinct setting, built on first use. */
export function createLab(config: LabConfig): Lab {
  const built = new Map<string, Built>();
  const buildFor = (settings: Scenario): Built => {
    const key = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
    let b = built.get(key);
    if (!b) {
      const view = viewOf(config, settings);
      b = {
        cluster: view.cluster,
        datapath: view.datapath,
        simulation: createDatapathSimulation(view.cluster, { datapath: view.datapath }),
        steps: trafficSteps(view.cluster, view.traffic),
        interval: view.traffic.interval ?? 1,
        listings: new Map(),
      };
      built.set(key, b);
    }
    return b;
  };
  return {
    slug: config.slug,
    rules: (settings, node) => listingFor(buildFor(settings), node).listing,

    exact(settings) {
      const b = buildFor(settings);
      return withPods(b.cluster, config.spec.traffic, exactEnds(b.simulation, b.steps));
    },

    startRun(settings, seed, total): RunJob {
      const b = buildFor(settings);
      const run = startLabRun(b.simulation, b.steps, { total, seed, interval: b.interval });
      return {
        total,
        step: (count) => run.step(count),
        finish() {
          const { tallies, counters: raw } = run.finish();
          const counters: Record<string, NodeCounters> = {};
          for (const node of b.simulation.nodes) {
            const { slots } = listingFor(b, node);
            const index = new Map(slots.map((s, i) => [`${s.chain} ${s.rule}`, i]));
            const values = new Array<number>(slots.length).fill(0);
            for (const c of raw) {
              const i = c.node === node && c.table === 'nat' ? index.get(`${c.chain} ${c.rule}`) : undefined;
              if (i !== undefined) values[i] = c.packets;
            }
            counters[node] = values;
          }
          return { counts: withPods(b.cluster, config.spec.traffic, countsByEnd(tallies)), tallies, counters };
        },
      };
    },

    story(settings, seed, sample) {
      const b = buildFor(settings);
      const step = b.steps[sample % b.steps.length] as TrafficStep;
      const sport = SAMPLE_PORT + sample;
      const result = b.simulation.sample({ ...step.spec, sourcePort: sport }, `${seed}:${sample}`, { trace: true });
      const origin = step.spec.protocol === 'icmp' ? 'ping' : step.spec.from.kind === 'pod' ? 'pod' : 'client';
      return buildStory(result, sample, sport, step.entry, origin);
    },
  };
}
