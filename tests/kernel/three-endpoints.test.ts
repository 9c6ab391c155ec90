import { expect, it } from 'vitest';
import { kernelScenarioPath, loadScenarioFiles } from './harness/clusters';
import { expectAgreement, MODES, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Scenario 4: three endpoints over two nodes (pod-1 and pod-3 on node-1, pod-2 on node-2),
// reached through the ClusterIP: kube-proxy's cascade 1/3, then 1/2, then the rest.

const CLUSTER_IP = '10.96.120.15';

for (const mode of MODES) {
  describeKernel(
    'three endpoints over two nodes',
    () => {
      const scenario = useScenario(() => loadScenarioFiles([kernelScenarioPath('three-endpoints')]), mode);

      it('pod-1 → ClusterIP: 1/3 each; pod-1 reaching itself is hairpin-masqueraded to 10.244.1.1', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'pod', name: 'pod-1' },
          host: CLUSTER_IP,
          port: 80,
          count: 600,
        });
        expectAgreement(result);
        expect([...result.probe.perPod.keys()].sort()).toEqual(['pod-1', 'pod-2', 'pod-3']);
      });

      it('node-2 → ClusterIP: 1/3 each; masqueraded to the address of the interface it leaves by', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'node', name: 'node-2' },
          host: CLUSTER_IP,
          port: 80,
          count: 600,
        });
        expectAgreement(result);
        expect([...result.probe.seenSources.get('pod-2')!.keys()]).toEqual(['10.244.2.1']);
        expect([...result.probe.seenSources.get('pod-3')!.keys()]).toEqual(['192.168.10.12']);
      });
    },
    mode,
  );
}
