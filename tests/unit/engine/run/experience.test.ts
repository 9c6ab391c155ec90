import { describe, expect, it } from 'vitest';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { createSimulation, experienceOf, type ConnectionSpec } from '../../../../src/engine/simulate';

const to = (ip: string, port = 30080): ConnectionSpec => ({ from: { kind: 'client' }, to: { ip, port } });

/** The experiences of every exact outcome, with their probabilities. */
function experiences(options: Parameters<typeof bounceCluster>[0], spec: ConnectionSpec): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of createSimulation(bounceCluster(options)).exact(spec, { trace: false })) {
    const e = experienceOf(o.result);
    out[e] = (out[e] ?? 0) + o.probability;
  }
  return out;
}

describe('experienceOf', () => {
  it('a pod that answers: served', () => {
    expect(experiences({}, to('192.168.10.12'))).toEqual({ served: 1 });
  });

  it('ETP Local on a node with no local endpoint: kube-proxy DROPs, the client times out', () => {
    expect(experiences({ externalTrafficPolicy: 'Local' }, to('192.168.10.13'))).toEqual({ 'timed-out': 1 });
  });

  it('no endpoints at all: kube-proxy REJECTs, the client is refused at once', () => {
    expect(experiences({ notReadyPods: ['pod-1', 'pod-2'] }, to('192.168.10.13'))).toEqual({ refused: 1 });
    expect(
      experiences({ notReadyPods: ['pod-1', 'pod-2'], externalTrafficPolicy: 'Local' }, to('192.168.10.12')),
    ).toEqual({ refused: 1 });
  });

  it('a node address on a port nothing handles: the node’s own stack answers with a RST', () => {
    expect(experiences({}, to('192.168.10.12', 22))).toEqual({ refused: 1 });
  });

  it('a reply that cannot find its way back times out', () => {
    // ETP Local: pod 1 calling node 3's NodePort is short-circuited to every endpoint without
    // masquerade; pod 2 answers pod 1 directly, node 1 has no conntrack entry to undo the DNAT
    // with, and the answer is lost (docs/kernel.md: about half such connections fail).
    const results = createSimulation(bounceCluster({ externalTrafficPolicy: 'Local' })).exact(
      { from: { kind: 'pod', name: 'pod-1' }, to: { ip: '192.168.10.13', port: 30080 } },
      { trace: false },
    );
    const lost = results.filter((o) => o.result.reply?.delivered === false);
    expect(lost.map((o) => [o.probability, experienceOf(o.result)])).toEqual([[0.5, 'timed-out']]);
    expect(results.filter((o) => experienceOf(o.result) === 'served').map((o) => o.probability)).toEqual([0.5]);
  });
});
