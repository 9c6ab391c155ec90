import { expect, it } from 'vitest';
import { BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import { expectAgreement, MODES, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Scenario 6: a Service with no usable endpoints (both pods not Ready): kube-proxy writes
// REJECT rules instead of DNAT. With the ICMP rate limits lifted in the node namespaces every
// connection is refused at once; with them, most would look like time-outs (docs/kernel.md).

for (const mode of MODES) {
  describeKernel(
    'no endpoints (REJECT)',
    () => {
      const scenario = useScenario(() => bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] }), mode);
      // Where each mode rejects: iptables' filter chains, or nft's no-endpoint maps → reject-chain.
      const by =
        mode === 'iptables'
          ? {
              nodePort: 'filter KUBE-EXTERNAL-SERVICES REJECT',
              forward: 'filter KUBE-SERVICES REJECT in FORWARD',
              output: 'filter KUBE-SERVICES REJECT in OUTPUT',
            }
          : {
              nodePort: 'no-endpoint-nodeports → reject-chain, filter-input',
              forward: 'no-endpoint-services → reject-chain, filter-forward',
              output: 'no-endpoint-services → reject-chain, filter-output',
            };

      it(`client → node-2:30080 is refused (${by.nodePort})`, async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: '192.168.10.12',
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        expect([...result.probe.failures]).toEqual([['refused', 400]]);
      });

      it(`pod-1 → ClusterIP is refused (${by.forward})`, async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'pod', name: 'pod-1' },
          host: '10.96.120.15',
          port: 80,
          count: 400,
        });
        expectAgreement(result);
      });

      it(`node-3 → ClusterIP is refused (${by.output})`, async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'node', name: 'node-3' },
          host: '10.96.120.15',
          port: 80,
          count: 400,
        });
        expectAgreement(result);
      });
    },
    mode,
  );
}
