/** One check per generator feature, on the bounce cluster and small variations of it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave, generateRestoreInput } from '../../../../src/engine/kubeproxy';
import type { Cluster, EndpointSlice } from '../../../../src/engine/model/types';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';

const nat = (cluster: Cluster, node = 'node-2') => generateRestoreInput(cluster, node).split('\n');

describe('generator features', () => {
  it('session affinity: -m recent checks before the statistic rules, --set before DNAT', () => {
    const lines = nat(bounceCluster({ sessionAffinity: 'ClientIP' }));
    const svc = lines.filter((l) => l.startsWith('-A KUBE-SVC-'));
    expect(svc.slice(1, 3)).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.2:8080" -m recent --name KUBE-SEP-UIQK3OSOSTRHRPBX --rcheck --seconds 10800 --reap -j KUBE-SEP-UIQK3OSOSTRHRPBX',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.2:8080" -m recent --name KUBE-SEP-4EX2N4PG4ASNZOBF --rcheck --seconds 10800 --reap -j KUBE-SEP-4EX2N4PG4ASNZOBF',
    ]);
    expect(lines).toContain(
      '-A KUBE-SEP-UIQK3OSOSTRHRPBX -m comment --comment default/web:http -m recent --name KUBE-SEP-UIQK3OSOSTRHRPBX --set -m tcp -p tcp -j DNAT --to-destination 10.244.1.2:8080',
    );
  });

  it('no ready endpoints: REJECT in filter KUBE-SERVICES and KUBE-EXTERNAL-SERVICES, no nat chains', () => {
    const text = generateRestoreInput(bounceCluster({ notReadyPods: ['pod-1', 'pod-2'] }), 'node-1');
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no endpoints" -m tcp -p tcp -d 10.96.120.15 --dport 80 -j REJECT',
    );
    expect(text).toContain(
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j REJECT',
    );
    expect(text).not.toMatch(/KUBE-(SVC|SEP|EXT)-/);
  });

  it('terminating fallback: serving+terminating endpoints are used when none is ready', () => {
    const svc = nat(bounceCluster({ terminatingPods: ['pod-1', 'pod-2'] })).filter(
      (l) => l.startsWith('-A KUBE-SVC-') && l.includes('-> '),
    );
    expect(svc).toHaveLength(2);
  });

  it('terminating endpoints are skipped while a ready one exists', () => {
    const svc = nat(bounceCluster({ terminatingPods: ['pod-1'] })).filter(
      (l) => l.startsWith('-A KUBE-SVC-') && l.includes('-> '),
    );
    expect(svc).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.2:8080" -j KUBE-SEP-4EX2N4PG4ASNZOBF',
    ]);
  });

  it('internalTrafficPolicy Local: ClusterIP jumps to KUBE-SVL, which carries the masquerade rule', () => {
    const lines = nat(bounceCluster({ internalTrafficPolicy: 'Local' }), 'node-1');
    expect(lines).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.120.15 --dport 80 -j KUBE-SVL-CDGGSHYLG3RE2FKL',
    );
    expect(lines.filter((l) => l.startsWith('-A KUBE-SVL-'))[0]).toContain('! -s 10.244.0.0/16 -j KUBE-MARK-MASQ');
    // NodePort traffic still uses every endpoint.
    expect(lines).toContain('-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL');
  });

  it('internalTrafficPolicy Local without a local endpoint: DROP the ClusterIP (node-3)', () => {
    expect(generateRestoreInput(bounceCluster({ internalTrafficPolicy: 'Local' }), 'node-3')).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no local endpoints" -m tcp -p tcp -d 10.96.120.15 --dport 80 -j DROP',
    );
  });

  it('detectLocalMode NodeCIDR uses the node podCIDR; None drops the masquerade rule and the pod short-circuit', () => {
    const base = bounceCluster({ externalTrafficPolicy: 'Local' });
    const nodeCidr = nat({ ...base, proxy: { ...base.proxy, detectLocalMode: 'NodeCIDR' } }, 'node-2');
    expect(nodeCidr.some((l) => l.includes('! -s 10.244.2.0/24 -j KUBE-MARK-MASQ'))).toBe(true);
    expect(
      nodeCidr.some((l) => l.includes('"pod traffic for default/web:http external destinations" -s 10.244.2.0/24')),
    ).toBe(true);
    const none = nat({ ...base, proxy: { ...base.proxy, detectLocalMode: 'None' } }, 'node-2');
    expect(none.some((l) => l.includes('-j KUBE-MARK-MASQ') && l.includes('! -s 10.'))).toBe(false);
    expect(none.some((l) => l.includes('pod traffic for'))).toBe(false);
  });

  it('masqueradeAll: the ClusterIP rule masquerades everything', () => {
    const base = bounceCluster();
    const lines = nat({ ...base, proxy: { ...base.proxy, masqueradeAll: true } });
    expect(lines).toContain(
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.120.15 --dport 80 -j KUBE-MARK-MASQ',
    );
  });

  it('localhostNodePorts false: no KUBE-FIREWALL rule, no nfacct NodePort rule, loopback excluded', () => {
    const base = bounceCluster();
    const text = generateRestoreInput({ ...base, proxy: { ...base.proxy, localhostNodePorts: false } }, 'node-1');
    expect(text).not.toContain('block incoming localnet');
    expect(text).not.toContain('localhost_nps_accepted_pkts');
    expect(text).toContain('-m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS');
  });

  it('nodePortAddresses: one rule per matching interface address (LAN, pod gateway)', () => {
    const base = bounceCluster();
    const lines = nat(
      { ...base, proxy: { ...base.proxy, nodePortAddresses: ['192.168.10.0/24', '10.244.0.0/16'] } },
      'node-2',
    ).filter((l) => l.endsWith('-j KUBE-NODEPORTS'));
    expect(lines.map((l) => l.split(' -d ')[1])).toEqual([
      '192.168.10.12 -j KUBE-NODEPORTS',
      '10.244.2.1 -j KUBE-NODEPORTS',
    ]);
  });

  it('external IPs and load-balancer IPs capture into KUBE-EXT / KUBE-FW', () => {
    const base = bounceCluster();
    const web = base.services[0];
    if (web === undefined) throw new Error('no service');
    const lb: Cluster = {
      ...base,
      services: [
        {
          ...web,
          type: 'LoadBalancer',
          externalIPs: ['192.168.10.200'],
          loadBalancerIngress: [{ ip: '192.168.10.250', ipMode: 'VIP' }],
          loadBalancerSourceRanges: ['192.168.10.0/24'],
        },
      ],
    };
    const lines = nat(lb);
    expect(lines).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web:http external IP" -m tcp -p tcp -d 192.168.10.200 --dport 80 -j KUBE-EXT-CDGGSHYLG3RE2FKL',
    );
    expect(lines).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web:http loadbalancer IP" -m tcp -p tcp -d 192.168.10.250 --dport 80 -j KUBE-FW-CDGGSHYLG3RE2FKL',
    );
    // The node IP is inside the allowed range, so the LB IP itself is allowed as a source.
    expect(lines).toContain(
      '-A KUBE-FW-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http loadbalancer IP" -s 192.168.10.250 -j KUBE-EXT-CDGGSHYLG3RE2FKL',
    );
    expect(generateRestoreInput(lb, 'node-2')).toContain(
      '-A KUBE-PROXY-FIREWALL -m comment --comment "default/web:http traffic not accepted by KUBE-FW-CDGGSHYLG3RE2FKL" -m tcp -p tcp -d 192.168.10.250 --dport 80 -j DROP',
    );
  });

  it('the full save has the built-in jumps in Prepend order and the canary chain', () => {
    const text = generateIptablesSave(bounceCluster(), 'node-1');
    const input = text.split('\n').filter((l) => l.startsWith('-A INPUT'));
    expect(input.map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-FIREWALL',
      'KUBE-PROXY-FIREWALL',
      'KUBE-NODEPORTS',
      'KUBE-EXTERNAL-SERVICES',
    ]);
    const forward = text.split('\n').filter((l) => l.startsWith('-A FORWARD'));
    expect(forward.map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-PROXY-FIREWALL',
      'KUBE-FORWARD',
      'KUBE-SERVICES',
      'KUBE-EXTERNAL-SERVICES',
    ]);
    expect(text.split('\n').filter((l) => l === ':KUBE-PROXY-CANARY - [0:0]')).toHaveLength(2);
  });

  it('an unknown node is a RangeError naming the nodes there are', () => {
    expect(() => generateIptablesSave(bounceCluster(), 'node-9')).toThrow(
      /no node named "node-9".*node-1, node-2, node-3/,
    );
  });
});

describe('property: input order does not change the rules', () => {
  const shuffle = <T>(items: readonly T[], keys: readonly number[]): T[] =>
    items
      .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.item);

  it('endpoints, slices and services in any order give identical dumps', () => {
    const base = bounceCluster({ sessionAffinity: 'ClientIP' });
    const extra: EndpointSlice = {
      namespace: 'default',
      name: 'web-extra',
      serviceName: 'web',
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.3.7'], nodeName: 'node-3', conditions: { ready: true } },
        { addresses: ['10.244.1.11'], nodeName: 'node-1', conditions: {} },
        {
          addresses: ['10.244.2.9'],
          nodeName: 'node-2',
          conditions: { ready: false, serving: true, terminating: true },
        },
      ],
    };
    const cluster: Cluster = { ...base, endpointSlices: [...base.endpointSlices, extra] };
    const expected = ['node-1', 'node-2', 'node-3'].map((n) => generateIptablesSave(cluster, n));
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 8 }),
        (k1, k2) => {
          const shuffled: Cluster = {
            ...cluster,
            endpointSlices: shuffle(cluster.endpointSlices, k1).map((s) => ({
              ...s,
              endpoints: shuffle(s.endpoints, k2),
            })),
          };
          ['node-1', 'node-2', 'node-3'].forEach((n, i) => expect(generateIptablesSave(shuffled, n)).toBe(expected[i]));
        },
      ),
      { numRuns: 50 },
    );
  });
});
