/** The playground over IPv6: a dual-stack cluster whose IPv6 half the connections walk. */
import { describe, expect, it } from 'vitest';
import { ipv6View } from '../../../src/engine/model';
import { addressesOf } from '../../../src/playground/addressing';
import { connectionOf, toCluster, walkedCluster } from '../../../src/playground/cluster';
import { compareScenario, rulesOf, runScenario, sampleOf } from '../../../src/playground/engine';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../../src/playground/scenario';

const V6: PlaygroundScenario = { ...DEFAULT_SCENARIO, family: 'IPv6' };
const local = (s: PlaygroundScenario): PlaygroundScenario => ({
  ...s,
  service: { ...s.service, externalTrafficPolicy: 'Local' },
});

describe('dual-stack scenario → cluster', () => {
  it('IPv4 stays single-stack; IPv6 gives every object its IPv6 twin', () => {
    expect(ipv6View(toCluster(DEFAULT_SCENARIO))).toBeUndefined();
    const c = toCluster(V6);
    expect(c.nodes[1]).toEqual({
      name: 'node-2',
      internalIP: '192.168.10.12',
      podCIDR: '10.244.2.0/24',
      ipv6: { internalIP: 'fd00:10::12', podCIDR: 'fd00:10:244:2::/64' },
    });
    expect(c.pods.map((p) => [p.name, p.ip, p.ipv6])).toEqual([
      ['pod-1', '10.244.1.2', 'fd00:10:244:1::2'],
      ['pod-2', '10.244.2.2', 'fd00:10:244:2::2'],
    ]);
    expect(c.services[0]?.ipv6?.clusterIP).toBe('fd00:10:96::15');
    expect(c.ipv6EndpointSlices?.map((s) => [s.name, s.addressType, s.endpoints.flatMap((e) => e.addresses)])).toEqual([
      ['web-ipv6-1', 'IPv6', ['fd00:10:244:1::2', 'fd00:10:244:2::2']],
    ]);
    // The walked cluster is the IPv6 proxier's view: IPv6 addresses everywhere.
    const walked = walkedCluster(V6);
    expect(walked.ipFamily).toBe('IPv6');
    expect(walked.nodes.map((n) => n.internalIP)).toEqual(['fd00:10::11', 'fd00:10::12', 'fd00:10::13']);
  });

  it('connections use the family’s addresses, for every client and target', () => {
    expect(connectionOf(V6)).toEqual({
      from: { kind: 'client', ip: 'fd00:10::100', via: 'node-2' },
      to: { ip: 'fd00:10::12', port: 30080 },
    });
    const lb: PlaygroundScenario = { ...V6, service: { ...V6.service, type: 'LoadBalancer' }, target: 'loadBalancer' };
    expect(connectionOf(lb).to).toEqual({ ip: 'fd00:10::200', port: 80 });
    expect(toCluster(lb).services[0]?.ipv6?.loadBalancerIngress).toEqual([{ ip: 'fd00:10::200', ipMode: 'VIP' }]);
    expect(connectionOf({ ...V6, client: { kind: 'pod', index: 1 }, target: 'clusterIP' }).to).toEqual({
      ip: 'fd00:10:96::15',
      port: 80,
    });
    const at = addressesOf(V6);
    expect([at.lan, at.node(9), at.podCIDR(9)]).toEqual(['fd00:10::/64', 'fd00:10::20', 'fd00:10:244:10::/64']);
  });
});

