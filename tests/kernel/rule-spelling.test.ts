import { expect, it } from 'vitest';
import { bounceCluster } from '../../src/engine/scenarios/bounce';
import type { Cluster } from '../../src/engine/model/types';
import { kernelScenarioPath, loadScenarioFiles } from './harness/clusters';
import { engineRules } from './harness/engine';
import { KernelCluster } from './harness/kernelCluster';
import { normalizeSave } from './harness/rules';
import { exactRulesReason, kernelSupport } from './harness/environment';
import { describeKernel } from './harness/suite';

// The engine's rules load into real netfilter unchanged, and `iptables-save` prints them back
// exactly as the engine's "kernel" spelling says a reader will see them on a node (this is how
// the two spaces iptables-save prints after --nfacct-name were found).

const cases: [string, () => Cluster][] = [
  ['bounce, ETP Cluster', () => bounceCluster()],
  ['bounce, ETP Local', () => bounceCluster({ externalTrafficPolicy: 'Local' })],
  ['bounce, ClientIP affinity', () => bounceCluster({ sessionAffinity: 'ClientIP' })],
  ['bounce, no ready endpoints', () => bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] })],
  ['three endpoints over two nodes', () => loadScenarioFiles([kernelScenarioPath('three-endpoints')])],
];

// Without kernel support the whole block is skipped with that reason by describeKernel.
const notExact = kernelSupport().iptables ? exactRulesReason() : '';
if (notExact) console.warn(`kernel suite: SKIPPED rule spelling: ${notExact}`);

const title = `%s: every node loads the rules and iptables-save prints the engine's kernel spelling${notExact ? ` — SKIPPED: ${notExact}` : ''}`;

describeKernel('engine rules in the kernel', () => {
  it.skipIf(notExact !== '').each(cases)(title, async (_name, make) => {
    const cluster = make();
    const kernel = await KernelCluster.start(cluster, { rulesFor: (node) => engineRules(cluster, node) });
    const dumps: [string, string, string][] = [];
    let left: string[] | undefined;
    try {
      expect(kernel.adjustments).toEqual([]);
      for (const node of cluster.nodes) {
        dumps.push([
          node.name,
          normalizeSave(kernel.rulesOf(node.name, false)),
          normalizeSave(engineRules(cluster, node.name, 'kernel')),
        ]);
      }
    } finally {
      left = await kernel.close();
    }
    expect(left).toEqual([]);
    for (const [node, live, predicted] of dumps) {
      expect(live, `iptables-save on ${node} vs the engine's kernel spelling`).toBe(predicted);
    }
  });
});
