/**
 * IPVS mode against the kernel's schedulers and kube-proxy's IPVS proxier, and — where it
 * differs — against iptables mode on the same cluster, said in the test names.
 */
import { describe, expect, it } from 'vitest';
import type { DatapathTraceEntry } from '../../../../src/engine/datapaths';
import { createIpvsSimulation, ipvsTables } from '../../../../src/engine/datapaths/ipvs';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { createSimulation, type ConnectionResult } from '../../../../src/engine/simulate';
import { spreadCluster } from './clusters';

const client = { kind: 'client' } as const;
const to = (ip: string, port = 30080): { ip: string; port: number } => ({ ip, port });
const pod = (r: ConnectionResult): string | null => (r.destination?.kind === 'pod' ? r.destination.name : null);

describe('IPVS tables (ipvsadm -Ln)', () => {
  it('one virtual server per ClusterIP and per node address for the node port, real servers weight 1 Masq', () => {
    const text = createIpvsSimulation(bounceCluster()).rules('node-2');
    expect(text).toContain('TCP  10.96.120.15:80 rr');
    expect(text).toContain('TCP  192.168.10.12:30080 rr');
    // The pod veth's address (podCIDR .1) is a node address too (GetAllLocalAddressesExcept).
    expect(text).toContain('TCP  10.244.2.1:30080 rr');
    expect(text).not.toContain('127.0.0.1:30080');
    expect(text).toContain('  -> 10.244.1.2:8080              Masq    1      0          0');
    expect(text).toContain(
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    );
  });

  it('node-3 (no pods) has a node-port virtual server only on its LAN address', () => {
    const servers = ipvsTables(bounceCluster()).servers[2] ?? [];
    expect(servers.filter((v) => v.kind === 'nodePort').map((v) => v.port)).toEqual([30080]);
  });

  it('schedulers are shown, mh with its mh-port flag; a bad scheduler name is refused with the field named', () => {
    expect(createIpvsSimulation(bounceCluster(), { scheduler: 'mh' }).rules('node-1')).toContain(
      'TCP  10.96.120.15:80 mh (mh-port)',
    );
    expect(() => createIpvsSimulation(bounceCluster(), { scheduler: 'xx' as 'rr' })).toThrow(/ipvsScheduler: "xx"/);
  });
});

describe('rr and wrr: a deterministic sequence, not coin flips (unlike iptables mode)', () => {
  it('rr alternates over the real-server list; the next connection is certain given the state', () => {
    const session = createIpvsSimulation(bounceCluster()).session(1);
    const seq = Array.from({ length: 5 }, () => pod(session.connect({ from: client, to: to('192.168.10.12') })));
    expect(seq).toEqual(['pod-2', 'pod-1', 'pod-2', 'pod-1', 'pod-2']);
    const next = session.exactNext({ from: client, to: to('192.168.10.12') });
    expect(next).toHaveLength(1);
    expect(next[0]?.probability).toBe(1);
    expect(pod(next[0]!.result)).toBe('pod-1');
  });

  it('exact mode from a fresh state gives one outcome with probability 1, where iptables mode gives 50/50', () => {
    const ipvs = createIpvsSimulation(bounceCluster()).exact({ from: client, to: to('192.168.10.12') });
    const iptables = createSimulation(bounceCluster()).exact({ from: client, to: to('192.168.10.12') });
    expect(ipvs.map((o) => o.probability)).toEqual([1]);
    expect(iptables.map((o) => o.probability)).toEqual([0.5, 0.5]);
  });

  it('a run reports its sequence: rr over three pods cycles in list order, the same in the run counts', () => {
    const sim = createIpvsSimulation(spreadCluster(3));
    const seq = sim.sequence({ from: client, to: to('192.168.10.12') }, { count: 7, seed: 1 }).map(pod);
    expect(seq).toEqual(['pod-3', 'pod-2', 'pod-1', 'pod-3', 'pod-2', 'pod-1', 'pod-3']);
    const run = sim.run({ from: client, to: to('192.168.10.12') }, { count: 7, seed: 1 });
    run.step(7);
    expect(run.summary().pods).toEqual({ 'default/pod-3': 3, 'default/pod-2': 2, 'default/pod-1': 2 });
  });

  it('a run of 1000 gives exactly 500/500 (rr) and wrr with weight-1 real servers does the same', () => {
    for (const scheduler of ['rr', 'wrr'] as const) {
      const run = createIpvsSimulation(bounceCluster(), { scheduler }).run(
        { from: client, to: to('192.168.10.12') },
        { count: 1000, seed: 7 },
      );
      run.step(1000);
      expect(run.summary().pods).toEqual({ 'default/pod-1': 500, 'default/pod-2': 500 });
    }
  });

  it('rr state is per node and per virtual server: node-1 starts its own cycle', () => {
    const session = createIpvsSimulation(bounceCluster()).session(1);
    expect(pod(session.connect({ from: client, to: to('192.168.10.12') }))).toBe('pod-2');
    expect(pod(session.connect({ from: client, to: to('192.168.10.11') }))).toBe('pod-2');
    expect(pod(session.connect({ from: client, to: to('192.168.10.12') }))).toBe('pod-1');
  });
});

