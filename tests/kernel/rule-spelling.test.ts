import { expect, it } from 'vitest';
import { bounceCluster } from '../../src/engine/scenarios/bounce';
import type { Cluster } from '../../src/engine/model/types';
import { kernelScenarioPath, loadScenarioFiles } from './harness/clusters';
import { engineRules } from './harness/engine';
import { KernelCluster } from './harness/kernelCluster';
import { normalizeSave } from './harness/rules';
import { describeKernel } from './harness/suite';

// The engine's rules load into real netfilter unchanged, and `iptables-save` prints them back
// exactly as the engine's "kernel" spelling says a reader will see them on a node.

/**
 * Known spelling gaps between the engine's "kernel" style and iptables-save 1.8.9, each a
 * rewrite of the live dump back to the engine's form. Reported to the generator's owner; an
 * allowance only bridges the exact gap named, every other difference still fails. libxt_nfacct
 * prints " --nfacct-name " and then the name through xtables_save_string, which adds its own
 * leading space, hence two spaces.
 */
const KNOWN_GAPS: readonly { readonly what: string; readonly live: RegExp; readonly engine: string }[] = [
  { what: 'iptables-save prints two spaces after --nfacct-name', live: /--nfacct-name {2}/g, engine: '--nfacct-name ' },
];

function bridgeKnownGaps(live: string, predicted: string): string {
  let out = live;
  for (const gap of KNOWN_GAPS) {
    // Bridge only while the engine still spells it the other way.
    if (!gap.live.test(predicted)) {
      if (out.match(gap.live)) console.warn(`rule spelling: known gap bridged: ${gap.what}`);
      out = out.replace(gap.live, gap.engine);
    }
    gap.live.lastIndex = 0;
  }
  return out;
}

const cases: [string, () => Cluster][] = [
  ['bounce, ETP Cluster', () => bounceCluster()],
  ['bounce, ETP Local', () => bounceCluster({ externalTrafficPolicy: 'Local' })],
  ['bounce, ClientIP affinity', () => bounceCluster({ sessionAffinity: 'ClientIP' })],
  ['bounce, no ready endpoints', () => bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] })],
  ['three endpoints over two nodes', () => loadScenarioFiles([kernelScenarioPath('three-endpoints')])],
];

describeKernel('engine rules in the kernel', () => {
  it.each(cases)('%s: every node loads the rules and iptables-save prints the engine\'s kernel spelling', async (_name, make) => {
    const cluster = make();
    const kernel = await KernelCluster.start(cluster, { rulesFor: (node) => engineRules(cluster, node) });
    const dumps: [string, string, string][] = [];
    let left: string[] = [];
    try {
      expect(kernel.adjustments).toEqual([]);
      for (const node of cluster.nodes) {
        dumps.push([node.name, normalizeSave(kernel.rulesOf(node.name, false)), normalizeSave(engineRules(cluster, node.name, 'kernel'))]);
      }
    } finally {
      left = await kernel.close();
    }
    expect(left).toEqual([]);
    for (const [node, live, predicted] of dumps) {
      expect(bridgeKnownGaps(live, predicted), `iptables-save on ${node} vs the engine's kernel spelling`).toBe(predicted);
    }
  });
});
