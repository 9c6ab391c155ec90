import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateNftables } from '../../../../src/engine/kubeproxy/nftables';
import { deriveMissingEndpointSlices } from '../../../../src/engine/model/deriveEndpointSlices';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import {
  createSimulation,
  fromRulesText,
  type ConnectionSpec,
  type ExactOutcome,
} from '../../../../src/engine/simulate';
import { OVERALL_OPTIONS, overallCluster } from '../kubeproxy/nftables/overallCluster';

const golden = (name: string): string =>
  readFileSync(new URL(`../kubeproxy/nftables/golden/${name}`, import.meta.url), 'utf8');
const client = (via: string, ip: string, port: number): ConnectionSpec => ({
  from: { kind: 'client', ip: '192.168.10.100', via },
  to: { ip, port },
});
const shares = (out: ExactOutcome[]): Record<string, number> =>
  Object.fromEntries(
    out.map((o) => [
      `${o.result.verdict} ${o.result.destination?.kind === 'pod' ? o.result.destination.name : ''} ${o.result.sourceSeen?.ip ?? ''}`.trim(),
      Number(o.probability.toFixed(6)),
    ]),
  );

describe('nftables notrack beside kube-proxy’s table', () => {
  const withRaw = (priority: number) => {
    const cluster = bounceCluster();
    const raw = `table ip raw {\n  chain prerouting {\n    type filter hook prerouting priority ${priority}; policy accept;\n    ip saddr 192.168.10.100 tcp dport 30080 notrack\n  }\n}\n`;
    const rules = Object.fromEntries(
      cluster.nodes.map((n) => [n.name, `${n.name === 'node-3' ? raw : ''}${generateNftables(cluster, n.name)}`]),
    );
    return createSimulation(cluster, { rules });
  };

  it('before conntrack (priority -300) the packet is untracked: kube-proxy’s nat chains never see it', () => {
    const sim = withRaw(-300);
    expect(sim.problems().filter((p) => p.level !== 'note')).toEqual([]);
    const [only, ...rest] = sim.exact(client('node-3', '192.168.10.13', 30080));
    expect(rest).toEqual([]);
    expect(only?.result.verdict).toBe('NONE');
    expect(only?.result.destination).toMatchObject({ kind: 'node', node: 'node-3', port: 30080 });
  });

  it('before conntrack ct state is invalid, never new; after it, new', () => {
    const cluster = bounceCluster();
    const at = (priority: number, state: string) => {
      const raw = `table ip raw {\n  chain prerouting {\n    type filter hook prerouting priority ${priority}; policy accept;\n    ct state ${state} drop\n  }\n}\n`;
      const rules = Object.fromEntries(
        cluster.nodes.map((n) => [n.name, `${n.name === 'node-3' ? raw : ''}${generateNftables(cluster, n.name)}`]),
      );
      return shares(createSimulation(cluster, { rules }).exact(client('node-3', '192.168.10.13', 30080)));
    };
    const forwarded = { 'DNAT pod-1 192.168.10.13': 0.5, 'DNAT pod-2 192.168.10.13': 0.5 };
    expect(at(-300, 'new')).toEqual(forwarded);
    expect(at(-300, 'invalid')).toEqual({ DROP: 1 });
    expect(at(-150, 'new')).toEqual({ DROP: 1 });
  });

  it('after conntrack (priority 0) notrack changes nothing: node-3 still forwards to both pods', () => {
    const out = withRaw(0).exact(client('node-3', '192.168.10.13', 30080));
    expect(shares(out)).toEqual({ 'DNAT pod-1 192.168.10.13': 0.5, 'DNAT pod-2 192.168.10.13': 0.5 });
  });
});

