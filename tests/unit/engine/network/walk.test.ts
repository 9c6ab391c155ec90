import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { ConnectionError, createSimulation, fromRulesText } from '../../../../src/engine/simulate';

const sim = createSimulation(bounceCluster());
const clusterIP = { ip: '10.96.120.15', port: 80 };

describe('sources', () => {
  it("a node's own connection walks nat OUTPUT and filter OUTPUT, with the route's source address", () => {
    const outcomes = sim.exact({ from: { kind: 'node', name: 'node-2' }, to: { ip: '192.168.10.12', port: 30080 } });
    const rows = outcomes.map((o) => [
      o.probability,
      o.result.destination?.kind === 'pod' ? o.result.destination.name : '',
      o.result.sourceSeen?.ip,
    ]);
    expect(rows.sort()).toEqual([
      [0.5, 'pod-1', '192.168.10.12'],
      [0.5, 'pod-2', '10.244.2.1'],
    ]);
    for (const o of outcomes) {
      const onNode2 = o.result.trace?.filter((t) => t.direction === 'original' && t.node === 'node-2') ?? [];
      expect(onNode2[0]?.hook).toBe('OUTPUT');
      expect(new Set(onNode2.map((t) => `${t.table} ${t.hook}`))).toEqual(
        new Set(['nat OUTPUT', 'filter OUTPUT', 'nat POSTROUTING']),
      );
    }
  });

  it('localhost:NodePort from the node itself is served through the nfacct rule and masqueraded', () => {
    const outcomes = sim.exact({ from: { kind: 'node', name: 'node-1' }, to: { ip: '127.0.0.1', port: 30080 } });
    expect(outcomes.map((o) => o.result.verdict)).toEqual(['DNAT', 'DNAT']);
    expect(outcomes.every((o) => o.result.masquerade && o.result.reply?.delivered)).toBe(true);
    const nodeports = outcomes[0]?.result.trace?.find((t) => t.chain === 'KUBE-NODEPORTS' && t.matched);
    expect(nodeports?.text).toContain('-d 127.0.0.0/8 --dport 30080 -m nfacct');
  });

  it('a pod reaching a ClusterIP is masqueraded only when it lands on itself (hairpin)', () => {
    const outcomes = sim.exact({ from: { kind: 'pod', name: 'pod-1' }, to: clusterIP });
    const rows = outcomes.map((o) => [
      o.result.destination?.kind === 'pod' ? o.result.destination.name : '',
      o.result.masquerade,
      o.result.sourceSeen?.ip,
    ]);
    expect(rows.sort()).toEqual([
      ['pod-1', true, '10.244.1.1'],
      ['pod-2', false, '10.244.1.2'],
    ]);
  });

  it('a LAN client has no route to a ClusterIP unless it names a node to go through', () => {
    const [none] = sim.exact({ from: { kind: 'client' }, to: clusterIP });
    expect(none?.result.verdict).toBe('DROP');
    expect(none?.result.reason).toMatch(/no route to 10\.96\.120\.15/);
    const via = sim.exact({ from: { kind: 'client', via: 'node-3' }, to: clusterIP });
    expect(via.map((o) => [o.probability, o.result.sourceSeen?.ip])).toEqual([
      [0.5, '192.168.10.13'],
      [0.5, '192.168.10.13'],
    ]);
  });
});

describe('entry node', () => {
  it('a client that names a node enters through it, even for another node address', () => {
    const outcomes = sim.exact({ from: { kind: 'client', via: 'node-1' }, to: { ip: '192.168.10.12', port: 30080 } });
    expect(outcomes.every((o) => o.result.hops[0] === 'node-1' && o.result.hops[1] === 'node-2')).toBe(true);
    expect(outcomes.map((o) => o.probability)).toEqual([0.5, 0.5]);
  });
});

