import { expect, it } from 'vitest';
import { bounceCluster } from '../../src/engine/scenarios/bounce';
import { expectAgreement, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// What nftables mode does that iptables mode does not (docs/kube-proxy.md §2): cluster-ips-check
// rejects a ClusterIP's unserved ports and drops unallocated addresses of the service CIDR.
// iptables mode lets both pass (they leave by the default route), so these run in nft only.

describeKernel(
  'nftables mode only: cluster-ips-check',
  () => {
    const scenario = useScenario(() => bounceCluster(), 'nftables');

    it('pod-1 → ClusterIP on a port the Service does not serve (81) is refused', async () => {
      const { kernel, simulation } = scenario();
      const engine = simulation.exact(
        { from: { kind: 'pod', name: 'pod-1' }, to: { ip: '10.96.120.15', port: 81 } },
        { trace: false },
      );
      expect(engine.map((o) => [o.result.verdict, o.result.decidedBy?.chain])).toEqual([
        ['REJECT', 'cluster-ips-check'],
      ]);
      const result = await runCase(kernel, simulation, {
        from: { kind: 'pod', name: 'pod-1' },
        host: '10.96.120.15',
        port: 81,
        count: 50,
      });
      expectAgreement(result);
      expect([...result.probe.failures]).toEqual([['refused', 50]]);
    });

    it('pod-1 → an unallocated address of the service CIDR (10.96.0.99:80) is dropped', async () => {
      const { kernel, simulation } = scenario();
      const engine = simulation.exact(
        { from: { kind: 'pod', name: 'pod-1' }, to: { ip: '10.96.0.99', port: 80 } },
        { trace: false },
      );
      expect(engine.map((o) => [o.result.verdict, o.result.decidedBy?.chain])).toEqual([['DROP', 'cluster-ips-check']]);
      const result = await runCase(kernel, simulation, {
        from: { kind: 'pod', name: 'pod-1' },
        host: '10.96.0.99',
        port: 80,
        count: 10,
      });
      expectAgreement(result);
    });
  },
  'nftables',
);