describe('lc: least connections with connections held open', () => {
  it('open connections steer new ones away; a closed one counts as inactive (1/256 of an active one)', () => {
    const session = createIpvsSimulation(bounceCluster(), { scheduler: 'lc' }).session(1);
    const c = { from: client, to: to('192.168.10.12') };
    expect(pod(session.connect(c))).toBe('pod-2'); // both 0: first in list
    expect(pod(session.connect(c))).toBe('pod-1'); // pod-2 has 1 active
    expect(pod(session.connect(c))).toBe('pod-2'); // 1 active each: first wins the tie
    expect(session.close(0)).toBe(true); // pod-2: 1 active + 1 inactive (257) vs pod-1: 256
    expect(session.close(0)).toBe(false);
    expect(pod(session.connect(c))).toBe('pod-1');
    expect(session.close(1)).toBe(true);
    expect(session.close(3)).toBe(true); // pod-1: 0 active, 2 inactive; pod-2: 257
    expect(pod(session.connect(c))).toBe('pod-1');
  });

  it('TIME_WAIT expires after 120 s: inactive connections stop counting', () => {
    const session = createIpvsSimulation(bounceCluster(), { scheduler: 'lc' }).session(1);
    const c = { from: client, to: to('192.168.10.12') };
    session.connect(c, { now: 0 });
    session.close(0, 0);
    expect(pod(session.connect(c, { now: 60 }))).toBe('pod-1'); // pod-2 still has 1 inactive
    session.close(1, 60);
    expect(pod(session.connect(c, { now: 200 }))).toBe('pod-2'); // both expired: first again
  });
});

describe('ClientIP session affinity: the persistent flag', () => {
  it('a persistent virtual server keeps a client on its first pick until the timeout, then rr resumes', () => {
    const sim = createIpvsSimulation(bounceCluster({ sessionAffinity: 'ClientIP' }));
    expect(sim.rules('node-2')).toContain('TCP  192.168.10.12:30080 rr persistent 10800');
    const session = sim.session(1);
    const c = { from: client, to: to('192.168.10.12') };
    const picks = [0, 10, 100, 1000].map((now) => pod(session.connect(c, { now })));
    expect(new Set(picks).size).toBe(1);
    expect(
      pod(session.connect({ from: { kind: 'client', ip: '192.168.10.101' }, to: to('192.168.10.12') }, { now: 1000 })),
    ).not.toBe(picks[0]);
    const params = (r: ConnectionResult): Record<string, unknown> =>
      ((r.trace ?? []).find((t) => (t as DatapathTraceEntry).code === 'ipvs.schedule') as DatapathTraceEntry).params;
    expect(params(session.connect(c, { now: 1000 + 10799, trace: true })).persistent).toBe(10800); // refreshed at t=1000
    const expired = session.connect(c, { now: 1000 + 10799 + 10801, trace: true });
    expect(params(expired).persistent).toBeUndefined();
    expect(params(expired).position).toBe(0); // rr resumes after pod-1 (client .101): back to the list head
  });
});

