import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadManifests } from '../../src/engine/model/loadManifests';
import type { Cluster } from '../../src/engine/model/types';
import { experienceOf, type Simulation } from '../../src/engine/simulate';
import { lessonScenarioPath } from './harness/clusters';
import { MODES, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// The "dead-end" lesson's cluster (content/scenarios/dead-end.yaml): externalTrafficPolicy
// Local, and the client connects to node 3, which runs no pod of the Service. Its key fact:
// the two ways of finding no endpoint end differently for the client. No local endpoint
// under ETP Local: kube-proxy's filter rule DROPs, and the client hears nothing until its
// own timeout. No endpoint at all: the rule REJECTs, and connect() fails at once with
// "connection refused". Unlike the rest of the suite, these nodes keep the kernel's default
// ICMP rate limits: the lesson speaks of what an ordinary client sees.

const NODE_PORT = 30080;
const NODE_1 = '192.168.10.11';
const NODE_3 = '192.168.10.13';
// Below the first SYN retransmission (1 s): an answer within it came to the first SYN.
const AT_ONCE_MS = 900;

/** The lesson's manifests, optionally with every pod's Ready condition turned False. */
function deadEnd(options: { readonly noneReady?: boolean } = {}): Cluster {
  let text = readFileSync(lessonScenarioPath('dead-end'), 'utf8');
  if (options.noneReady) {
    const readyTrue = /type: Ready\n(\s+)status: "True"/g;
    expect(text.match(readyTrue)).toHaveLength(2);
    text = text.replace(readyTrue, 'type: Ready\n$1status: "False"');
  }
  const loaded = loadManifests(text, 'dead-end.yaml');
  if (!loaded.cluster) throw new Error(`dead-end.yaml does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.cluster;
}

/** What the engine says a client experiences on a new connection to host:NodePort, exactly. */
function engineExperience(simulation: Simulation, host: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of simulation.exact({ from: { kind: 'client' }, to: { ip: host, port: NODE_PORT } }, { trace: false })) {
    const e = experienceOf(o.result);
    out[e] = (out[e] ?? 0) + o.probability;
  }
  return out;
}

const KERNEL_DEFAULTS = { nodeSysctls: {} };

/**
 * Packets counted by the rule of `chain` whose comment contains `comment` and whose target is
 * `target`, in an `iptables-save -c` dump: the kernel's own account of which rule decided.
 * (kube-proxy's nftables ruleset puts no counters on its no-endpoint verdicts, so only the
 * iptables mode can be asked.)
 */
function firedPackets(dump: string, chain: string, comment: string, target: string): number {
  const lines = dump
    .split('\n')
    .filter((l) => l.includes(`-A ${chain} `) && l.includes(comment) && / -j (\S+)/.exec(l)?.[1] === target);
  expect(lines, `one ${target} rule in ${chain} with "${comment}"`).toHaveLength(1);
  return Number(/^\[(\d+):\d+\]/.exec(lines[0] ?? '')?.[1] ?? NaN);
}

for (const mode of MODES) {
  describeKernel(
    'dead-end lesson: no local endpoint (ETP Local)',
    () => {
      const scenario = useScenario(() => deadEnd(), mode, KERNEL_DEFAULTS);

      it('client → node-3:30080 hears nothing: DROP, every connection times out, as the engine says', async () => {
        const { kernel, simulation } = scenario();
        expect(engineExperience(simulation, NODE_3)).toEqual({ 'timed-out': 1 });
        const probe = await kernel.probe({
          from: { kind: 'client' },
          host: NODE_3,
          port: NODE_PORT,
          count: 40,
          concurrency: 40,
        });
        expect([...probe.failures]).toEqual([['timeout', 40]]);
        // The rule the lesson names did it: the filter table's "has no local endpoints" DROP
        // counted every SYN (each connection's first and its retransmissions).
        if (mode === 'iptables')
          expect(
            firedPackets(kernel.rulesOf('node-3'), 'KUBE-EXTERNAL-SERVICES', 'has no local endpoints', 'DROP'),
          ).toBeGreaterThanOrEqual(40);
      });

      it('client → node-1:30080 is served by pod-1, as the engine says', async () => {
        const { kernel, simulation } = scenario();
        expect(engineExperience(simulation, NODE_1)).toEqual({ served: 1 });
        const probe = await kernel.probe({ from: { kind: 'client' }, host: NODE_1, port: NODE_PORT, count: 40 });
        expect([...probe.perPod]).toEqual([['pod-1', 40]]);
      });
    },
    mode,
  );

  describeKernel(
    'dead-end lesson: no endpoints at all (no pod Ready)',
    () => {
      const scenario = useScenario(() => deadEnd({ noneReady: true }), mode, KERNEL_DEFAULTS);

      for (const [host, node] of [
        [NODE_3, 'node-3'],
        [NODE_1, 'node-1'],
      ] as const) {
        it(`client → ${host}:30080 is refused at once: REJECT, connect() fails on the first SYN, as the engine says`, async () => {
          const { kernel, simulation } = scenario();
          expect(engineExperience(simulation, host)).toEqual({ refused: 1 });
          // One at a time, as an ordinary client connects: each refusal comes back to the first SYN.
          const probe = await kernel.probe({
            from: { kind: 'client' },
            host,
            port: NODE_PORT,
            count: 5,
            concurrency: 1,
            timeoutMs: AT_ONCE_MS,
          });
          expect([...probe.failures]).toEqual([['refused', 5]]);
          // The rule the lesson names did it: the "has no endpoints" REJECT, one SYN each.
          if (mode === 'iptables')
            expect(firedPackets(kernel.rulesOf(node), 'KUBE-EXTERNAL-SERVICES', 'has no endpoints', 'REJECT')).toBe(5);
        });
      }

      it('a burst is another matter: the kernel rate-limits the ICMP errors, so most of 60 at once wait past the first SYN', async () => {
        const { kernel } = scenario();
        const probe = await kernel.probe({
          from: { kind: 'client' },
          host: NODE_3,
          port: NODE_PORT,
          count: 60,
          concurrency: 60,
          timeoutMs: AT_ONCE_MS,
        });
        const refused = probe.failures.get('refused') ?? 0;
        const waited = probe.failures.get('timeout') ?? 0;
        if (process.env.KERNEL_VERBOSE)
          console.log(`burst of 60 (${mode}): ${refused} refused on the first SYN, ${waited} still waiting`);
        expect(refused + waited, JSON.stringify([...probe.failures])).toBe(60);
        expect(refused, 'refused on the first SYN').toBeGreaterThan(0);
        expect(waited, 'still waiting after the first SYN').toBeGreaterThan(40);
      });
    },
    mode,
  );
}
