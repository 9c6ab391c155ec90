import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateIptablesSave } from '../../src/engine/rules';
import { BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import { createSimulation, type Simulation } from '../../src/engine/simulate';
import { KernelCluster } from './harness/kernelCluster';
import { LIFT_ICMP_LIMITS, MODES, useScenario } from './harness/scenario';
import { describeKernel } from './harness/suite';

// What MASQUERADE does to the client's source port (issue 14, item 5). kube-proxy writes
// `MASQUERADE --random-fully` (iptables ≥ 1.6.2) and `masquerade fully-random` (nftables): the
// kernel then draws every port at random (nf_nat_core.c, NF_NAT_RANGE_PROTO_RANDOM_ALL), and the
// engine says so with a null port. Without the flag the kernel keeps a port nobody else holds,
// and the engine keeps it too. node-3 has no pod, so every connection to it is masqueraded.

const COUNT = 200;

/** Connects the client to node-3's NodePort; how many reached a pod with the client's own source port. */
async function keptPorts(kernel: KernelCluster): Promise<{ answered: number; kept: number }> {
  const result = await kernel.probe({
    from: { kind: 'client' },
    host: '192.168.10.13',
    port: BOUNCE_NODE_PORT,
    count: COUNT,
  });
  let answered = 0;
  let kept = 0;
  for (const o of result.outcomes) {
    if (o.outcome !== 'answered') continue;
    answered++;
    expect(typeof o.peerPort === 'number' && typeof o.localPort === 'number').toBe(true);
    if (o.peerPort === o.localPort) kept++;
  }
  return { answered, kept };
}

/** The engine's source ports for a client connecting to node-3's NodePort: null when drawn. */
function enginePorts(simulation: Simulation): (number | null)[] {
  const outcomes = simulation.exact(
    { from: { kind: 'client' }, to: { ip: '192.168.10.13', port: BOUNCE_NODE_PORT } },
    { trace: false },
  );
  return outcomes.map((o) => {
    expect(o.result.masquerade).toBe(true);
    return o.result.sourceSeen ? o.result.sourceSeen.port : -1;
  });
}

for (const mode of MODES) {
  describeKernel(
    'MASQUERADE and the source port, as kube-proxy writes it',
    () => {
      const scenario = useScenario(() => bounceCluster(), mode);
      it('the kernel draws a new port for (nearly) every connection, and the engine says the port is random', async () => {
        const { kernel, simulation } = scenario();
        expect(enginePorts(simulation)).toEqual([null, null]);
        const { answered, kept } = await keptPorts(kernel);
        expect(answered).toBeGreaterThan(COUNT * 0.9);
        // A drawn port equals the client's by chance about once in 64,512 connections.
        expect(kept).toBeLessThanOrEqual(1);
      });
    },
    mode,
  );
}

describeKernel('MASQUERADE without --random-fully (an iptables older than 1.6.2)', () => {
  const cluster = bounceCluster();
  const rules = (node: string) => generateIptablesSave(cluster, node, { randomFully: false });
  let kernel: KernelCluster | undefined;
  beforeAll(async () => {
    kernel = await KernelCluster.start(cluster, { rulesFor: rules, mode: 'iptables', nodeSysctls: LIFT_ICMP_LIMITS });
  });
  afterAll(async () => {
    if (kernel) expect(await kernel.close(), 'namespaces or processes left behind').toEqual([]);
  });
  it('the kernel keeps the client’s free port, and so does the engine', async () => {
    const simulation = createSimulation(cluster, {
      rules: Object.fromEntries(cluster.nodes.map((n) => [n.name, rules(n.name)])),
    });
    expect(enginePorts(simulation)).toEqual([40000, 40000]);
    const { answered, kept } = await keptPorts(kernel!);
    expect(answered).toBeGreaterThan(COUNT * 0.9);
    expect(kept).toBe(answered);
  });
});
