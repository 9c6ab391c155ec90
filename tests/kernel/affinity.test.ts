import { expect, it } from 'vitest';
import { BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import type { ExpectedOutcome } from './harness/compare';
import { compareWithEngine, formatComparison } from './harness/compare';
import { enginePrediction } from './harness/engine';
import { tally, type ProbeResult } from './harness/kernelCluster';
import { MODES, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// Scenario 5: sessionAffinity ClientIP. The first connection of a client is a fresh 50/50
// choice; every later one goes where the first went (the `recent` list, keyed by source IP).

const NODE_2 = '192.168.10.12';
// 100 more clients on the LAN: .101-.200.
const MANY_CLIENTS = Array.from({ length: 100 }, (_, i) => `192.168.10.${101 + i}`);
const ROUNDS = 4;
const CLUSTER_IP = '10.96.120.15';

/**
 * Only a client's first connection is a random choice, so a single client gives no sample for
 * a χ² fit: every connection must land where the first did, on a pod and with a seen source
 * that the engine's exact outcome for a first connection allows.
 */
function expectStuckToAllowedPod(probe: ProbeResult, firstConnection: readonly ExpectedOutcome[]): void {
  const where = `kernel: ${JSON.stringify([...probe.perPod])}, failures ${JSON.stringify([...probe.failures])}`;
  expect(probe.perPod.size, where).toBe(1);
  const [[pod, count]] = [...probe.perPod] as [[string, number]];
  expect(count, where).toBe(probe.outcomes.length);
  const seen = [...(probe.seenSources.get(pod)?.keys() ?? [])];
  const allowed = firstConnection
    .filter((o) => o.kind === 'pod' && o.probability > 0)
    .map((o) => (o.kind === 'pod' ? `${o.pod} sees ${o.source}` : ''));
  expect(allowed, `engine's first-connection outcomes vs what the kernel did`).toContain(
    `${pod} sees ${seen.join(', ')}`,
  );
}

for (const mode of MODES) {
  describeKernel(
    'bounce, sessionAffinity ClientIP',
    () => {
      const scenario = useScenario(() => bounceCluster({ sessionAffinity: 'ClientIP' }), mode, {
        extraClientIPs: MANY_CLIENTS,
      });

      it('one client sticks to one pod across 400 connections, as the engine’s session does', async () => {
        const { kernel, simulation } = scenario();
        const probe = await kernel.probe({
          from: { kind: 'client' },
          host: NODE_2,
          port: BOUNCE_NODE_PORT,
          count: 400,
        });
        expectStuckToAllowedPod(
          probe,
          enginePrediction(simulation, { kind: 'client' }, NODE_2, BOUNCE_NODE_PORT).expected,
        );

        const session = simulation.session('affinity');
        const pods = new Set<string>();
        for (let i = 0; i < 400; i++) {
          const r = session.connect({
            from: { kind: 'client' },
            to: { ip: NODE_2, port: BOUNCE_NODE_PORT },
            sourcePort: 20_000 + i,
          });
          pods.add(r.destination?.kind === 'pod' ? r.destination.name : `not a pod: ${r.verdict}`);
        }
        expect([...pods]).toHaveLength(1);
      });

      it('100 clients × 4 connections: each sticks; the first choices fit the engine’s 50/50', async () => {
        const { kernel, simulation } = scenario();
        const probe = await kernel.probe({
          from: { kind: 'client' },
          host: NODE_2,
          port: BOUNCE_NODE_PORT,
          count: ROUNDS,
          clientIPs: MANY_CLIENTS,
        });
        const byClient = new Map<string, Set<string>>();
        for (const o of probe.outcomes) {
          const where = o.outcome === 'answered' ? o.pod : o.outcome;
          byClient.set(o.local!, (byClient.get(o.local!) ?? new Set()).add(where));
        }
        const unstuck = [...byClient]
          .filter(([, where]) => where.size !== 1)
          .map(([ip, where]) => `${ip}: ${[...where].join(', ')}`);
        expect(unstuck, 'clients whose connections went to more than one place').toEqual([]);

        // Round 1 (each client's first connection) is where the random choice happens.
        const firstRound = tally(probe.outcomes.slice(0, MANY_CLIENTS.length));
        const expected: ExpectedOutcome[] = MANY_CLIENTS.flatMap((ip) =>
          enginePrediction(simulation, { kind: 'client', ip }, NODE_2, BOUNCE_NODE_PORT).expected.map((o) => ({
            ...o,
            probability: o.probability / MANY_CLIENTS.length,
          })),
        );
        const comparison = compareWithEngine(firstRound, expected);
        expect(
          comparison.agrees,
          `\n${formatComparison(`first connections of ${MANY_CLIENTS.length} clients`, comparison)}`,
        ).toBe(true);
      });

      it('a pod client sticks too, with the source the engine predicts', async () => {
        const { kernel, simulation } = scenario();
        const from = { kind: 'pod', name: 'pod-2' } as const;
        const probe = await kernel.probe({ from, host: CLUSTER_IP, port: 80, count: 100 });
        expectStuckToAllowedPod(probe, enginePrediction(simulation, from, CLUSTER_IP, 80).expected);
      });
    },
    mode,
  );
}
