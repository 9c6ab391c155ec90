import { expect, it } from 'vitest';
import { lessonCluster } from './harness/lessonScenario';
import { expectAgreement, MODES, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Challenge "source-ip" (content/scenarios/source-ip.yaml): the client connects to node-1's
// NodePort; which source address does each serving pod see, under each external policy?

const CLIENT = '192.168.10.100';
const NODE_1 = '192.168.10.11';
const NODE_PORT = 30080;

for (const mode of MODES) {
  describeKernel(
    'source-ip, externalTrafficPolicy Cluster',
    () => {
      const scenario = useScenario(() => lessonCluster('source-ip', { externalTrafficPolicy: 'Cluster' }), mode);

      it('client → node-1:30080: pod-2 sees node-1’s LAN address, pod-1 sees node-1’s address on its veth', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: NODE_1,
          port: NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        // MASQUERADE takes the address of the interface the packet leaves node-1 by.
        expect([...result.probe.seenSources.get('pod-2')!.keys()]).toEqual([NODE_1]);
        expect([...result.probe.seenSources.get('pod-1')!.keys()]).toEqual(['10.244.1.1']);
      });
    },
    mode,
  );

  describeKernel(
    'source-ip, externalTrafficPolicy Local',
    () => {
      const scenario = useScenario(() => lessonCluster('source-ip', { externalTrafficPolicy: 'Local' }), mode);

      it('client → node-1:30080: only pod-1 serves, and it sees the client’s own address', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: NODE_1,
          port: NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        expect([...result.probe.perPod]).toEqual([['pod-1', 400]]);
        expect([...result.probe.seenSources.get('pod-1')!.keys()]).toEqual([CLIENT]);
      });
    },
    mode,
  );
}