describe('playground engine over IPv6', () => {
  it('the bounce question: about half bounce to node-1, masqueraded to node-2’s IPv6 address', () => {
    for (const mode of ['iptables', 'nftables'] as const) {
      const r = runScenario(V6, 1000, mode);
      if (!r.available) throw new Error(`${mode}: ${r.message}`);
      expect(r.counts['dropped']).toBe(0);
      expect(r.counts['pod-1']).toBeGreaterThan(400);
      expect(r.counts['pod-2']).toBeGreaterThan(400);
      const forwarded = r.outcomes.find((o) => o.outcome === 'pod-1');
      expect(forwarded?.hops).toEqual(['node-2', 'node-1']);
      expect(forwarded?.sourceSeen).toBe('fd00:10::12');
      // The local pod sees its node's end of the veth, as the kernel suite saw it.
      expect(r.outcomes.find((o) => o.outcome === 'pod-2')?.sourceSeen).toBe('fd00:10:244:2::1');
    }
  });

  it('ETP Local: every connection stays on node-2 with the client’s IPv6 address; node-3 drops them', () => {
    const r = runScenario(local(V6), 1000);
    if (!r.available) throw new Error(r.message);
    expect(r.counts).toEqual({ 'pod-1': 0, 'pod-2': 1000, dropped: 0 });
    expect(r.outcomes[0]?.sourceSeen).toBe('fd00:10::100');
    const empty = runScenario({ ...local(V6), entry: 2 }, 200, 'nftables');
    if (!empty.available) throw new Error(empty.message);
    expect(empty.counts['dropped']).toBe(200);
  });

  it('rules are the IPv6 proxier’s; a sample walks IPv6 hops', () => {
    const ipt = rulesOf(V6, 'node-2');
    if (!ipt.ok) throw new Error(ipt.message);
    expect(ipt.text).toContain('-d fd00:10:96::15 --dport 80 -j KUBE-SVC-');
    expect(ipt.text).not.toContain('10.96.120.15');
    const nft = rulesOf({ ...V6, datapath: { ...V6.datapath, mode: 'nftables' } }, 'node-2');
    if (!nft.ok) throw new Error(nft.message);
    expect(nft.text).toContain('table ip6 kube-proxy');
    const sample = sampleOf(V6, 0);
    if ('failed' in sample) throw new Error(sample.failed);
    expect(JSON.stringify(sample.rows)).toContain('fd00:10::100');
  });

  it('every client, target, policy and affinity runs over IPv6 and lands where its IPv4 twin does', () => {
    const lb = { ...V6.service, type: 'LoadBalancer' as const };
    for (const client of [
      { kind: 'external', index: 0 },
      { kind: 'pod', index: 0 },
      { kind: 'node', index: 2 },
    ] as const)
      for (const target of ['clusterIP', 'nodePort', 'loadBalancer'] as const)
        for (const [itp, sessionAffinity] of [
          ['Cluster', 'None'],
          ['Local', 'None'],
          ['Cluster', 'ClientIP'],
        ] as const)
          for (const mode of ['iptables', 'nftables'] as const) {
            const s: PlaygroundScenario = {
              ...V6,
              client,
              target,
              service: { ...lb, internalTrafficPolicy: itp, sessionAffinity },
              datapath: { ...V6.datapath, mode },
            };
            const v6 = runScenario(s, 200);
            const v4 = runScenario({ ...s, family: 'IPv4' }, 200);
            if (!v6.available || !v4.available)
              throw new Error(JSON.stringify([client, target, itp, sessionAffinity, mode, v6, v4]));
            // The same seed through the same rules of the other family: the same pods, hop for hop.
            expect(v6.counts, JSON.stringify([client, target, itp, sessionAffinity, mode])).toEqual(v4.counts);
            expect(v6.outcomes.map((o) => o.hops)).toEqual(v4.outcomes.map((o) => o.hops));
          }
  });

  it('IPVS and Cilium are said to be IPv4 only, in the run, the rules, the sample and the comparison', () => {
    const ipvs: PlaygroundScenario = { ...V6, datapath: { ...V6.datapath, mode: 'ipvs' } };
    expect(runScenario(ipvs, 10)).toMatchObject({ available: false, ipv4Only: true });
    expect(rulesOf(ipvs, 'node-1')).toMatchObject({ ok: false, ipv4Only: true });
    expect(sampleOf(ipvs, 0)).toMatchObject({ ipv4Only: true });
    const cols = Object.fromEntries(compareScenario(V6, 200).map((c) => [c.id, c.report]));
    expect(cols['iptables']?.available).toBe(true);
    expect(cols['nftables']?.available).toBe(true);
    for (const id of ['ipvs', 'cilium-snat', 'cilium-dsr'])
      expect(cols[id]).toMatchObject({ available: false, ipv4Only: true });
  });
});