describe('verdicts', () => {
  it('NONE: pod to pod directly, nothing intercepts it', () => {
    const [o] = sim.exact({ from: { kind: 'pod', name: 'pod-1' }, to: { ip: '10.244.2.2', port: 8080 } });
    expect(o?.result).toMatchObject({
      verdict: 'NONE',
      hops: ['node-1', 'node-2'],
      masquerade: false,
      sourceSeen: { ip: '10.244.1.2' },
    });
    expect(o?.result.destination).toMatchObject({ kind: 'pod', name: 'pod-2' });
  });

  it("NONE at a node address with no service: delivered to the node's stack", () => {
    const [o] = sim.exact({ from: { kind: 'client' }, to: { ip: '192.168.10.11', port: 22 } });
    expect(o?.result.verdict).toBe('NONE');
    expect(o?.result.destination).toEqual({ kind: 'node', node: 'node-1', ip: '192.168.10.11', port: 22 });
  });

  it('leaving the cluster: a pod connecting to the internet', () => {
    const [o] = sim.exact({ from: { kind: 'pod', name: 'pod-2' }, to: { ip: '8.8.8.8', port: 53 }, protocol: 'udp' });
    expect(o?.result.destination).toEqual({ kind: 'external', ip: '8.8.8.8', port: 53 });
    expect(o?.result.reply).toBeNull();
  });

  it('REJECT for a Service without endpoints, decided by the "has no endpoints" rule', () => {
    const empty = createSimulation(bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] }));
    const [fromPod] = empty.exact({ from: { kind: 'pod', name: 'pod-1' }, to: clusterIP });
    expect(fromPod?.result.verdict).toBe('REJECT');
    expect(fromPod?.result.decidedBy).toMatchObject({ node: 'node-1', table: 'filter', chain: 'KUBE-SERVICES' });
    expect(fromPod?.result.decidedBy?.text).toContain('has no endpoints');
    const [fromClient] = empty.exact({ from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } });
    expect(fromClient?.result).toMatchObject({ verdict: 'REJECT', decidedBy: { chain: 'KUBE-EXTERNAL-SERVICES' } });
  });

  it('interface names are eth0 and veth<i>, so -i/-o rules see them', () => {
    const cluster = bounceCluster();
    const dump = generateIptablesSave(cluster, 'node-1').replace(
      'COMMIT',
      '-A FORWARD -i veth+ -o eth0 -p udp -j DROP\nCOMMIT',
    );
    const edited = createSimulation(cluster, { rules: { 'node-1': dump } });
    const [udp] = edited.exact({
      from: { kind: 'pod', name: 'pod-1' },
      to: { ip: '10.244.2.2', port: 8080 },
      protocol: 'udp',
    });
    expect(udp?.result).toMatchObject({
      verdict: 'DROP',
      decidedBy: {
        node: 'node-1',
        table: 'filter',
        chain: 'FORWARD',
        text: '-A FORWARD -i veth+ -o eth0 -p udp -j DROP',
      },
    });
    const [tcp] = edited.exact({ from: { kind: 'pod', name: 'pod-1' }, to: { ip: '10.244.2.2', port: 8080 } });
    expect(tcp?.result.verdict).toBe('NONE');
  });

  it('ACCEPT when a filter rule (not the policy) lets an undNATed connection through', () => {
    const cluster = bounceCluster();
    const dump = generateIptablesSave(cluster, 'node-2').replace(
      'COMMIT',
      '-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT',
    );
    const [o] = createSimulation(cluster, { rules: { 'node-2': dump } }).exact({
      from: { kind: 'client' },
      to: { ip: '192.168.10.12', port: 22 },
    });
    expect(o?.result).toMatchObject({
      verdict: 'ACCEPT',
      decidedBy: { node: 'node-2', chain: 'INPUT', text: '-A INPUT -p tcp --dport 22 -j ACCEPT' },
    });
  });
});

describe('traces', () => {
  it('list every rule evaluated, in order, with node, table, chain, number, text, match and action', () => {
    const [o] = sim.exact({ from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } });
    const first = o?.result.trace?.[0];
    expect(first).toEqual({
      node: 'node-2',
      hook: 'PREROUTING',
      table: 'nat',
      chain: 'PREROUTING',
      rule: 1,
      text: '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      matched: true,
      action: 'jump KUBE-SERVICES',
      direction: 'original',
    });
    expect(o?.result.trace?.some((t) => t.action.startsWith('DNAT to 10.244.'))).toBe(true);
    expect(o?.result.trace?.some((t) => !t.matched)).toBe(true);
    expect(o?.result.steps?.map((s) => s.event)).toContain('deliver');
  });

  it('are not recorded by sample() unless asked for', () => {
    const spec = { from: { kind: 'client' } as const, to: { ip: '192.168.10.12', port: 30080 } };
    expect(sim.sample(spec, 1).trace).toBeNull();
    expect(sim.sample(spec, 1, { trace: true }).trace?.length).toBeGreaterThan(10);
  });
});

