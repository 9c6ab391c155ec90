/**
 * Cilium's eBPF kube-proxy replacement on the bounce cluster: maps, backend selection,
 * NodePort SNAT / DSR / hybrid, ETP Local, socket-LB — and where it differs from iptables
 * mode (or IPVS mode), the test name says so.
 */
import { describe, expect, it } from 'vitest';
import { createCiliumSimulation } from '../../../../src/engine/datapaths/cilium';
import { createIpvsSimulation } from '../../../../src/engine/datapaths/ipvs';
import type { DatapathTraceEntry } from '../../../../src/engine/datapaths';
import { deriveMissingEndpointSlices } from '../../../../src/engine/model/deriveEndpointSlices';
import type { Cluster } from '../../../../src/engine/model/types';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { createSimulation, type ConnectionResult } from '../../../../src/engine/simulate';
import { spreadCluster } from './clusters';

const client = { kind: 'client' } as const;
const to = (ip: string, port = 30080): { ip: string; port: number } => ({ ip, port });
const pod = (r: ConnectionResult): string | null => (r.destination?.kind === 'pod' ? r.destination.name : null);
const codes = (r: ConnectionResult): string[] => (r.trace ?? []).map((t) => (t as DatapathTraceEntry).code);

function affinityCluster(): Cluster {
  const base = spreadCluster(5);
  return { ...base, services: base.services.map((s) => ({ ...s, sessionAffinity: 'ClientIP' as const })) };
}

function udpBounce(): Cluster {
  const base = bounceCluster();
  const services = base.services.map((s) => ({
    ...s,
    ports: s.ports.map((p) => ({ ...p, protocol: 'UDP' as const })),
  }));
  const pods = base.pods.map((p) => ({ ...p, ports: p.ports.map((x) => ({ ...x, protocol: 'UDP' as const })) }));
  return { ...base, services, pods, endpointSlices: deriveMissingEndpointSlices(services, pods, []).slices };
}

describe('maps (cilium-dbg service list / bpf lb list)', () => {
  it('ClusterIP, node address and 0.0.0.0 NodePort frontends, each with both backends', () => {
    const text = createCiliumSimulation(bounceCluster()).rules('node-2');
    expect(text).toContain('1    10.96.120.15:80/TCP       ClusterIP      1 => 10.244.1.2:8080/TCP (active)');
    expect(text).toContain('2    192.168.10.12:30080/TCP   NodePort       1 => 10.244.1.2:8080/TCP (active)');
    expect(text).toContain('3    0.0.0.0:30080/TCP');
    expect(text).toContain('10.96.120.15:80/TCP       0.0.0.0:0 (1) (0) [ClusterIP, non-routable]');
    expect(text).toContain('                          10.244.2.2:8080/TCP (2) (2)');
  });

  it('ETP Local: on node-3 the external scope has no backend, the internal /i twin has all', () => {
    const text = createCiliumSimulation(bounceCluster({ externalTrafficPolicy: 'Local' })).rules('node-3');
    expect(text).toContain(
      '192.168.10.13:30080/TCP   0.0.0.0:0 (2) (0) [NodePort, Local, two-scopes]\n192.168.10.13:30080/TCP/i',
    );
    expect(text).toMatch(/192\.168\.10\.13:30080\/TCP\/i NodePort\s+1 => 10\.244\.1\.2:8080\/TCP/);
  });

  it('with Maglev, the tables are summarised: M = 16381 split 8191/8190', () => {
    expect(createCiliumSimulation(bounceCluster(), { lb: 'maglev' }).rules('node-2')).toContain(
      'M=16381; backend 1 (10.244.1.2:8080/TCP) 8191, backend 2 (10.244.2.2:8080/TCP) 8190',
    );
  });

  it('bad options are refused with the option named', () => {
    expect(() => createCiliumSimulation(bounceCluster(), { maglevTableSize: 100 })).toThrow(/cilium\.maglevTableSize/);
    expect(() => createCiliumSimulation(bounceCluster(), { nodePortMode: 'xdp' as 'snat' })).toThrow(
      /cilium\.nodePortMode/,
    );
    expect(() => createCiliumSimulation(bounceCluster(), { maglevHashSeed: 'abc' })).toThrow(/cilium\.maglevHashSeed/);
  });
});