describe('sh and mh: hashing the source', () => {
  it('sh: the same client always reaches the same pod, whatever its source port', () => {
    const sim = createIpvsSimulation(spreadCluster(5), { scheduler: 'sh' });
    const pods = new Set(
      Array.from({ length: 50 }, (_, i) =>
        pod(
          sim.sample(
            { from: { kind: 'client', ip: '192.168.10.100' }, to: to('192.168.10.12'), sourcePort: 33000 + i },
            i,
          ),
        ),
      ),
    );
    expect(pods.size).toBe(1);
    const clients = new Set(
      Array.from({ length: 100 }, (_, i) =>
        pod(sim.sample({ from: { kind: 'client', ip: `192.168.10.${120 + i}` }, to: to('192.168.10.12') }, 1)),
      ),
    );
    expect(clients.size).toBe(5);
  });

  it('mh (mh-port): same 5-tuple → same pod; other source ports spread over all pods', () => {
    const sim = createIpvsSimulation(spreadCluster(5), { scheduler: 'mh' });
    const c = { from: client, to: to('192.168.10.12'), sourcePort: 45678 };
    const first = pod(sim.sample(c, 1));
    for (let seed = 2; seed < 20; seed++) expect(pod(sim.sample(c, seed))).toBe(first);
    const run = sim.run({ from: client, to: to('192.168.10.12') }, { count: 2000, seed: 3 });
    run.step(2000);
    const counts = Object.values(run.summary().pods);
    expect(counts).toHaveLength(5);
    for (const n of counts) expect(n).toBeGreaterThan(300); // 400 expected each
  });

  it('mh lookup table: M = 4093 slots, each real server within 2% of M/N', async () => {
    const { mhTable, MH_TABLE_SIZE } = await import('../../../../src/engine/datapaths/ipvs');
    const vs = (ipvsTables(spreadCluster(7)).servers[0] ?? []).find((v) => v.kind === 'clusterIP')!;
    const table = mhTable(vs.dests);
    expect(table.length).toBe(MH_TABLE_SIZE);
    const counts = new Array<number>(vs.dests.length).fill(0);
    for (const d of table) counts[d] = (counts[d] ?? 0) + 1;
    for (const n of counts) expect(Math.abs(n - MH_TABLE_SIZE / 7)).toBeLessThan(0.02 * (MH_TABLE_SIZE / 7));
  });
});

describe('externalTrafficPolicy Local: IPVS falls back where iptables mode drops', () => {
  const local = bounceCluster({ externalTrafficPolicy: 'Local' });

  it('node-3 (no local pod): iptables mode DROPS, IPVS mode delivers to some pod — and the answer, carrying the pod address, is not recognised by the client', () => {
    const iptables = createSimulation(local).exact({ from: client, to: to('192.168.10.13') });
    expect(iptables.map((o) => o.result.verdict)).toEqual(['DROP']);
    const run = createIpvsSimulation(local).run({ from: client, to: to('192.168.10.13') }, { count: 10, seed: 1 });
    run.step(10);
    const summary = run.summary();
    expect(summary.dropped).toBe(0);
    expect(summary.pods).toEqual({ 'default/pod-1': 5, 'default/pod-2': 5 });
    expect(summary.unanswered).toBe(10);
    const one = createIpvsSimulation(local).sample({ from: client, to: to('192.168.10.13') }, 1, { trace: true });
    expect(one.masquerade).toBe(false);
    expect(one.sourceSeen?.ip).toBe('192.168.10.100');
    expect(one.reply?.failure).toMatch(/comes from 10\.244\.\d\.2:8080/);
    expect((one.trace ?? []).map((t) => (t as { code?: string }).code)).toContain('ipvs.local-fallback');
  });

  it('node-2 (local pod): the same as iptables mode — pod-2 only, client IP kept, one hop', () => {
    const [o] = createIpvsSimulation(local).exact({ from: client, to: to('192.168.10.12') });
    expect(o?.probability).toBe(1);
    expect(pod(o!.result)).toBe('pod-2');
    expect(o?.result.sourceSeen?.ip).toBe('192.168.10.100');
    expect(o?.result.hops).toEqual(['node-2']);
    expect(o?.result.reply?.delivered).toBe(true);
  });
});

