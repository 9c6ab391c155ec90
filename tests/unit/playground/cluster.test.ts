import { describe, expect, it } from 'vitest';
import { connectionOf, datapathOptions, toCluster } from '../../../src/playground/cluster';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../../src/playground/scenario';
import { compareScenario, rulesOf, runScenario, sampleOf } from '../../../src/playground/engine';

describe('scenario → cluster', () => {
  it('the default scenario is exactly the bounce cluster', () => {
    expect(toCluster(DEFAULT_SCENARIO)).toEqual(bounceCluster());
  });

  it('follows the conventions for 10 nodes and pods stacked on one node', () => {
    const s: PlaygroundScenario = {
      ...DEFAULT_SCENARIO,
      nodes: 10,
      pods: [
        { node: 9, state: 'ready' },
        { node: 9, state: 'notReady' },
        { node: 0, state: 'terminating' },
      ],
    };
    const c = toCluster(s);
    expect(c.nodes[9]).toEqual({ name: 'node-10', internalIP: '192.168.10.20', podCIDR: '10.244.10.0/24' });
    expect(c.pods.map((p) => [p.name, p.nodeName, p.ip, p.ready, p.terminating])).toEqual([
      ['pod-1', 'node-10', '10.244.10.2', true, false],
      ['pod-2', 'node-10', '10.244.10.3', false, false],
      ['pod-3', 'node-1', '10.244.1.2', false, true],
    ]);
  });

  it('connections: external via the entry node, pods and nodes as themselves, LB and ClusterIP addresses', () => {
    expect(connectionOf(DEFAULT_SCENARIO)).toEqual({
      from: { kind: 'client', ip: '192.168.10.100', via: 'node-2' },
      to: { ip: '192.168.10.12', port: 30080 },
    });
    const lb: PlaygroundScenario = {
      ...DEFAULT_SCENARIO,
      service: { ...DEFAULT_SCENARIO.service, type: 'LoadBalancer' },
      target: 'loadBalancer',
    };
    expect(connectionOf(lb).to).toEqual({ ip: '192.168.10.200', port: 80 });
    expect(toCluster(lb).services[0]?.loadBalancerIngress).toEqual([{ ip: '192.168.10.200', ipMode: 'VIP' }]);
    const pod: PlaygroundScenario = { ...DEFAULT_SCENARIO, client: { kind: 'pod', index: 0 }, target: 'clusterIP' };
    expect(connectionOf(pod, 41000)).toEqual({
      from: { kind: 'pod', name: 'pod-1', namespace: 'default' },
      to: { ip: '10.96.120.15', port: 80 },
      sourcePort: 41000,
    });
    expect(
      datapathOptions(
        { ...DEFAULT_SCENARIO, datapath: { ...DEFAULT_SCENARIO.datapath, mode: 'cilium', ciliumLb: 'maglev' } },
        'cilium',
        'dsr',
      ),
    ).toEqual({ datapath: 'cilium', cilium: { lb: 'maglev', nodePortMode: 'dsr' } });
  });
});

describe('playground engine', () => {
  it('runs the bounce question through iptables: both pods, none dropped, the forwarded one masqueraded', () => {
    const r = runScenario(DEFAULT_SCENARIO, 1000);
    if (!r.available) throw new Error('iptables must be available');
    expect(r.total).toBe(1000);
    expect((r.counts['pod-1'] ?? 0) + (r.counts['pod-2'] ?? 0)).toBe(1000);
    expect(r.counts['dropped']).toBe(0);
    const forwarded = r.outcomes.find((o) => o.outcome === 'pod-1');
    expect(forwarded?.hops).toEqual(['node-2', 'node-1']);
    expect(forwarded?.sourceSeen).toBe('192.168.10.12');
    // The same seed replays the same run.
    expect(runScenario(DEFAULT_SCENARIO, 1000)).toEqual(r);
  });

  it('the comparison differs where the datapaths do: IPVS rr splits exactly, Cilium DSR keeps the client and answers from the pod’s node', () => {
    const cols = Object.fromEntries(compareScenario(DEFAULT_SCENARIO, 1000).map((c) => [c.id, c.report]));
    expect(Object.keys(cols)).toEqual(['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr']);
    const ipvs = cols['ipvs'];
    if (!ipvs?.available) throw new Error('ipvs must be available');
    expect(ipvs.counts).toEqual({ 'pod-1': 500, 'pod-2': 500, dropped: 0 });
    const dsr = cols['cilium-dsr'];
    if (!dsr?.available) throw new Error('cilium must be available');
    const remote = dsr.outcomes.find((o) => o.outcome === 'pod-1');
    expect(remote?.sourceSeen).toBe('192.168.10.100');
    expect(remote?.replyHops).toEqual(['node-1']);
  });

  it('ETP Local on the empty node: iptables and Cilium drop, IPVS falls back to every endpoint', () => {
    const s: PlaygroundScenario = {
      ...DEFAULT_SCENARIO,
      entry: 2,
      service: { ...DEFAULT_SCENARIO.service, externalTrafficPolicy: 'Local' },
    };
    const cols = Object.fromEntries(compareScenario(s, 200).map((c) => [c.id, c.report]));
    const dropped = (id: string) => {
      const r = cols[id];
      return r?.available ? r.counts['dropped'] : undefined;
    };
    expect(dropped('iptables')).toBe(200);
    expect(dropped('cilium-snat')).toBe(200);
    expect(dropped('ipvs')).toBe(0);
  });

  it('rules and samples: iptables-save for iptables, Cilium maps for Cilium, a journey with steps', () => {
    const ipt = rulesOf(DEFAULT_SCENARIO, 'node-2');
    expect(ipt.ok && ipt.text.includes('-A KUBE-SVC-')).toBe(true);
    const cil = rulesOf({ ...DEFAULT_SCENARIO, datapath: { ...DEFAULT_SCENARIO.datapath, mode: 'cilium' } }, 'node-2');
    expect(cil.ok && cil.text.includes('cilium-dbg service list')).toBe(true);
    const sample = sampleOf(DEFAULT_SCENARIO, 0);
    if ('failed' in sample) throw new Error(sample.failed);
    expect(sample.steps.length).toBeGreaterThan(0);
    expect(sample.sourcePort).toBe(40000);
  });

  it('a datapath the engine lacks is reported unavailable, never faked', () => {
    const nft = runScenario({ ...DEFAULT_SCENARIO, datapath: { ...DEFAULT_SCENARIO.datapath, mode: 'nftables' } }, 10);
    if (nft.available) expect(nft.total).toBe(10);
    else expect(nft.message).toBe('unavailable');
  });
});
