import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateNftables } from '../../../../../src/engine/kubeproxy/nftables';
import { bounceCluster } from '../../../../../src/engine/scenarios/bounce';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

// The *.nft-list.txt files are what nft 1.0.6 printed (`nft list table ip kube-proxy`) after
// loading the matching *.nft with `nft -f` in a scratch network namespace.
const CASES = [
  ...(['Cluster', 'Local'] as const).flatMap((etp) =>
    [1, 2, 3].map((n) => ({
      name: `bounce-etp-${etp.toLowerCase()}-node-${n}`,
      node: `node-${n}`,
      options: { externalTrafficPolicy: etp },
    })),
  ),
  { name: 'bounce-affinity-node-2', node: 'node-2', options: { sessionAffinity: 'ClientIP' as const } },
];

describe('nftables mode on the bounce cluster', () => {
  for (const c of CASES) {
    it(`${c.name}: the nft -f transaction`, () => {
      expect(generateNftables(bounceCluster(c.options), c.node)).toBe(golden(`${c.name}.nft`));
    });
    it(`${c.name}: the listing, as the real nft prints it`, () => {
      expect(generateNftables(bounceCluster(c.options), c.node, { rendering: 'listing' })).toBe(
        golden(`${c.name}.nft-list.txt`),
      );
    });
  }

  it('NodePorts listen on the node IP only (nodePortAddresses defaults to primary in nft mode)', () => {
    const text = generateNftables(bounceCluster(), 'node-2');
    expect(text).toContain('add element ip kube-proxy nodeport-ips { 192.168.10.12 }');
    expect(text).not.toMatch(/nodeport-ips \{ 127\./);
    expect(text).toContain(
      'add rule ip kube-proxy services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
    );
  });

  it('ETP Local without a local endpoint: no local- chain, and the NodePort is dropped', () => {
    const text = generateNftables(bounceCluster({ externalTrafficPolicy: 'Local' }), 'node-3');
    expect(text).not.toContain('local-');
    expect(text).toContain(
      'add element ip kube-proxy no-endpoint-nodeports { tcp . 30080 comment "default/web:http" : drop }',
    );
  });

  it('a Service with no ready endpoint anywhere is rejected through reject-chain', () => {
    const text = generateNftables(bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] }), 'node-2');
    expect(text).toContain(
      'add element ip kube-proxy no-endpoint-services { 10.96.120.15 . tcp . 80 comment "default/web:http" : goto reject-chain }',
    );
    expect(text).toContain(
      'add element ip kube-proxy no-endpoint-nodeports { tcp . 30080 comment "default/web:http" : goto reject-chain }',
    );
    expect(text).not.toContain('service-SUSTUHLJ');
  });

  it('nodePortAddresses 0.0.0.0/0 switches to fib daddr type local, never localhost', () => {
    const c = bounceCluster();
    const text = generateNftables({ ...c, proxy: { ...c.proxy, nodePortAddresses: ['0.0.0.0/0'] } }, 'node-2');
    expect(text).toContain(
      'add rule ip kube-proxy services fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports',
    );
    expect(text).not.toContain('nodeport-ips');
  });
});
