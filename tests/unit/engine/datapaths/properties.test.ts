/**
 * Properties over random clusters (fast-check): exact mode is a distribution for every
 * datapath, and the ETP Local rules hold — iptables and Cilium drop exactly where the entry
 * node has no local pod, IPVS never drops a node-port connection while any pod exists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDatapathSimulation } from '../../../../src/engine/datapaths';
import { spreadCluster } from './clusters';

const NODES = ['192.168.10.11', '192.168.10.12', '192.168.10.13'];

describe('datapath properties', () => {
  it('exact sums to 1; ETP Local drops exactly on nodes without a local pod (iptables, Cilium) and never in IPVS', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (pods, local, skipNode3, entry) => {
          const cluster = spreadCluster(pods, { externalTrafficPolicy: local ? 'Local' : 'Cluster', skipNode3 });
          const entryNode = `node-${entry + 1}`;
          const hasLocal = cluster.pods.some((p) => p.nodeName === entryNode);
          for (const datapath of ['iptables', 'ipvs', 'cilium'] as const) {
            const out = createDatapathSimulation(cluster, { datapath }).exact({
              from: { kind: 'client' },
              to: { ip: NODES[entry] as string, port: 30080 },
            });
            expect(out.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
            const dropped = out.some((o) => o.result.verdict === 'DROP');
            expect(dropped).toBe(datapath !== 'ipvs' && local && !hasLocal);
          }
        },
      ),
      { numRuns: 40, seed: 6 },
    );
  });
});
