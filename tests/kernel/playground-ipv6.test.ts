import { expect, it } from 'vitest';
import type { ConnectionSpec } from '../../src/engine/network/types';
import { createDatapathSimulation } from '../../src/engine/simulate';
import { connectionOf, walkedCluster } from '../../src/playground/cluster';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../src/playground/scenario';
import { compareWithEngine, formatComparison } from './harness/compare';
import { observableOf } from './harness/engine';
import { useIpv6Cluster } from './harness/ipv6Cluster';
import { describeIpv6Rules } from './harness/ipv6Rules';
import type { RulesMode } from './harness/rules';

// The playground's IP family control, against the kernel (docs/kernel.md): the bounce
// question with family IPv6 is the playground's own dual-stack cluster, walked over its IPv6
// view. That view is built as namespaces with every node's IPv6 rules loaded, the client's
// connections go where the playground sends them (connectionOf), and the engine, given the
// same cluster and datapath the playground gives it, must agree with what the pods saw.

const MODES: readonly RulesMode[] = ['iptables', 'nftables'];

const scenarioOf = (etp: 'Cluster' | 'Local', entry: number): PlaygroundScenario => ({
  ...DEFAULT_SCENARIO,
  family: 'IPv6',
  entry,
  service: { ...DEFAULT_SCENARIO.service, externalTrafficPolicy: etp },
});

const CASES: readonly { readonly etp: 'Cluster' | 'Local'; readonly entry: number; readonly title: string }[] = [
  { etp: 'Cluster', entry: 1, title: 'node-2’s NodePort: about half bounce to pod-1, masqueraded to node-2' },
  { etp: 'Cluster', entry: 2, title: 'empty node-3’s NodePort: both pods, both masqueraded to node-3' },
  { etp: 'Local', entry: 1, title: 'node-2’s NodePort: every connection on pod-2, which sees the client' },
  { etp: 'Local', entry: 2, title: 'empty node-3’s NodePort: no answer at all' },
];

for (const mode of MODES) {
  for (const etp of ['Cluster', 'Local'] as const) {
    describeIpv6Rules(
      `the playground’s bounce over IPv6, externalTrafficPolicy ${etp}`,
      () => {
        const view = walkedCluster(scenarioOf(etp, 1));
        const cluster = useIpv6Cluster(() => view, mode, 'playground IPv6');
        // The simulation the playground builds for this scenario and datapath.
        const simulation = createDatapathSimulation(view, { datapath: mode });

        for (const c of CASES.filter((k) => k.etp === etp)) {
          it(c.title, async () => {
            const spec: ConnectionSpec = connectionOf(scenarioOf(etp, c.entry));
            if (spec.from.kind !== 'client' || spec.from.via === undefined) throw new Error('expected a LAN client');
            const result = await cluster().probe({
              from: { kind: 'client', via: spec.from.via },
              host: spec.to.ip,
              port: spec.to.port ?? 0,
              count: c.etp === 'Local' && c.entry === 2 ? 100 : 400,
            });
            const expected = simulation.exact(spec, { trace: false }).map((o) => observableOf(o.result, o.probability));
            const comparison = compareWithEngine(result, expected);
            const report = formatComparison(`[${mode}, playground IPv6, ETP ${etp}] ${c.title}`, comparison);
            expect(comparison.agrees, `\n${report}\n`).toBe(true);
          });
        }
      },
      mode,
    );
  }
}
