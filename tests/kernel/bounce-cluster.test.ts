import { expect, it } from 'vitest';
import { BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import { expectAgreement, MODES, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Scenarios 1 and 2: the bounce challenge with externalTrafficPolicy Cluster.

for (const mode of MODES) {
  describeKernel(
    'bounce, ETP Cluster',
    () => {
      const scenario = useScenario(() => bounceCluster(), mode);

      it('client → node-2:30080 splits about 50/50; pod-1 sees node-2’s IP, pod-2 sees 10.244.2.1', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: '192.168.10.12',
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        // The challenge's claims, stated outright (the engine agreed with the kernel above).
        expect([...result.probe.seenSources.get('pod-1')!.keys()]).toEqual(['192.168.10.12']);
        expect([...result.probe.seenSources.get('pod-2')!.keys()]).toEqual(['10.244.2.1']);
      });

      it('client → node-3:30080 (no local pod) splits about 50/50; both pods see node-3’s IP', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: '192.168.10.13',
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        expect([...result.probe.seenSources.keys()].sort()).toEqual(['pod-1', 'pod-2']);
        for (const seen of result.probe.seenSources.values()) expect([...seen.keys()]).toEqual(['192.168.10.13']);
      });

      if (mode === 'iptables') {
        it('node-1 → 127.0.0.1:30080 (localhost node port; kube-proxy sets route_localnet) splits 50/50', async () => {
          const { kernel, simulation } = scenario();
          const result = await runCase(kernel, simulation, {
            from: { kind: 'node', name: 'node-1' },
            host: '127.0.0.1',
            port: BOUNCE_NODE_PORT,
            count: 400,
          });
          expectAgreement(result);
        });
      } else {
        // nftables mode: nodePortAddresses defaults to the primary IP and localhost NodePorts
        // are never supported, so nothing DNATs 127.0.0.1:30080 and the node's stack refuses it.
        it('node-1 → 127.0.0.1:30080 is refused: nftables mode has no localhost node ports', async () => {
          const { kernel, simulation } = scenario();
          const engine = simulation.exact(
            { from: { kind: 'node', name: 'node-1' }, to: { ip: '127.0.0.1', port: BOUNCE_NODE_PORT } },
            { trace: false },
          );
          expect(engine.map((o) => o.result.destination?.kind)).toEqual(['node']);
          const result = await runCase(kernel, simulation, {
            from: { kind: 'node', name: 'node-1' },
            host: '127.0.0.1',
            port: BOUNCE_NODE_PORT,
            count: 50,
          });
          expectAgreement(result);
        });
      }
    },
    mode,
  );
}
