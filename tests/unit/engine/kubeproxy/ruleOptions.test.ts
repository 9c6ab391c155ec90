/**
 * Smaller kube-proxy tests that look at single chains (TestDropInvalidRule,
 * TestMasqueradeRule, TestLoadBalancerIngressRouteTypeProxy, TestSyncProxyRulesLargeClusterMode)
 * and the names, probabilities and marks the rules are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeProbability,
  endpointChain,
  generateRestoreInput,
  hash16,
  masqueradeMark,
  serviceChains,
} from '../../../../src/engine/kubeproxy';
import { parseDump } from '../../../../src/engine/kubeproxy/iptables/dump';
import { exactFixed, formatFixed } from '../../../../src/engine/kubeproxy/probability';
import type { IptablesOptions } from '../../../../src/engine/kubeproxy';
import type { Cluster } from '../../../../src/engine/model/types';
import {
  FAKE_PROXIER_OPTIONS,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from './helpers/fakeProxier';

function chain(
  cluster: Cluster,
  table: string,
  name: string,
  options: IptablesOptions = FAKE_PROXIER_OPTIONS,
): string[] {
  const dump = parseDump(generateRestoreInput(cluster, TEST_NODE_NAME, options));
  return dump.tables.find((t) => t.name === table)?.chains.find((c) => c.name === name)?.rules ?? [];
}

const FORWARD_TAIL = [
  '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
  '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
];

describe('TestDropInvalidRule', () => {
  const empty = fakeCluster([], []);
  it('no nfacct, strict TCP: plain DROP', () => {
    expect(chain(empty, 'filter', 'KUBE-FORWARD', { ...FAKE_PROXIER_OPTIONS, nfacct: false })).toEqual([
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
      ...FORWARD_TAIL,
    ]);
  });
  it('nfacct counter ensured: counted DROP', () => {
    expect(chain(empty, 'filter', 'KUBE-FORWARD')).toEqual([
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP',
      ...FORWARD_TAIL,
    ]);
  });
  it('nf_conntrack_tcp_be_liberal: no DROP rule', () => {
    expect(
      chain(empty, 'filter', 'KUBE-FORWARD', { ...FAKE_PROXIER_OPTIONS, nfacct: false, conntrackTCPLiberal: true }),
    ).toEqual(FORWARD_TAIL);
  });
});

describe('TestMasqueradeRule', () => {
  for (const randomFully of [false, true]) {
    it(`randomFully ${randomFully}`, () => {
      expect(chain(fakeCluster([], []), 'nat', 'KUBE-POSTROUTING', { ...FAKE_PROXIER_OPTIONS, randomFully })).toEqual([
        '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
        '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
        `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${randomFully ? ' --random-fully' : ''}`,
      ]);
    });
  }
  it('the mark follows masqueradeBit', () => {
    expect(masqueradeMark(14)).toBe('0x4000');
    expect(masqueradeMark(0)).toBe('0x1');
    expect(masqueradeMark(31)).toBe('0x80000000');
    expect(chain(fakeCluster([], [], { masqueradeBit: 5 }), 'nat', 'KUBE-MARK-MASQ')).toEqual([
      '-A KUBE-MARK-MASQ -j MARK --or-mark 0x20',
    ]);
  });
});

describe('TestLoadBalancerIngressRouteTypeProxy', () => {
  for (const [mode, expected] of [
    ['Proxy', false],
    ['VIP', true],
  ] as const) {
    it(`ipMode ${mode}`, () => {
      const cluster = fakeCluster(
        [
          makeTestService('ns1', 'svc1', {
            type: 'LoadBalancer',
            clusterIP: '10.20.30.41',
            ports: [port('p80', 80, { nodePort: 3001 })],
            loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: mode }],
          }),
        ],
        [makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1')], [{ name: 'p80', port: 80 }])],
      );
      expect(chain(cluster, 'nat', 'KUBE-SERVICES').some((r) => r.includes('-d 1.2.3.4 '))).toBe(expected);
    });
  }
});

describe('TestSyncProxyRulesLargeClusterMode', () => {
  const endpoints = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ep(`${prefix}.${i % 256}.${Math.floor(i / 256)}`));
  const services = [
    makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [port('p80', 80)] }),
    makeTestService('ns2', 'svc2', { clusterIP: '172.30.0.42', ports: [port('p8080', 8080)] }),
    makeTestService('ns3', 'svc3', { clusterIP: '172.30.0.43', ports: [port('p8081', 8081)] }),
  ];
  const base = [
    makeTestEndpointSlice('ns1', 'svc1', 1, endpoints('10.0', 499), [{ name: 'p80', port: 80 }]),
    makeTestEndpointSlice('ns2', 'svc2', 1, endpoints('10.1', 499), [{ name: 'p8080', port: 8080 }]),
  ];
  const dnat = (text: string) => text.split('\n').filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes('-j DNAT'));
  it('keeps comments at 998 endpoints', () => {
    const lines = dnat(
      generateRestoreInput(fakeCluster(services, base, { masqueradeAll: true }), TEST_NODE_NAME, FAKE_PROXIER_OPTIONS),
    );
    expect(lines).toHaveLength(998);
    expect(lines).toContain(
      '-A KUBE-SEP-DKGQUZGBKLTPAR56 -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80',
    );
    expect(lines.every((l) => l.includes('--comment'))).toBe(true);
  });
  it('drops endpoint comments above 1000 endpoints', () => {
    const slices = [
      ...base,
      makeTestEndpointSlice(
        'ns3',
        'svc3',
        1,
        [ep('203.0.113.4'), ep('203.0.113.8'), ep('203.0.113.12')],
        [{ name: 'p8081', port: 8081 }],
      ),
    ];
    const text = generateRestoreInput(
      fakeCluster(services, slices, { masqueradeAll: true }),
      TEST_NODE_NAME,
      FAKE_PROXIER_OPTIONS,
    );
    const lines = dnat(text);
    expect(lines).toHaveLength(1001);
    expect(lines).toContain('-A KUBE-SEP-DKGQUZGBKLTPAR56 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80');
    expect(lines).toContain('-A KUBE-SEP-RUVVH7YV3PHQBDOS -m tcp -p tcp -j DNAT --to-destination 203.0.113.4:8081');
    expect(lines.some((l) => l.includes('--comment'))).toBe(false);
    // KUBE-SERVICES keeps its comments: only SEP chains and SVC→SEP jumps lose them.
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "ns3/svc3:p8081 cluster IP"');
  });
});

describe('chain names (portProtoHash / servicePortEndpointChainName)', () => {
  it.each([
    ['ns1/svc1:p80tcp', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80tcp', 'GNZBNJ2PO5MGZ6GT'],
    ['ns1/svc1tcp', 'AQI2S6QIMU7PVVRP'],
    ['ns1/svc1:p80udp', 'OJWW7NSBVZTDHXNW'],
    ['ns1/svc1:p80tcp10.180.0.1:80', 'SXIVWICOYRO3J4NJ'],
    ['ns5/svc5:p80tcp10.180.0.3:80', 'I77PXRDZVX7PMWMN'],
    ['ns1/svc1:p80tcp[fd00:10:180::1]:80', 'OGYCNMB4EMRUSJ6N'],
  ])('%s → %s', (input, hash) => {
    expect(hash16(input)).toBe(hash);
  });
  it('prefixes share one hash', () => {
    expect(serviceChains('ns5/svc5:p80', 'tcp')).toEqual({
      cluster: 'KUBE-SVC-NUKIZ6OKUXPJNT4C',
      local: 'KUBE-SVL-NUKIZ6OKUXPJNT4C',
      external: 'KUBE-EXT-NUKIZ6OKUXPJNT4C',
      firewall: 'KUBE-FW-NUKIZ6OKUXPJNT4C',
    });
    expect(endpointChain('ns3/svc3:p80', 'tcp', '10.0.3.2:80')).toBe('KUBE-SEP-DKCFIS26GWF2WLWC');
  });
});

describe('computeProbability (TestComputeProbability)', () => {
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [10, '0.1000000000'],
    [100, '0.0100000000'],
    [1000, '0.0010000000'],
    [10000, '0.0001000000'],
    [100000, '0.0000100000'],
    [100001, '0.0000099999'],
    [3, '0.3333333333'],
    // An exact tie in binary: Go rounds half to even (JavaScript's toFixed would give …813).
    [2048, '0.0004882812'],
  ])('1/%i → %s', (n, text) => {
    expect(computeProbability(n)).toBe(text);
  });
  it('strictly increases as n falls from 100000 to 2', () => {
    const notIncreasing: number[] = [];
    let previous = 0;
    for (let n = 100000; n > 1; n--) {
      const current = Number(computeProbability(n));
      if (!(current > previous)) notIncreasing.push(n);
      previous = current;
    }
    expect(notIncreasing).toEqual([]);
  });

  it('rounds exact ties to even, like Go', () => {
    for (const [x, d, text] of [
      [1 / 2048, 10, '0.0004882812'],
      [3 / 2048, 10, '0.0014648438'],
      [0.125, 2, '0.12'],
      [0.375, 2, '0.38'],
      [2.5, 0, '2'],
      [1 / 3, 11, '0.33333333333'],
    ] as const) {
      expect(formatFixed(x, d)).toBe(text);
    }
  });

  it('property: the toFixed fast path agrees with the exact BigInt expansion', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 15 }), (x, d) => {
        expect(formatFixed(x, d)).toBe(exactFixed(x, d));
      }),
      { numRuns: 2000 },
    );
  });
});