describe('random backend selection (default)', () => {
  it('exact: 50/50 from node-2, summing to 1 — the same split as iptables mode', () => {
    const cilium = createCiliumSimulation(bounceCluster()).exact({ from: client, to: to('192.168.10.12') });
    expect(cilium.map((o) => o.probability)).toEqual([0.5, 0.5]);
    expect(cilium.map((o) => pod(o.result)).sort()).toEqual(['pod-1', 'pod-2']);
    const iptables = createSimulation(bounceCluster()).exact({ from: client, to: to('192.168.10.12') });
    expect(iptables.map((o) => o.probability)).toEqual([0.5, 0.5]);
  });

  it('sampled runs converge: 4000 connections over 5 pods, each within 15% of 800', () => {
    const run = createCiliumSimulation(spreadCluster(5)).run(
      { from: client, to: to('192.168.10.11') },
      { count: 4000, seed: 11 },
    );
    run.step(4000);
    const pods = run.summary().pods;
    expect(Object.keys(pods)).toHaveLength(5);
    for (const n of Object.values(pods)) expect(Math.abs(n - 800)).toBeLessThan(120);
  });
});

describe('Maglev backend selection', () => {
  it('same 5-tuple → same backend, whatever the seed; exact mode has a single outcome per 5-tuple', () => {
    const sim = createCiliumSimulation(spreadCluster(5), { lb: 'maglev' });
    const c = { from: client, to: to('192.168.10.12'), sourcePort: 51234 };
    const first = pod(sim.sample(c, 1));
    for (let seed = 2; seed < 12; seed++) expect(pod(sim.sample(c, seed))).toBe(first);
    expect(sim.exact(c).map((o) => o.probability)).toEqual([1]);
  });

  it('the destination is not hashed: the same flow picks the same backend on every node (iptables mode cannot)', () => {
    const sim = createCiliumSimulation(spreadCluster(5), { lb: 'maglev', nodePortMode: 'dsr' });
    for (let sport = 41000; sport < 41020; sport++) {
      const picks = ['192.168.10.11', '192.168.10.12', '192.168.10.13'].map((ip) =>
        pod(sim.sample({ from: client, to: to(ip), sourcePort: sport }, 1)),
      );
      expect(new Set(picks).size).toBe(1);
    }
  });

  it('the trace names the Maglev slot, structured for the UI', () => {
    const r = createCiliumSimulation(bounceCluster(), { lb: 'maglev' }).sample(
      { from: client, to: to('192.168.10.12') },
      1,
      { trace: true },
    );
    const select = (r.trace ?? []).find(
      (t) => (t as DatapathTraceEntry).code === 'bpf.lb.select',
    ) as DatapathTraceEntry;
    expect(select.params.algorithm).toBe('maglev');
    expect(typeof select.params.maglevSlot).toBe('number');
    expect(select.text).toMatch(
      /^service 192\.168\.10\.12:30080 → backend \d \(10\.244\.\d\.2:8080\) via Maglev slot \d+$/,
    );
  });
});

describe('ClientIP session affinity', () => {
  it('random selection, but a client keeps its backend until the affinity timeout', () => {
    const session = createCiliumSimulation(affinityCluster()).session(3);
    const c = { from: client, to: to('192.168.10.12') };
    const first = pod(session.connect(c, { now: 0 }));
    for (const now of [1, 100, 10000])
      expect(pod(session.connect({ ...c, sourcePort: 41000 + now }, { now }))).toBe(first);
    const later = new Set(Array.from({ length: 20 }, (_, i) => pod(session.connect(c, { now: 50000 + i * 20000 }))));
    expect(later.size).toBeGreaterThan(1);
  });
});

