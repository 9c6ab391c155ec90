/**
 * "Can you ping a Service?" per datapath, through the façade a lesson uses
 * (createDatapathSimulation): kube-proxy's iptables rules never match ICMP, so a ClusterIP
 * ping leaves by the default route unanswered; nftables mode's cluster-ips-check and IPVS
 * mode's KUBE-IPVS-FILTER reject it (from different addresses); Cilium passes it on. A node's
 * own address always answers. The kernel suite checks iptables and nftables (ping.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import {
  ConnectionError,
  createDatapathSimulation,
  createSimulation,
  rejectType,
  type Datapath,
  type EchoResult,
  type Source,
} from '../../../../src/engine/simulate';

const CLUSTER_IP = '10.96.120.15';
const pod1: Source = { kind: 'pod', name: 'pod-1' };
const node1: Source = { kind: 'node', name: 'node-1' };

function ping(datapath: Datapath, from: Source, ip: string): EchoResult | undefined {
  const outcomes = createDatapathSimulation(bounceCluster(), { datapath }).exact(
    { from, to: { ip }, protocol: 'icmp' },
    { trace: false },
  );
  expect(outcomes).toHaveLength(1);
  return outcomes[0]?.result.echo;
}

const none = expect.objectContaining({ kind: 'none' });
const unreachable = (from: string, node: string, sendFails = false) => ({
  kind: 'unreachable',
  from,
  node,
  type: 3,
  code: 3,
  name: 'icmp-port-unreachable',
  sendFails,
});

describe('pinging a ClusterIP', () => {
  it('iptables: no rule matches ICMP, the request leaves by the default route, nothing answers', () => {
    for (const from of [pod1, node1, { kind: 'client', via: 'node-2' } as const]) {
      const echo = ping('iptables', from, CLUSTER_IP);
      expect(echo).toEqual(none);
      expect(echo?.kind === 'none' && echo.why).toMatch(/leaves the cluster/);
    }
  });

  it('nftables: cluster-ips-check rejects it with port unreachable, sent from the node', () => {
    expect(ping('nftables', pod1, CLUSTER_IP)).toEqual(unreachable('10.244.1.1', 'node-1'));
    expect(ping('nftables', { kind: 'client', via: 'node-2' }, CLUSTER_IP)).toEqual(
      unreachable('192.168.10.12', 'node-2'),
    );
    // The node's own ping is rejected in its OUTPUT hook: sendmsg() fails as well.
    expect(ping('nftables', node1, CLUSTER_IP)).toEqual(unreachable('192.168.10.11', 'node-1', true));
    const sim = createDatapathSimulation(bounceCluster(), { datapath: 'nftables' });
    const [o] = sim.exact({ from: pod1, to: { ip: CLUSTER_IP }, protocol: 'icmp' });
    expect(o?.result.decidedBy?.chain).toBe('cluster-ips-check');
  });

  it('IPVS: KUBE-IPVS-FILTER rejects it, and the error comes from the ClusterIP itself', () => {
    for (const from of [pod1, node1, { kind: 'client', via: 'node-2' } as const]) {
      const echo = ping('ipvs', from, CLUSTER_IP);
      expect(echo).toMatchObject({ kind: 'unreachable', from: CLUSTER_IP, code: 3, sendFails: false });
    }
    const sim = createDatapathSimulation(bounceCluster(), { datapath: 'ipvs' });
    const [o] = sim.exact({ from: node1, to: { ip: CLUSTER_IP }, protocol: 'icmp' }, { trace: true });
    expect(o?.result.decidedBy?.chain).toBe('KUBE-IPVS-FILTER');
    expect(o?.result.reason).toMatch(/never match an ICMP packet/);
  });

  it('Cilium: no service lookup for ICMP, the request goes on untranslated and nothing answers', () => {
    expect(ping('cilium', pod1, CLUSTER_IP)).toEqual(none);
    const sim = createDatapathSimulation(bounceCluster(), { datapath: 'cilium' });
    const [o] = sim.exact({ from: pod1, to: { ip: CLUSTER_IP }, protocol: 'icmp' }, { trace: true });
    expect(o?.result.trace?.map((t) => ('code' in t ? t.code : ''))).toContain('bpf.lb.icmp');
  });
});

describe('pinging what does answer', () => {
  it.each(['iptables', 'nftables', 'ipvs', 'cilium'] as const)('%s: a NodePort node address and a pod', (datapath) => {
    expect(ping(datapath, { kind: 'client' }, '192.168.10.12')).toEqual({
      kind: 'reply',
      from: '192.168.10.12',
      responder: 'node node-2',
    });
    expect(ping(datapath, pod1, '10.244.2.2')).toEqual({
      kind: 'reply',
      from: '10.244.2.2',
      responder: 'pod default/pod-2',
    });
  });

  it('a TCP connection carries no echo result', () => {
    const [o] = createSimulation(bounceCluster()).exact({ from: pod1, to: { ip: CLUSTER_IP, port: 80 } });
    expect(o?.result.echo).toBeUndefined();
  });
});

describe('an ICMP flow and ports', () => {
  const sim = createSimulation(bounceCluster());
  it('a port given to an icmp flow is refused, naming to.port', () => {
    expect(() => sim.exact({ from: pod1, to: { ip: CLUSTER_IP, port: 80 }, protocol: 'icmp' })).toThrow(
      ConnectionError,
    );
    expect(() => sim.exact({ from: pod1, to: { ip: CLUSTER_IP, port: 80 }, protocol: 'icmp' })).toThrow(
      /to\.port: an icmp echo request has no port/,
    );
  });
  it('a tcp flow without a port is refused', () => {
    expect(() => sim.exact({ from: pod1, to: { ip: CLUSTER_IP } })).toThrow(/to\.port: a tcp connection needs a port/);
  });
});

describe('rejectType', () => {
  it('reads iptables and nft spellings, defaulting to port unreachable', () => {
    expect(rejectType('-j REJECT')).toEqual({ type: 3, name: 'icmp-port-unreachable', code: 3 });
    expect(rejectType('-j REJECT --reject-with icmp-host-prohibited')).toEqual({
      type: 3,
      name: 'icmp-host-prohibited',
      code: 10,
    });
    expect(rejectType('ip daddr 1.2.3.4 reject with icmp type admin-prohibited')).toEqual({
      type: 3,
      name: 'icmp-admin-prohibited',
      code: 13,
    });
    // icmpx has four family-neutral codes; no-route is the network unreachable of ICMP.
    expect(rejectType('reject with icmpx no-route')).toEqual({ type: 3, name: 'icmp-net-unreachable', code: 0 });
    expect(rejectType('ip daddr @cluster-ips reject')).toEqual({ type: 3, name: 'icmp-port-unreachable', code: 3 });
  });

  it('reads ip6tables and nft ICMPv6 spellings for an IPv6 packet (type 1), defaulting to port unreachable (code 4)', () => {
    expect(rejectType('-j REJECT', 6)).toEqual({ type: 1, name: 'icmp6-port-unreachable', code: 4 });
    expect(rejectType('-j REJECT --reject-with icmp6-adm-prohibited', 6)).toEqual({
      type: 1,
      name: 'icmp6-adm-prohibited',
      code: 1,
    });
    // ip6tables also takes the short names on input.
    expect(rejectType('-j REJECT --reject-with addr-unreach', 6)).toEqual({
      type: 1,
      name: 'icmp6-addr-unreachable',
      code: 3,
    });
    expect(rejectType('ip6 daddr @cluster-ips reject', 6)).toEqual({
      type: 1,
      name: 'icmp6-port-unreachable',
      code: 4,
    });
    expect(rejectType('reject with icmpv6 type admin-prohibited', 6)).toEqual({
      type: 1,
      name: 'icmp6-adm-prohibited',
      code: 1,
    });
    // icmpx: the same rule sends each family its own error (nft_reject_icmpv6_code).
    expect(rejectType('reject with icmpx type host-unreachable', 6)).toEqual({
      type: 1,
      name: 'icmp6-addr-unreachable',
      code: 3,
    });
    expect(rejectType('reject with icmpx type host-unreachable', 4)).toEqual({
      type: 3,
      name: 'icmp-host-unreachable',
      code: 1,
    });
  });
});
