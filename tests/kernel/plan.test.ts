import { describe, expect, it } from 'vitest';
import type { Cluster, Pod } from '../../src/engine/model/types';
import { planNamespaces } from './harness/plan';
import { withBuiltinJumps } from './harness/rules';

// Pure parts of the harness: these run everywhere, root or not.

const pod = (name: string, nodeName: string, ip: string): Pod => ({
  namespace: 'default',
  name,
  nodeName,
  ip,
  labels: { app: 'web' },
  ready: true,
  terminating: false,
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
});

const cluster = (pods: Pod[]): Cluster => ({
  nodes: [1, 2, 3].map((i) => ({ name: `node-${i}`, internalIP: `192.168.10.1${i}`, podCIDR: `10.244.${i}.0/24` })),
  pods,
  services: [],
  endpointSlices: [],
  proxy: {
    mode: 'iptables',
    clusterCIDR: '10.244.0.0/16',
    detectLocalMode: 'ClusterCIDR',
    masqueradeAll: false,
    masqueradeBit: 14,
    localhostNodePorts: true,
    nodePortAddresses: [],
  },
});

describe('planNamespaces', () => {
  const plan = planNamespaces(cluster([pod('pod-1', 'node-1', '10.244.1.2'), pod('pod-2', 'node-2', '10.244.2.2')]), {
    prefix: 'bkTEST',
  });

  it('routes each node to the other podCIDRs via their node IPs, plus a default route', () => {
    const node2 = plan.nodes.find((n) => n.name === 'node-2')!;
    expect(node2.routes).toEqual([
      { to: '10.244.1.0/24', via: '192.168.10.11' },
      { to: '10.244.3.0/24', via: '192.168.10.13' },
      { to: 'default', via: '192.168.10.1' },
    ]);
  });

  it("gives each pod its node's podCIDR .1 as gateway and the containerPort to listen on", () => {
    expect(plan.pods.map((p) => [p.name, p.gateway, p.nodeName, p.tcpPorts])).toEqual([
      ['pod-1', '10.244.1.1', 'node-1', [8080]],
      ['pod-2', '10.244.2.1', 'node-2', [8080]],
    ]);
  });

  it('prefixes every namespace with the run prefix', () => {
    expect(plan.allNetns.length).toBe(1 + 3 + 2 + 1);
    for (const name of plan.allNetns) expect(name.startsWith('bkTEST-')).toBe(true);
    expect(new Set(plan.allNetns).size).toBe(plan.allNetns.length);
  });

  it('names the bad field when the model cannot be wired', () => {
    expect(() => planNamespaces(cluster([pod('p', 'node-9', '10.244.1.2')]), { prefix: 'x' })).toThrow(
      /pod default\/p: nodeName "node-9"/,
    );
    expect(() => planNamespaces(cluster([pod('p', 'node-1', '10.244.2.2')]), { prefix: 'x' })).toThrow(
      /outside its node node-1's podCIDR/,
    );
    expect(() => planNamespaces(cluster([]), { prefix: 'x', clientIP: '192.168.10.12' })).toThrow(
      /node node-2 internalIP: 192.168.10.12 is already used by client IP/,
    );
    expect(() => planNamespaces(cluster([]), { prefix: 'x', clientIP: '10.0.0.1' })).toThrow(/client IP: 10.0.0.1 is outside the LAN/);
  });
});

describe('withBuiltinJumps', () => {
  const restore = ['*nat', ':KUBE-SERVICES - [0:0]', ':KUBE-POSTROUTING - [0:0]', '-A KUBE-SERVICES -j RETURN', 'COMMIT', ''].join('\n');

  it("adds kube-proxy's built-in chain jumps to a bare restore text, only to chains it declares", () => {
    const prepared = withBuiltinJumps(restore);
    expect(prepared.addedBuiltinJumps).toBe(true);
    expect(prepared.text).toContain('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(prepared.text).toContain('-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING');
    expect(prepared.text).toContain(':PREROUTING ACCEPT [0:0]');
    expect(prepared.text).not.toContain('KUBE-NODEPORTS');
  });

  it('leaves a full iptables-save (one that already jumps from built-in chains) unchanged', () => {
    const full = restore.replace('COMMIT', '-A PREROUTING -j KUBE-SERVICES\nCOMMIT');
    expect(withBuiltinJumps(full)).toEqual({ text: full, addedBuiltinJumps: false });
  });
});
