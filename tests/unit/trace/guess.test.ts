import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';
import { guessFromDump } from '../../../src/workers/trace/guess';
import { bounceNft, bounceRules } from './helpers';

describe('guessFromDump', () => {
  it('finds 127.0.0.1 and the NodePort in the bounce rules (which never name the node IP)', () => {
    expect(guessFromDump(bounceRules())).toEqual({
      localIPs: ['127.0.0.1'],
      target: { ip: null, port: 30080, protocol: 'tcp' },
    });
  });

  it('finds the node IP when nodePortAddresses makes kube-proxy write it', () => {
    const base = bounceCluster();
    const cluster = { ...base, proxy: { ...base.proxy, nodePortAddresses: ['192.168.10.0/24'] } };
    const text = generateIptablesSave(cluster, 'node-2');
    expect(text).toContain('-d 192.168.10.12 -j KUBE-NODEPORTS');
    expect(guessFromDump(text)).toEqual({
      localIPs: ['192.168.10.12', '127.0.0.1'],
      target: { ip: '192.168.10.12', port: 30080, protocol: 'tcp' },
    });
  });

  it('falls back to a cluster IP when there is no NodePort, and reads counters and udp', () => {
    const text = '*nat\n[0:0] -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m udp --dport 53 -j KUBE-SVC-X\nCOMMIT\n';
    expect(guessFromDump(text)).toEqual({
      localIPs: ['127.0.0.1'],
      target: { ip: '10.96.0.10', port: 53, protocol: 'udp' },
    });
  });

  it('ignores -d inside comments, negated -d and wide prefixes', () => {
    const text = [
      '*nat',
      '-A KUBE-SERVICES -m comment --comment "x -d 10.9.9.9 y" -j KUBE-NODEPORTS',
      '-A KUBE-SERVICES ! -d 10.8.8.8/32 -j KUBE-NODEPORTS',
      '-A KUBE-SERVICES -d 10.7.0.0/16 -j KUBE-NODEPORTS',
      'COMMIT',
    ].join('\n');
    expect(guessFromDump(text).localIPs).toEqual(['127.0.0.1']);
  });

  it('reads kube-proxy nftables rules: @nodeport-ips and the NodePort map, in both spellings', () => {
    for (const rendering of ['listing', 'transaction'] as const) {
      expect(guessFromDump(bounceNft('node-2', rendering))).toEqual({
        localIPs: ['192.168.10.12', '127.0.0.1'],
        target: { ip: '192.168.10.12', port: 30080, protocol: 'tcp' },
      });
    }
  });

  it('guesses ::1 for kube-proxy’s IPv6 rules, and reads ip6 nodeport-ips and an IPv6 ClusterIP', () => {
    const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ipv6/${name}`, import.meta.url), 'utf8');
    expect(guessFromDump(fixture('kube-proxy.ip6tables-save'))).toEqual({
      localIPs: ['::1'],
      target: { ip: null, port: 30080, protocol: 'tcp' },
    });
    expect(guessFromDump(fixture('kube-proxy-ip6.nft'))).toEqual({
      localIPs: ['fd00:10::12', '::1'],
      target: { ip: 'fd00:10::12', port: 30080, protocol: 'tcp' },
    });
    const clusterOnly = fixture('kube-proxy-ip6.nft').replace(/^add element ip6 kube-proxy service-nodeports .*$/m, '');
    expect(guessFromDump(clusterOnly).target).toEqual({ ip: 'fd00:10:96::10', port: 80, protocol: 'tcp' });
  });
});