describe('nftables mode through the multi-node walk', () => {
  it('bounce, ETP Cluster: half the requests to node 2 bounce to node 1, masqueraded, as the kernel did', () => {
    const sim = createSimulation(bounceCluster(), { mode: 'nftables' });
    expect(sim.problems()).toEqual([]);
    expect(shares(sim.exact(client('node-2', '192.168.10.12', 30080)))).toEqual({
      'DNAT pod-1 192.168.10.12': 0.5,
      'DNAT pod-2 10.244.2.1': 0.5,
    });
  });

  it('bounce, ETP Local: node 2 keeps the client IP, node 3 drops', () => {
    const sim = createSimulation(bounceCluster({ externalTrafficPolicy: 'Local' }), { mode: 'nftables' });
    expect(shares(sim.exact(client('node-2', '192.168.10.12', 30080)))).toEqual({ 'DNAT pod-2 192.168.10.100': 1 });
    const node3 = sim.exact(client('node-3', '192.168.10.13', 30080));
    expect(shares(node3)).toEqual({ DROP: 1 });
    expect(node3[0]?.result.decidedBy).toMatchObject({
      node: 'node-3',
      table: 'ip kube-proxy',
      chain: 'nodeport-endpoints-check',
    });
  });

  it('the listing nft printed walks exactly like the transaction it came from', () => {
    const rules = {
      'node-1': golden('bounce-etp-cluster-node-1.nft-list.txt'),
      'node-2': golden('bounce-etp-cluster-node-2.nft-list.txt'),
      'node-3': golden('bounce-etp-cluster-node-3.nft-list.txt'),
    };
    const fromListing = createSimulation(bounceCluster(), { rules });
    const fromTransaction = createSimulation(bounceCluster(), { mode: 'nftables' });
    for (const via of ['node-2', 'node-3']) {
      const ip = via === 'node-2' ? '192.168.10.12' : '192.168.10.13';
      expect(shares(fromListing.exact(client(via, ip, 30080)))).toEqual(
        shares(fromTransaction.exact(client(via, ip, 30080))),
      );
    }
  });

  it('numgen random mod 3 gives each of three endpoints exactly 1/3 in one step', () => {
    const base = bounceCluster();
    const pod3 = { ...base.pods[0]!, name: 'pod-3', ip: '10.244.1.3' };
    const pods = [...base.pods, pod3];
    const cluster = { ...base, pods, endpointSlices: deriveMissingEndpointSlices(base.services, pods, []).slices };
    const sim = createSimulation(cluster, { mode: 'nftables' });
    const out = sim.exact(client('node-2', '192.168.10.12', 30080));
    expect(out.map((o) => o.probability.toFixed(6)).sort()).toEqual(['0.333333', '0.333333', '0.333333']);
  });

  it('session affinity: the affinity set keeps a client on its pod until the timeout', () => {
    const sim = createSimulation(bounceCluster({ sessionAffinity: 'ClientIP' }), { mode: 'nftables' });
    for (let seed = 1; seed <= 5; seed++) {
      const s = sim.session(seed);
      const first = s.connect(client('node-2', '192.168.10.12', 30080), { now: 0 });
      const pod = first.destination?.kind === 'pod' ? first.destination.name : '';
      for (const now of [1, 100, 10799]) {
        const again = s.connect({ ...client('node-2', '192.168.10.12', 30080), sourcePort: 40000 + now }, { now });
        expect(again.destination?.kind === 'pod' ? again.destination.name : '').toBe(pod);
      }
    }
    // After the timeout without traffic, the choice is free again: both pods occur over seeds.
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const s = sim.session(seed);
      s.connect(client('node-2', '192.168.10.12', 30080), { now: 0 });
      const late = s.connect(client('node-2', '192.168.10.12', 30080), { now: 20000 });
      seen.add(late.destination?.kind === 'pod' ? late.destination.name : '');
    }
    expect([...seen].sort()).toEqual(['pod-1', 'pod-2']);
  });

  it('a run counts nft rules like iptables counters: the dnat rules add up to the pods reached', () => {
    const sim = createSimulation(bounceCluster(), { mode: 'nftables' });
    for (const cache of [true, false]) {
      const runner = sim.run(client('node-2', '192.168.10.12', 30080), { count: 400, seed: 5, cache });
      while (!runner.step(1000).finished);
      const pods = runner.summary().pods;
      const counters = runner.counters().filter((c) => c.node === 'node-2' && c.table === 'ip kube-proxy');
      const dnat = (ip: string): number =>
        counters.find((c) => c.text === `meta l4proto tcp dnat to ${ip}:8080`)?.packets ?? 0;
      expect(dnat('10.244.1.2')).toBe(pods['default/pod-1']);
      expect(dnat('10.244.2.2')).toBe(pods['default/pod-2']);
      expect(counters.find((c) => c.text.startsWith('numgen random mod 2'))?.packets).toBe(400);
      expect(counters.find((c) => c.chain === 'nat-prerouting' && c.rule === 0)).toBeUndefined();
    }
  });

  it('traces have the iptables trace shape, with the nft table and chain names', () => {
    const sim = createSimulation(bounceCluster(), { mode: 'nftables' });
    const r = sim.sample(client('node-2', '192.168.10.12', 30080), 7, { trace: true });
    const dnat = r.trace?.find((t) => t.action.startsWith('DNAT to'));
    expect(dnat).toMatchObject({
      node: 'node-2',
      hook: 'PREROUTING',
      table: 'ip kube-proxy',
      matched: true,
      direction: 'original',
      rule: 2,
      text: expect.stringMatching(/^meta l4proto tcp dnat to 10\.244\.\d\.2:8080$/),
    });
    expect(
      r.trace?.some(
        (t) => t.chain === 'services' && t.action === 'tcp . 30080 → goto external-SUSTUHLJ-default/web/tcp/http',
      ),
    ).toBe(true);
  });

  it('a rule the interpreter does not understand stops the walk with its reason (UNKNOWN), never a guess', () => {
    const text = generateNftables(bounceCluster(), 'node-2').replace(
      'add rule ip kube-proxy nat-prerouting jump services',
      'add rule ip kube-proxy nat-prerouting meta skuid 0 jump services',
    );
    const sim = fromRulesText(text, { localIPs: ['192.168.10.12'] });
    expect(sim.problems().length).toBe(1);
    const r = sim.sample({ from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } }, 1);
    expect(r.verdict).toBe('UNKNOWN');
    expect(r.reason).toMatch(/nat-prerouting rule 1 \(line \d+\): "meta" is not modelled/);
  });
});

