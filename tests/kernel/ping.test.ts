import { expect, it } from 'vitest';
import { bounceCluster } from '../../src/engine/scenarios/bounce';
import type { Source } from '../../src/engine/simulate';
import { engineEcho, expectedTally, pingFrom, pingReason } from './harness/ping';
import { MODES, sourceName, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// "Can you ping a Service?" (docs/kube-proxy.md §4): a real `ping` against the engine's echo
// result, in both modes. iptables mode has no rule for ICMP, so a ClusterIP ping leaves by the
// default route and nothing answers; nftables mode's cluster-ips-check rejects it.

const CLUSTER_IP = '10.96.120.15';
const COUNT = 3;

const CASES: readonly (readonly [Source, string])[] = [
  [{ kind: 'pod', name: 'pod-1' }, CLUSTER_IP],
  [{ kind: 'node', name: 'node-1' }, CLUSTER_IP],
  [{ kind: 'client', via: 'node-2' }, CLUSTER_IP],
  // The NodePort's node address is the node's own: its kernel answers.
  [{ kind: 'client' }, '192.168.10.12'],
  [{ kind: 'pod', name: 'pod-1' }, '10.244.2.2'],
  // An address of the service CIDR that no Service holds (nft: cluster-ips-check drops it).
  [{ kind: 'pod', name: 'pod-1' }, '10.96.0.99'],
  [{ kind: 'node', name: 'node-1' }, '10.96.0.99'],
];

for (const mode of MODES) {
  describeKernel(
    'ping: ClusterIP, node IP and pod IP',
    () => {
      const scenario = useScenario(() => bounceCluster(), mode);
      const missing = pingReason();
      for (const [from, ip] of CASES) {
        it.skipIf(missing !== '')(`${sourceName(from)} pings ${ip}${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
          const { kernel, simulation } = scenario();
          const echo = engineEcho(simulation, from, ip);
          const kernelSaw = pingFrom(kernel, from, ip, COUNT);
          expect([...kernelSaw], `engine: ${JSON.stringify(echo)}`).toEqual([...expectedTally(echo, COUNT)]);
        });
      }
    },
    mode,
  );
}
