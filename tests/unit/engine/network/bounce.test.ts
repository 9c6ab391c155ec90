/**
 * The bounce walks against what the real kernel did (docs/kernel.md, "What the kernel did in the bounce cluster").
 * The rules are kube-proxy's as the generator writes them; the hand-written dumps written
 * from docs/kube-proxy.md must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { createSimulation, type ExactOutcome, type Simulation } from '../../../../src/engine/simulate';
import { bounceDump } from '../netfilter/fixtures';

const client = { kind: 'client' } as const;
const nodePort = (ip: string): { ip: string; port: number } => ({ ip, port: 30080 });

function summary(outcomes: readonly ExactOutcome[]): unknown[] {
  return outcomes.map(({ probability, result: r }) => ({
    probability,
    verdict: r.verdict,
    pod: r.destination?.kind === 'pod' ? r.destination.name : null,
    seen: r.sourceSeen?.ip ?? null,
    hops: r.hops,
    masquerade: r.masquerade,
    answered: r.reply?.delivered ?? null,
  }));
}

const byPod = (outcomes: readonly ExactOutcome[]): ExactOutcome[] =>
  [...outcomes].sort((a, b) => String(a.result.destination?.ip).localeCompare(String(b.result.destination?.ip)));

const generated = (policy: 'Cluster' | 'Local'): Simulation =>
  createSimulation(bounceCluster({ externalTrafficPolicy: policy }));
const handWritten = (policy: 'Cluster' | 'Local'): Simulation =>
  createSimulation(bounceCluster({ externalTrafficPolicy: policy }), {
    rules: {
      'node-1': bounceDump('node-1', policy),
      'node-2': bounceDump('node-2', policy),
      'node-3': bounceDump('node-3', policy),
    },
  });

describe.each([
  ['generated rules', generated],
  ['hand-written rules', handWritten],
])('bounce with %s', (_name, simulation) => {
  it('ETP Cluster → node-2: 50/50; pod-1 sees node-2 (2 hops), pod-2 sees 10.244.2.1', () => {
    expect(summary(byPod(simulation('Cluster').exact({ from: client, to: nodePort('192.168.10.12') })))).toEqual([
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-1',
        seen: '192.168.10.12',
        hops: ['node-2', 'node-1'],
        masquerade: true,
        answered: true,
      },
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-2',
        seen: '10.244.2.1',
        hops: ['node-2'],
        masquerade: true,
        answered: true,
      },
    ]);
  });

  it("ETP Cluster → node-3: 50/50; both pods see node-3's IP", () => {
    expect(summary(byPod(simulation('Cluster').exact({ from: client, to: nodePort('192.168.10.13') })))).toEqual([
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-1',
        seen: '192.168.10.13',
        hops: ['node-3', 'node-1'],
        masquerade: true,
        answered: true,
      },
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-2',
        seen: '192.168.10.13',
        hops: ['node-3', 'node-2'],
        masquerade: true,
        answered: true,
      },
    ]);
  });

  it('ETP Local → node-2: every connection to pod-2, client IP kept', () => {
    expect(summary(simulation('Local').exact({ from: client, to: nodePort('192.168.10.12') }))).toEqual([
      {
        probability: 1,
        verdict: 'DNAT',
        pod: 'pod-2',
        seen: '192.168.10.100',
        hops: ['node-2'],
        masquerade: false,
        answered: true,
      },
    ]);
  });

  it('ETP Local → node-3: dropped by the KUBE-EXTERNAL-SERVICES "no local endpoints" rule', () => {
    const [only, ...rest] = simulation('Local').exact({ from: client, to: nodePort('192.168.10.13') });
    expect(rest).toEqual([]);
    expect(only?.probability).toBe(1);
    expect(only?.result.verdict).toBe('DROP');
    expect(only?.result.hops).toEqual(['node-3']);
    expect(only?.result.decidedBy).toEqual({
      node: 'node-3',
      table: 'filter',
      chain: 'KUBE-EXTERNAL-SERVICES',
      rule: 1,
      text: '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
    });
  });

  it("ETP Local, pod-1 → node-3's NodePort: short-circuited without masquerade; the reply from the third node fails", () => {
    const outcomes = byPod(
      simulation('Local').exact({ from: { kind: 'pod', name: 'pod-1' }, to: nodePort('192.168.10.13') }),
    );
    expect(summary(outcomes)).toEqual([
      // pod-1's own endpoint: the SEP hairpin rule marks it, so node-3 masquerades and it works.
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-1',
        seen: '192.168.10.13',
        hops: ['node-1', 'node-3', 'node-1'],
        masquerade: true,
        answered: true,
      },
      {
        probability: 0.5,
        verdict: 'DNAT',
        pod: 'pod-2',
        seen: '10.244.1.2',
        hops: ['node-1', 'node-3', 'node-2'],
        masquerade: false,
        answered: false,
      },
    ]);
    expect(outcomes[1]?.result.reply?.decidedBy).toMatchObject({
      node: 'node-1',
      table: 'filter',
      chain: 'KUBE-FORWARD',
      rule: 1,
    });
  });
});

describe('per-rule counters', () => {
  it('equal the per-pod counts on the two service rules (docs/kernel.md: iptables-save -c)', () => {
    const sim = generated('Cluster');
    const run = sim.run({ from: client, to: nodePort('192.168.10.12') }, { count: 4000, seed: 7 });
    run.step(4000);
    const pods = run.summary().pods;
    const svc = run.counters().filter((c) => c.node === 'node-2' && c.chain.startsWith('KUBE-SVC-') && c.rule >= 2);
    expect(svc.map((c) => c.packets)).toEqual([pods['default/pod-1'], pods['default/pod-2']]);
    expect((pods['default/pod-1'] ?? 0) + (pods['default/pod-2'] ?? 0)).toBe(4000);
  });
});