describe('where nftables mode differs from iptables mode (same cluster)', () => {
  const cluster = bounceCluster();
  const ipt = createSimulation(cluster, { mode: 'iptables' });
  const nft = createSimulation(cluster, { mode: 'nftables' });
  const fromPod = (ip: string, port: number): ConnectionSpec => ({
    from: { kind: 'pod', name: 'pod-1' },
    to: { ip, port },
  });

  it('a ClusterIP port the Service does not serve: nft rejects, iptables lets the packet pass', () => {
    expect(nft.exact(fromPod('10.96.120.15', 81))[0]?.result.verdict).toBe('REJECT');
    expect(nft.exact(fromPod('10.96.120.15', 81))[0]?.result.decidedBy?.chain).toBe('cluster-ips-check');
    expect(ipt.exact(fromPod('10.96.120.15', 81))[0]?.result.verdict).not.toBe('REJECT');
  });

  it('an unallocated address in the service CIDR: nft drops, iptables lets it pass', () => {
    expect(nft.exact(fromPod('10.96.0.99', 80))[0]?.result.verdict).toBe('DROP');
    expect(ipt.exact(fromPod('10.96.0.99', 80))[0]?.result.verdict).not.toBe('DROP');
  });

  it('the NodePort on 127.0.0.1 from the node itself: iptables serves it (localhostNodePorts), nft does not', () => {
    const local: ConnectionSpec = { from: { kind: 'node', name: 'node-2' }, to: { ip: '127.0.0.1', port: 30080 } };
    expect(ipt.exact(local).every((o) => o.result.verdict === 'DNAT')).toBe(true);
    const n = nft.exact(local);
    expect(n).toHaveLength(1);
    expect(n[0]?.result.destination).toMatchObject({ kind: 'node', node: 'node-2' });
  });

  it('the NodePort on the node IP from the node itself works in both', () => {
    const own: ConnectionSpec = { from: { kind: 'node', name: 'node-2' }, to: { ip: '192.168.10.12', port: 30080 } };
    expect(nft.exact(own).map((o) => o.result.verdict)).toEqual(['DNAT', 'DNAT']);
    expect(ipt.exact(own).map((o) => o.result.verdict)).toEqual(['DNAT', 'DNAT']);
  });
});

describe("kube-proxy's own packet-flow expectations on its TestOverallNFTablesRules ruleset", () => {
  const sim = fromRulesText(generateNftables(overallCluster(), 'test-node', OVERALL_OPTIONS), {
    localIPs: ['192.168.0.2', '192.168.1.2', '192.168.99.11'],
  });
  const flow = (src: string, dst: string, port: number): ExactOutcome[] =>
    sim.exact({ from: { kind: 'client', ip: src }, to: { ip: dst, port } });

  it('external → svc3 NodePort: DNAT to 10.180.0.3:80, masqueraded', () => {
    const out = flow('203.0.113.2', '192.168.0.2', 3003);
    expect(out).toHaveLength(1);
    expect(out[0]?.result.destination).toMatchObject({ kind: 'external', ip: '10.180.0.3', port: 80 });
    expect(out[0]?.result.masquerade).toBe(true);
  });

  it('external → svc2 LoadBalancer IP with ETP Local and no local endpoint: DROP', () => {
    expect(flow('203.0.113.2', '1.2.3.4', 80)[0]?.result.verdict).toBe('DROP');
  });

  it('svc6 without endpoints: REJECT', () => {
    expect(flow('203.0.113.2', '172.30.0.46', 80)[0]?.result.verdict).toBe('REJECT');
  });

  it('svc5 firewall: a source outside loadBalancerSourceRanges is dropped before DNAT', () => {
    expect(flow('203.0.113.130', '5.6.7.8', 80)[0]?.result.decidedBy?.chain).toBe('firewall-HVFWP5L3-ns5/svc5/tcp/p80');
    expect(flow('203.0.113.2', '5.6.7.8', 80)[0]?.result.destination).toMatchObject({ ip: '10.180.0.3', port: 80 });
  });
});
