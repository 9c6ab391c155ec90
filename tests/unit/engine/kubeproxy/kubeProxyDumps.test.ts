/**
 * Our generator against the literal expected dumps of kube-proxy's unit tests: same inputs
 * (built as Cluster objects), same canonical sort, byte-for-byte comparison.
 */
import { describe, expect, it } from 'vitest';
import { generateRestoreInput } from '../../../../src/engine/kubeproxy';
import { sortIPTablesRules } from './helpers/sortRules';
import { expectedDump, withoutDeletedChains } from './helpers/expected';
import {
  FAKE_PROXIER_OPTIONS,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from './helpers/fakeProxier';

const p80 = [{ name: 'p80', port: 80 }];

describe("kube-proxy's expected dumps", () => {
  it('TestOverallIPTablesRules', () => {
    const cluster = fakeCluster(
      [
        makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [port('p80', 80)] }),
        makeTestService('ns2', 'svc2', {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          clusterIP: '172.30.0.42',
          ports: [port('p80', 80, { nodePort: 3001 })],
          loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
          externalIPs: ['192.168.99.22'],
          healthCheckNodePort: 30000,
        }),
        makeTestService('ns3', 'svc3', {
          type: 'NodePort',
          clusterIP: '172.30.0.43',
          ports: [port('p80', 80, { nodePort: 3003 })],
        }),
        makeTestService('ns4', 'svc4', {
          type: 'NodePort',
          clusterIP: '172.30.0.44',
          externalIPs: ['192.168.99.33'],
          ports: [port('p80', 80, { targetPort: 80 })],
        }),
        makeTestService('ns5', 'svc5', {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Cluster',
          clusterIP: '172.30.0.45',
          ports: [port('p80', 80, { nodePort: 3002 })],
          loadBalancerIngress: [{ ip: '5.6.7.8', ipMode: 'VIP' }],
          healthCheckNodePort: 30000,
          // Extra whitespace, as in the Go test: kube-proxy trims it.
          loadBalancerSourceRanges: [' 203.0.113.0/25'],
          sessionAffinity: 'ClientIP',
          sessionAffinityTimeoutSeconds: 10800,
        }),
        makeTestService('ns6', 'svc6', { clusterIP: '172.30.0.46', ports: [port('p80', 80, { targetPort: 80 })] }),
      ],
      [
        makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1')], p80),
        // No nodeName: never local, so svc2 (eTP Local) has no local endpoints.
        makeTestEndpointSlice('ns2', 'svc2', 1, [ep('10.180.0.2')], p80),
        makeTestEndpointSlice('ns3', 'svc3', 1, [ep('10.180.0.3')], p80),
        makeTestEndpointSlice('ns4', 'svc4', 1, [ep('10.180.0.4'), ep('10.180.0.5', TEST_NODE_NAME)], p80),
        makeTestEndpointSlice('ns5', 'svc5', 1, [ep('10.180.0.3')], p80),
      ],
    );
    const actual = sortIPTablesRules(generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS));
    expect(actual).toBe(expectedDump('TestOverallIPTablesRules'));
  });

  it('TestBadIPs: sloppy addresses are normalised', () => {
    const cluster = fakeCluster(
      [
        makeTestService('ns1', 'svc1', {
          type: 'LoadBalancer',
          clusterIP: '172.30.0.041',
          ports: [port('p80', 80, { nodePort: 3001 })],
          loadBalancerIngress: [{ ip: '1.2.3.004', ipMode: 'VIP' }],
          externalIPs: ['192.168.099.022'],
          loadBalancerSourceRanges: ['203.0.113.000/025'],
        }),
      ],
      [makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.00.001')], p80)],
    );
    const actual = sortIPTablesRules(generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS));
    expect(actual).toBe(expectedDump('TestBadIPs'));
  });

  it('TestSyncProxyRulesRepeated: the first (full) sync', () => {
    const cluster = fakeCluster(
      [
        makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [port('p80', 80)] }),
        makeTestService('ns2', 'svc2', { clusterIP: '172.30.0.42', ports: [port('p8080', 8080)] }),
      ],
      [
        makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.0.1.1')], p80),
        makeTestEndpointSlice('ns2', 'svc2', 1, [ep('10.0.2.1')], [{ name: 'p8080', port: 8080 }]),
      ],
    );
    const actual = sortIPTablesRules(generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS));
    expect(actual).toBe(expectedDump('TestSyncProxyRulesRepeated-first-sync'));
  });

  it('TestSyncProxyRulesRepeated: the last full sync (svc1, svc3 with two endpoints)', () => {
    const cluster = fakeCluster(
      [
        makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [port('p80', 80)] }),
        makeTestService('ns3', 'svc3', { clusterIP: '172.30.0.43', ports: [port('p80', 80)] }),
      ],
      [
        makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.0.1.1')], p80),
        makeTestEndpointSlice('ns3', 'svc3', 1, [ep('10.0.3.2'), ep('10.0.3.3')], p80),
      ],
    );
    const actual = sortIPTablesRules(generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS));
    expect(actual).toBe(withoutDeletedChains(expectedDump('TestSyncProxyRulesRepeated-last-full-sync')));
  });
});
