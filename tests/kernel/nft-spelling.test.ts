import { expect, it } from 'vitest';
import { generateNftables } from '../../src/engine/kubeproxy/nftables';
import type { Cluster } from '../../src/engine/model/types';
import { bounceCluster } from '../../src/engine/scenarios/bounce';
import { kernelScenarioPath, loadScenarioFiles } from './harness/clusters';
import { KernelCluster } from './harness/kernelCluster';
import { describeKernel } from './harness/suite';

// nftables mode: the engine's `nft -f` transaction loads into real nf_tables unchanged, and
// `nft list ruleset` prints it back exactly as the engine's listing rendering says. (These
// rulesets hold at most one element per concatenated map; the order nft lists several in
// is the kernel set backend's and is not modelled.)

const cases: [string, () => Cluster][] = [
  ['bounce, ETP Cluster', () => bounceCluster()],
  ['bounce, ETP Local', () => bounceCluster({ externalTrafficPolicy: 'Local' })],
  ['bounce, ClientIP affinity', () => bounceCluster({ sessionAffinity: 'ClientIP' })],
  ['bounce, no ready endpoints', () => bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] })],
  ['three endpoints over two nodes', () => loadScenarioFiles([kernelScenarioPath('three-endpoints')])],
];

describeKernel(
  'engine nft rules in the kernel',
  () => {
    it.each(cases)(
      "%s: every node loads the nft transaction and nft lists the engine's listing",
      async (_name, make) => {
        const cluster = make();
        const kernel = await KernelCluster.start(cluster, {
          mode: 'nftables',
          rulesFor: (node) => generateNftables(cluster, node),
        });
        const dumps: [string, string, string][] = [];
        let left: string[] | undefined;
        try {
          for (const node of cluster.nodes)
            dumps.push([
              node.name,
              kernel.rulesOf(node.name, false),
              generateNftables(cluster, node.name, { rendering: 'listing' }),
            ]);
        } finally {
          left = await kernel.close();
        }
        expect(left).toEqual([]);
        for (const [node, live, predicted] of dumps)
          expect(live, `nft list ruleset on ${node} vs the engine's listing`).toBe(predicted);
      },
    );
  },
  'nftables',
);