describe('NodePort: SNAT, DSR and hybrid', () => {
  const toPod1 = (sim: ReturnType<typeof createCiliumSimulation>, protocol: 'tcp' | 'udp' = 'tcp'): ConnectionResult =>
    sim
      .exact({ from: client, to: to('192.168.10.12'), protocol })
      .map((o) => o.result)
      .find((r) => pod(r) === 'pod-1')!;

  it('SNAT (default): pod-1 sees node-2, two hops, the answer returns through node-2 — as iptables mode', () => {
    const r = toPod1(createCiliumSimulation(bounceCluster()));
    const ipt = createSimulation(bounceCluster())
      .exact({ from: client, to: to('192.168.10.12') })
      .map((o) => o.result)
      .find((x) => pod(x) === 'pod-1')!;
    expect({ seen: r.sourceSeen?.ip, hops: r.hops, reply: r.reply?.hops, ok: r.reply?.delivered }).toEqual({
      seen: '192.168.10.12',
      hops: ['node-2', 'node-1'],
      reply: ['node-1', 'node-2'],
      ok: true,
    });
    expect({ seen: ipt.sourceSeen?.ip, hops: ipt.hops, reply: ipt.reply?.hops }).toEqual({
      seen: '192.168.10.12',
      hops: ['node-2', 'node-1'],
      reply: ['node-1', 'node-2'],
    });
  });

  it('DSR: pod-1 sees the client address and the answer leaves from node-1 directly (iptables mode masquerades and returns via node-2)', () => {
    const r = toPod1(createCiliumSimulation(bounceCluster(), { nodePortMode: 'dsr' }));
    expect(r.sourceSeen?.ip).toBe('192.168.10.100');
    expect(r.masquerade).toBe(false);
    expect(r.hops).toEqual(['node-2', 'node-1']);
    expect(r.reply).toMatchObject({ delivered: true, hops: ['node-1'] });
    expect(codes(r)).toContain('bpf.nodeport.dsr');
  });

  it('a local backend is never SNATed, in any mode: pod-2 sees the client', () => {
    for (const nodePortMode of ['snat', 'dsr', 'hybrid'] as const) {
      const r = createCiliumSimulation(bounceCluster(), { nodePortMode })
        .exact({ from: client, to: to('192.168.10.12') })
        .map((o) => o.result)
        .find((x) => pod(x) === 'pod-2')!;
      expect(r.sourceSeen?.ip).toBe('192.168.10.100');
      expect(r.reply?.hops).toEqual(['node-2']);
    }
  });

  it('hybrid: DSR for TCP, SNAT for UDP', () => {
    const tcp = toPod1(createCiliumSimulation(bounceCluster(), { nodePortMode: 'hybrid' }));
    expect(tcp.sourceSeen?.ip).toBe('192.168.10.100');
    expect(tcp.reply?.hops).toEqual(['node-1']);
    const udp = toPod1(createCiliumSimulation(udpBounce(), { nodePortMode: 'hybrid' }), 'udp');
    expect(udp.sourceSeen?.ip).toBe('192.168.10.12');
    expect(udp.reply?.hops).toEqual(['node-1', 'node-2']);
  });
});