describe('session affinity (recent)', () => {
  const sticky = createSimulation(bounceCluster({ sessionAffinity: 'ClientIP' }));
  const spec = (port: number): Parameters<typeof sticky.sample>[0] => ({
    from: { kind: 'client' },
    to: { ip: '192.168.10.12', port: 30080 },
    sourcePort: port,
  });
  const pod = (r: ReturnType<typeof sticky.sample>): string =>
    r.destination?.kind === 'pod' ? r.destination.name : '?';

  it('keeps a client on its first backend until the timeout, then chooses afresh', () => {
    for (const seed of [1, 2, 3, 4]) {
      const s = sticky.session(seed);
      const first = pod(s.connect(spec(40000), { now: 0 }));
      const within = Array.from({ length: 30 }, (_, i) => pod(s.connect(spec(40001 + i), { now: 10 * i })));
      expect(new Set(within)).toEqual(new Set([first]));
      expect(pod(s.connect(spec(41000), { now: 10800 + 290 }))).toBe(first); // last stamp at 290 s
    }
    // After the timeout the statistic rules decide again: over seeds both pods show up.
    const later = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const s = sticky.session(seed);
      s.connect(spec(40000), { now: 0 });
      return pod(s.connect(spec(40001), { now: 20000 }));
    });
    expect(new Set(later)).toEqual(new Set(['pod-1', 'pod-2']));
  });
});

describe('single node from a pasted dump', () => {
  const dump = generateIptablesSave(bounceCluster(), 'node-2', { style: 'kernel' });
  const single = fromRulesText(dump, { localIPs: ['192.168.10.12'], nodeName: 'node-2' });

  it('walks the dump for a client packet and reports the DNAT destinations', () => {
    const outcomes = single.exact({
      from: { kind: 'client', ip: '192.168.10.100' },
      to: { ip: '192.168.10.12', port: 30080 },
    });
    expect(outcomes.map((o) => [o.probability, o.result.verdict, o.result.destination?.ip]).sort()).toEqual([
      [0.5, 'DNAT', '10.244.1.2'],
      [0.5, 'DNAT', '10.244.2.2'],
    ]);
    expect(single.problems()).toEqual([]);
  });

  it('lets every client packet enter the node, whatever the destination', () => {
    const lan = fromRulesText('*filter\n-A FORWARD -d 192.168.10.50 -j REJECT\nCOMMIT\n', {
      localIPs: ['192.168.10.12'],
    });
    const [o] = lan.exact({ from: { kind: 'client', ip: '192.168.10.100' }, to: { ip: '192.168.10.50', port: 80 } });
    expect(o?.result).toMatchObject({ verdict: 'REJECT', hops: ['node'], decidedBy: { chain: 'FORWARD', rule: 1 } });
  });

  it('stops with UNKNOWN at a rule it does not understand, naming it', () => {
    const odd = fromRulesText('*filter\n-A INPUT -m limit --limit 1/s -j ACCEPT\nCOMMIT\n', { localIPs: ['10.0.0.1'] });
    const [o] = odd.exact({ from: { kind: 'client', ip: '10.0.0.9' }, to: { ip: '10.0.0.1', port: 80 } });
    expect(o?.result.verdict).toBe('UNKNOWN');
    expect(o?.result.reason).toBe('filter INPUT rule 1 (line 2): match module "-m limit" is not supported');
    expect(odd.problems()).toEqual([expect.objectContaining({ node: 'node', line: 2 })]);
  });
});

describe('bad connection specs', () => {
  it('name the field that is wrong', () => {
    expect(() => sim.exact({ from: { kind: 'pod', name: 'nope' }, to: clusterIP })).toThrow(ConnectionError);
    expect(() => sim.exact({ from: { kind: 'pod', name: 'nope' }, to: clusterIP })).toThrow('from.name: no pod "nope"');
    expect(() => sim.exact({ from: { kind: 'node', name: 'node-9' }, to: clusterIP })).toThrow(
      /from.name: no node "node-9"/,
    );
    expect(() => sim.exact({ from: { kind: 'client' }, to: { ip: '10.96.120', port: 80 } })).toThrow(/to.ip/);
    expect(() => sim.exact({ from: { kind: 'client' }, to: { ip: '10.96.120.15', port: 70000 } })).toThrow(/to.port/);
  });
});
