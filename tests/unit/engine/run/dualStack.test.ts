/**
 * Scenario mode on a dual-stack cluster (tests/fixtures/ipv6/dual-stack.yaml): an IPv6
 * destination walks the IPv6 proxier's rules over the cluster's IPv6 network (nodes' IPv6
 * InternalIPs, IPv6 pod CIDRs, pods' IPv6 addresses), an IPv4 one the IPv4 network as before.
 * The first node's decisions are those of its rules alone, which the kernel suite loads
 * (tests/kernel/ipv6-rules.test.ts): the same split and the same masquerade.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave, generateNftables } from '../../../../src/engine/rules';
import { ipv6View, loadManifests, type Cluster } from '../../../../src/engine/model';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import {
  ConnectionError,
  createSimulation,
  fromRulesText,
  type ConnectionSpec,
  type Simulation,
} from '../../../../src/engine/simulate';

function dualStack(): Cluster {
  const text = readFileSync(new URL('../../../fixtures/ipv6/dual-stack.yaml', import.meta.url), 'utf8');
  const loaded = loadManifests(text, 'dual-stack.yaml');
  if (!loaded.cluster) throw new Error(JSON.stringify(loaded.errors));
  return loaded.cluster;
}

/** Outcomes as "verdict pod source probability", sorted. */
function outcomes(sim: Simulation, spec: ConnectionSpec): string[] {
  return sim
    .exact(spec, { trace: false })
    .map(({ result: r, probability }) => {
      const d = r.destination;
      const where = d ? (d.kind === 'pod' ? `${d.name} ${d.ip}:${d.port}` : `${d.kind} ${d.ip}:${d.port}`) : '-';
      return `${r.verdict} ${where} ${r.sourceSeen?.ip ?? '-'} ${probability}`;
    })
    .sort();
}

const NODE_PORT: ConnectionSpec = { from: { kind: 'client', via: 'node-1' }, to: { ip: 'fd00:10::12', port: 30080 } };

for (const mode of ['iptables', 'nftables'] as const) {
  describe(`a dual-stack cluster in scenario mode, ${mode}`, () => {
    const sim = createSimulation(dualStack(), { mode });

    it('a client to node-1’s IPv6 NodePort reaches both pods half the time, masqueraded to node-1’s IPv6 address', () => {
      expect(outcomes(sim, NODE_PORT)).toEqual([
        'DNAT web-2 fd00:10:244:2::2:8080 fd00:10::12 0.5',
        'DNAT web-3 fd00:10:244:3::2:8080 fd00:10::12 0.5',
      ]);
    });

    it('the same client over IPv4 walks the IPv4 network, unchanged', () => {
      expect(outcomes(sim, { from: { kind: 'client', via: 'node-1' }, to: { ip: '10.0.0.12', port: 30080 } })).toEqual([
        'DNAT web-2 10.244.2.2:8080 10.0.0.12 0.5',
        'DNAT web-3 10.244.3.2:8080 10.0.0.12 0.5',
      ]);
    });

    it('a pod to the IPv6 ClusterIP: hairpin to itself is masqueraded to its node’s pod-side gateway, the other pod sees its IPv6 address', () => {
      expect(outcomes(sim, { from: { kind: 'pod', name: 'web-2' }, to: { ip: 'fd00:10:96::10', port: 80 } })).toEqual([
        'DNAT web-2 fd00:10:244:2::2:8080 fd00:10:244:2::1 0.5',
        'DNAT web-3 fd00:10:244:3::2:8080 fd00:10:244:2::2 0.5',
      ]);
    });

    it('the entry node decides as its IPv6 rules alone do in --rules mode (the rules the kernel suite loads)', () => {
      const view = ipv6View(dualStack()) as Cluster;
      const rules = mode === 'nftables' ? generateNftables(view, 'node-1') : generateIptablesSave(view, 'node-1');
      const single = fromRulesText(rules, { localIPs: ['fd00:10::12'] });
      const firstHop = (sim2: Simulation, spec: ConnectionSpec): string[] =>
        sim2
          .exact(spec, { trace: false })
          .map(({ result: r, probability }) => `${r.destination?.ip}:${r.destination?.port} ${probability}`)
          .sort();
      expect(firstHop(sim, NODE_PORT)).toEqual(
        firstHop(single, { from: { kind: 'client', ip: 'fd00:10::100' }, to: NODE_PORT.to }),
      );
    });

    it('a session keeps each family’s connections apart and answers both', () => {
      const session = sim.session(1);
      expect(session.connect(NODE_PORT).verdict).toBe('DNAT');
      expect(session.connect({ ...NODE_PORT, to: { ip: '10.0.0.12', port: 30080 } }).verdict).toBe('DNAT');
    });

    it('one run walks one family: a round mixing them is refused, naming both addresses', () => {
      expect(() =>
        sim.run([NODE_PORT, { ...NODE_PORT, to: { ip: '10.0.0.12', port: 30080 } }], { count: 10, seed: 1 }),
      ).toThrow('to.ip: one run walks one family: fd00:10::12 and 10.0.0.12 are of different IP families');
    });
  });
}

describe('pinging the IPv6 ClusterIP in scenario mode', () => {
  it('nftables: cluster-ips-check rejects it with ICMPv6 port unreachable from the pod’s node', () => {
    const [o] = createSimulation(dualStack(), { mode: 'nftables' }).exact({
      from: { kind: 'pod', name: 'web-2' },
      to: { ip: 'fd00:10:96::10' },
      protocol: 'icmp',
    });
    expect(o?.result.echo).toEqual({
      kind: 'unreachable',
      from: 'fd00:10:244:2::1',
      node: 'node-2',
      type: 1,
      code: 4,
      name: 'icmp6-port-unreachable',
      sendFails: false,
    });
  });

  it('iptables: no rule matches it; it leaves by the default route and nothing answers', () => {
    const [o] = createSimulation(dualStack(), { mode: 'iptables' }).exact({
      from: { kind: 'pod', name: 'web-2' },
      to: { ip: 'fd00:10:96::10' },
      protocol: 'icmp',
    });
    expect(o?.result.echo?.kind).toBe('none');
  });
});

describe('an IPv6 destination in a cluster without IPv6 nodes', () => {
  it('is refused at to.ip, saying what a dual-stack node lists', () => {
    const sim = createSimulation(bounceCluster());
    let error: unknown;
    try {
      sim.exact({ from: { kind: 'client' }, to: { ip: 'fd00::1', port: 80 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      'to.ip: fd00::1 is IPv6, and no node of this cluster has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)',
    );
  });
});