describe('externalTrafficPolicy Local', () => {
  const local = bounceCluster({ externalTrafficPolicy: 'Local' });

  it('node-3 (no local backend): Cilium drops like iptables mode — IPVS mode would fall back to all pods', () => {
    const cilium = createCiliumSimulation(local).exact({ from: client, to: to('192.168.10.13') }, { trace: true });
    expect(cilium.map((o) => [o.probability, o.result.verdict])).toEqual([[1, 'DROP']]);
    expect(cilium[0]?.result.decidedBy?.text).toBe('DROP_NO_SERVICE');
    expect(codes(cilium[0]!.result)).toContain('bpf.lb.no-backend');
    expect(
      createSimulation(local)
        .exact({ from: client, to: to('192.168.10.13') })
        .map((o) => o.result.verdict),
    ).toEqual(['DROP']);
    expect(createIpvsSimulation(local).exact({ from: client, to: to('192.168.10.13') })[0]?.result.verdict).toBe(
      'DNAT',
    );
  });

  it('node-2: only pod-2, client address kept', () => {
    const [o] = createCiliumSimulation(local).exact({ from: client, to: to('192.168.10.12') });
    expect([o?.probability, pod(o!.result), o?.result.sourceSeen?.ip, o?.result.reply?.delivered]).toEqual([
      1,
      'pod-2',
      '192.168.10.100',
      true,
    ]);
  });

  it('a pod reaching node-3’s node port is served by the internal scope (all pods) through the socket-LB, before any packet leaves', () => {
    const out = createCiliumSimulation(local).exact({ from: { kind: 'pod', name: 'pod-1' }, to: to('192.168.10.13') });
    expect(out.map((o) => o.probability)).toEqual([0.5, 0.5]);
    const far = out.map((o) => o.result).find((r) => pod(r) === 'pod-2')!;
    expect(far.hops).toEqual(['node-1', 'node-2']); // straight to pod-2's node, never via node-3
    expect(far.sourceSeen?.ip).toBe('10.244.1.2');
    expect(far.reply?.delivered).toBe(true);
  });
});

describe('socket-LB for pods and nodes (no packet NAT, unlike iptables and IPVS modes)', () => {
  it('pod-1 → ClusterIP: translated at connect(), no masquerade; picking itself never leaves the pod (no hairpin NAT, unlike iptables mode)', () => {
    const out = createCiliumSimulation(bounceCluster()).exact({
      from: { kind: 'pod', name: 'pod-1' },
      to: to('10.96.120.15', 80),
    });
    expect(out.map((o) => o.probability)).toEqual([0.5, 0.5]);
    for (const { result } of out) {
      expect(codes(result)).toEqual(['bpf.sock.connect']);
      expect(result.masquerade).toBe(false);
    }
    const far = out.map((o) => o.result).find((r) => pod(r) === 'pod-2')!;
    expect(far.reply).toMatchObject({ delivered: true, hops: ['node-2', 'node-1'] });
    const self = out.map((o) => o.result).find((r) => pod(r) === 'pod-1')!;
    expect(self.hops).toEqual([]);
    expect(self.sourceSeen?.ip).toBe('10.244.1.2');
  });

  it('node-3 → its own node port: the node socket is pointed at a backend directly', () => {
    const out = createCiliumSimulation(bounceCluster()).exact({
      from: { kind: 'node', name: 'node-3' },
      to: to('192.168.10.13'),
    });
    expect(out.map((o) => pod(o.result)).sort()).toEqual(['pod-1', 'pod-2']);
    for (const { result } of out) expect(result.sourceSeen?.ip).toBe('192.168.10.13');
  });

  it('no endpoint at all: the socket-LB fails connect() (REJECT), from outside the node drops (DROP_NO_SERVICE)', () => {
    const empty = { ...bounceCluster(), endpointSlices: [] };
    const sim = createCiliumSimulation(empty);
    const [inside] = sim.exact({ from: { kind: 'pod', name: 'pod-1' }, to: to('10.96.120.15', 80) });
    expect([inside?.result.verdict, inside?.result.decidedBy?.text]).toEqual(['REJECT', 'EHOSTUNREACH']);
    const [outside] = sim.exact({ from: client, to: to('192.168.10.12') });
    expect([outside?.result.verdict, outside?.result.decidedBy?.text]).toEqual(['DROP', 'DROP_NO_SERVICE']);
  });

  it('ClusterIP from outside is non-routable: not translated', () => {
    const [o] = createCiliumSimulation(bounceCluster()).exact({
      from: { kind: 'client', via: 'node-2' },
      to: to('10.96.120.15', 80),
    });
    expect(o?.result.verdict).not.toBe('DNAT');
  });
});
