/** The decision-tree cache against full walks, connection by connection. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { createNetworkState, createWalkContext } from '../../../../src/engine/network/context';
import { resolveConnection } from '../../../../src/engine/network/resolve';
import { clusterTopology } from '../../../../src/engine/network/topology';
import { walkConnection } from '../../../../src/engine/network/walk';
import { createRng, samplingChooser } from '../../../../src/engine/random/rng';
import { outcomeKey } from '../../../../src/engine/run/outcome';
import { DecisionTree } from '../../../../src/engine/run/tree';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import type { Cluster } from '../../../../src/engine/model/types';

/** A cluster with one Service over `n` pods spread on the three nodes (a deeper decision tree). */
function wide(n: number): Cluster {
  const base = bounceCluster();
  const pods = Array.from({ length: n }, (_, i) => ({
    ...(base.pods[0] as Cluster['pods'][number]),
    name: `pod-${i + 1}`,
    nodeName: `node-${(i % 3) + 1}`,
    ip: `10.244.${(i % 3) + 1}.${10 + i}`,
  }));
  return createCluster(base, pods);
}

function createCluster(base: Cluster, pods: Cluster['pods']): Cluster {
  // Endpoints derived the way the scenario derives them: one slice, every pod ready.
  const slice = base.endpointSlices[0] as Cluster['endpointSlices'][number];
  return {
    ...base,
    pods,
    endpointSlices: [
      {
        ...slice,
        endpoints: pods.map((p) => ({
          addresses: [p.ip],
          nodeName: p.nodeName,
          conditions: { ready: true, serving: true, terminating: false },
          podName: p.name,
        })),
      },
    ],
  };
}

describe('DecisionTree', () => {
  it.each([
    ['bounce', bounceCluster()],
    ['seven endpoints', wide(7)],
  ])('gives the same outcome as a full walk for every connection of a seed (%s)', (_name, cluster) => {
    const topology = clusterTopology(cluster, (n) => generateIptablesSave(cluster, n));
    const connection = resolveConnection(topology, {
      from: { kind: 'client' },
      to: { ip: '192.168.10.13', port: 30080 },
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const keys: string[] = [];
        const ids = new Map<string, number>();
        const explore = createWalkContext(topology, createNetworkState(topology), samplingChooser(createRng(0)), true);
        const tree = new DecisionTree((chooser) => {
          explore.chooser = chooser;
          const key = outcomeKey(walkConnection(explore, connection));
          if (!ids.has(key)) {
            ids.set(key, keys.length);
            keys.push(key);
          }
          return { outcome: ids.get(key) as number, slots: [] };
        });
        const cachedRng = createRng(seed);
        const cached = Array.from({ length: 300 }, () => keys[tree.sample(cachedRng).outcome]);
        const ctx = createWalkContext(topology, createNetworkState(topology), samplingChooser(createRng(seed)), false);
        const full = Array.from({ length: 300 }, () => outcomeKey(walkConnection(ctx, connection)));
        expect(cached).toEqual(full);
        expect(tree.allLeaves().length).toBeLessThanOrEqual(cluster.pods.length);
      }),
      { numRuns: 10, seed: 77 },
    );
  });

  it('stops storing leaves beyond its limit but still answers exactly', () => {
    const cluster = wide(7);
    const topology = clusterTopology(cluster, (n) => generateIptablesSave(cluster, n));
    const connection = resolveConnection(topology, {
      from: { kind: 'client' },
      to: { ip: '192.168.10.12', port: 30080 },
    });
    const explore = createWalkContext(topology, createNetworkState(topology), samplingChooser(createRng(0)), false);
    const names: string[] = [];
    const tree = new DecisionTree((chooser) => {
      explore.chooser = chooser;
      const r = walkConnection(explore, connection);
      names.push(r.destination?.ip ?? '');
      return { outcome: names.length - 1, slots: [] };
    }, 2);
    const rng = createRng(11);
    const cached = Array.from({ length: 200 }, () => names[tree.sample(rng).outcome]);
    const ctx = createWalkContext(topology, createNetworkState(topology), samplingChooser(createRng(11)), false);
    const full = Array.from({ length: 200 }, () => walkConnection(ctx, connection).destination?.ip);
    expect(cached).toEqual(full);
    expect(tree.allLeaves()).toHaveLength(2);
  });
});
