import { expect, it } from 'vitest';
import { BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import { expectAgreement, MODES, runCase, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Scenario 3: the bounce challenge with externalTrafficPolicy Local.

for (const mode of MODES) {
  describeKernel(
    'bounce, ETP Local',
    () => {
      const scenario = useScenario(() => bounceCluster({ externalTrafficPolicy: 'Local' }), mode);

      it('client → node-2:30080 always reaches pod-2, which sees the client’s own IP', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: '192.168.10.12',
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        expect([...result.probe.perPod]).toEqual([['pod-2', 400]]);
        expect([...result.probe.seenSources.get('pod-2')!.keys()]).toEqual([BOUNCE_CLIENT_IP]);
      });

      it('client → node-3:30080 (no local endpoint) gets no answer at all; the engine says DROP', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'client' },
          host: '192.168.10.13',
          port: BOUNCE_NODE_PORT,
          count: 400,
          concurrency: 400,
        });
        expectAgreement(result);
        expect([...result.probe.failures]).toEqual([['timeout', 400]]);
      });

      it('node-3 → its own node port: LOCAL traffic is masqueraded and short-circuited to every endpoint', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'node', name: 'node-3' },
          host: '192.168.10.13',
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectAgreement(result);
        expect([...result.probe.perPod.keys()].sort()).toEqual(['pod-1', 'pod-2']);
      });

      it('pod-1 → node-2:30080 is short-circuited to all endpoints; pod-1 reaching itself is hairpin-masqueraded', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'pod', name: 'pod-1' },
          host: '192.168.10.12',
          port: BOUNCE_NODE_PORT,
          count: 400,
          concurrency: 400,
        });
        expectAgreement(result);
        expect([...result.probe.seenSources.get('pod-1')!.keys()]).toEqual(['192.168.10.12']);
      });

      it('pod-1 → node-3:30080: the half DNATed to pod-2 is not masqueraded, so pod-2’s answer skips node-3’s reverse NAT and is lost', async () => {
        const { kernel, simulation } = scenario();
        const result = await runCase(kernel, simulation, {
          from: { kind: 'pod', name: 'pod-1' },
          host: '192.168.10.13',
          port: BOUNCE_NODE_PORT,
          count: 400,
          concurrency: 400,
        });
        expectAgreement(result);
        expect(result.probe.failures.get('timeout') ?? 0).toBeGreaterThan(100);
      });
    },
    mode,
  );
}