describe('the network walk: the same as iptables mode where the kernel behaves the same', () => {
  it('ETP Cluster via node-2: pod-1 sees 192.168.10.12 over two hops, pod-2 sees 10.244.2.1 (MASQUERADE to the outgoing interface)', () => {
    const ipvs = createIpvsSimulation(bounceCluster()).session(1);
    const a = ipvs.connect({ from: client, to: to('192.168.10.12') });
    const b = ipvs.connect({ from: client, to: to('192.168.10.12') });
    const iptables = createSimulation(bounceCluster())
      .exact({ from: client, to: to('192.168.10.12') })
      .map((o) => o.result);
    for (const r of [a, b]) {
      const same = iptables.find((x) => pod(x) === pod(r))!;
      expect({
        seen: r.sourceSeen?.ip,
        hops: r.hops,
        masq: r.masquerade,
        reply: r.reply?.hops,
        ok: r.reply?.delivered,
      }).toEqual({
        seen: same.sourceSeen?.ip,
        hops: same.hops,
        masq: same.masquerade,
        reply: same.reply?.hops,
        ok: same.reply?.delivered,
      });
    }
  });

  it('a pod reaching the ClusterIP keeps its address (source inside clusterCIDR); the answer is un-NATed on its node', () => {
    const r = createIpvsSimulation(bounceCluster()).sample(
      { from: { kind: 'pod', name: 'pod-1' }, to: to('10.96.120.15', 80) },
      1,
    );
    expect(pod(r)).toBe('pod-2');
    expect(r.masquerade).toBe(false);
    expect(r.sourceSeen?.ip).toBe('10.244.1.2');
    expect(r.reply).toMatchObject({ delivered: true, hops: ['node-2', 'node-1'] });
  });

  it('hairpin: pod-2 reaching itself through the service is masqueraded by KUBE-LOOP-BACK', () => {
    const session = createIpvsSimulation(bounceCluster()).session(1);
    const r = session.connect({ from: { kind: 'pod', name: 'pod-2' }, to: to('10.96.120.15', 80) });
    expect(pod(r)).toBe('pod-2');
    expect(r.sourceSeen?.ip).toBe('10.244.2.1');
    expect(r.reply?.delivered).toBe(true);
  });

  it('no endpoints: the virtual server has no real server and the kernel rejects (ICMP port unreachable)', () => {
    const empty = { ...bounceCluster(), endpointSlices: [] };
    const [o] = createIpvsSimulation(empty).exact({ from: client, to: to('192.168.10.12') });
    expect(o?.result.verdict).toBe('REJECT');
    expect(o?.result.reason).toMatch(/no real server/);
  });

  it('a kube-ipvs0 address on a port that is no service is rejected by KUBE-IPVS-FILTER', () => {
    const [o] = createIpvsSimulation(bounceCluster()).exact({ from: client, to: to('10.96.120.15', 22) });
    // The client needs a route to the service range: it has none, so go through node-2.
    expect(o?.result.verdict).toBe('DROP');
    const [v] = createIpvsSimulation(bounceCluster()).exact({
      from: { kind: 'client', via: 'node-2' },
      to: to('10.96.120.15', 22),
    });
    expect(v?.result.verdict).toBe('REJECT');
    expect(v?.result.decidedBy?.chain).toBe('KUBE-IPVS-FILTER');
  });

  it('exact outcomes sum to 1 for every entry node and source', () => {
    const sim = createIpvsSimulation(spreadCluster(4));
    for (const ip of ['192.168.10.11', '192.168.10.12', '192.168.10.13']) {
      const total = sim.exact({ from: client, to: to(ip) }).reduce((s, o) => s + o.probability, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });
});
