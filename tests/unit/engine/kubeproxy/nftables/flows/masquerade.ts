/**
 * kube-proxy's nftables TestInternalExternalMasquerade (pkg/proxy/nftables/proxier_test.go at
 * 81810de6): one set of flows over three LoadBalancer services (plain, eTP:Local, iTP:Local),
 * run under four settings with kube-proxy's per-setting overrides. Unlike the iptables
 * version it has no "localhost to NodePort" flows: nftables mode serves no localhost NodePorts.
 */
import {
  TEST_EXTERNAL_CLIENT,
  TEST_NODE_IP,
  TEST_NODE_NAME,
  ep,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from '../../helpers/fakeProxier';
import { nftFakeCluster, type NftFlowSuite, type NftPacketFlowTest } from '../../helpers/nftFlows';
import type { ProxyConfig } from '../../../../../../src/engine/model/types';

const services = [
  makeTestService('ns1', 'svc1', {
    type: 'LoadBalancer',
    clusterIP: '172.30.0.41',
    ports: [port('p80', 80, { nodePort: 3001 })],
    healthCheckNodePort: 30001,
    loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
  }),
  makeTestService('ns2', 'svc2', {
    type: 'LoadBalancer',
    clusterIP: '172.30.0.42',
    ports: [port('p80', 80, { nodePort: 3002 })],
    healthCheckNodePort: 30002,
    externalTrafficPolicy: 'Local',
    loadBalancerIngress: [{ ip: '5.6.7.8', ipMode: 'VIP' }],
  }),
  makeTestService('ns3', 'svc3', {
    type: 'LoadBalancer',
    clusterIP: '172.30.0.43',
    ports: [port('p80', 80, { nodePort: 3003 })],
    healthCheckNodePort: 30003,
    internalTrafficPolicy: 'Local',
    loadBalancerIngress: [{ ip: '9.10.11.12', ipMode: 'VIP' }],
  }),
];
const slices = [1, 2, 3].map((n) =>
  makeTestEndpointSlice(
    `ns${n}`,
    `svc${n}`,
    1,
    [ep(`10.180.0.${n}`, TEST_NODE_NAME), ep(`10.180.1.${n}`, 'remote')],
    [{ name: 'p80', port: 80 }],
  ),
);

const all1 = '10.180.0.1:80, 10.180.1.1:80';
const all2 = '10.180.0.2:80, 10.180.1.2:80';
const all3 = '10.180.0.3:80, 10.180.1.3:80';
const pod = '10.0.0.2';
const node = TEST_NODE_IP;
const ext = TEST_EXTERNAL_CLIENT;

// [name, source, destination, port, output, masq], in kube-proxy's order and words.
const rows: [string, string, string, number, string, boolean][] = [
  ['pod to ClusterIP', pod, '172.30.0.41', 80, all1, false],
  ['pod to NodePort', pod, node, 3001, all1, true],
  ['pod to LB', pod, '1.2.3.4', 80, all1, true],
  ['node to ClusterIP', node, '172.30.0.41', 80, all1, true],
  ['node to NodePort', node, node, 3001, all1, true],
  ['node to LB', node, '1.2.3.4', 80, all1, true],
  ['external to ClusterIP', ext, '172.30.0.41', 80, all1, true],
  ['external to NodePort', ext, node, 3001, all1, true],
  ['external to LB', ext, '1.2.3.4', 80, all1, true],
  ['pod to ClusterIP with eTP:Local', pod, '172.30.0.42', 80, all2, false],
  ['pod to NodePort with eTP:Local', pod, node, 3002, all2, false],
  ['pod to LB with eTP:Local', pod, '5.6.7.8', 80, all2, false],
  ['node to ClusterIP with eTP:Local', node, '172.30.0.42', 80, all2, true],
  // (The Go test really uses svc1's node port here.)
  ['node to NodePort with eTP:Local', node, node, 3001, all1, true],
  ['node to LB with eTP:Local', node, '5.6.7.8', 80, all2, true],
  ['external to ClusterIP with eTP:Local', ext, '172.30.0.42', 80, all2, true],
  ['external to NodePort with eTP:Local', ext, node, 3002, '10.180.0.2:80', false],
  ['external to LB with eTP:Local', ext, '5.6.7.8', 80, '10.180.0.2:80', false],
  ['pod to ClusterIP with iTP:Local', pod, '172.30.0.43', 80, '10.180.0.3:80', false],
  ['pod to NodePort with iTP:Local', pod, node, 3003, all3, true],
  ['pod to LB with iTP:Local', pod, '9.10.11.12', 80, all3, true],
  ['node to ClusterIP with iTP:Local', node, '172.30.0.43', 80, '10.180.0.3:80', true],
  ['node to NodePort with iTP:Local', node, node, 3003, all3, true],
  ['node to LB with iTP:Local', node, '9.10.11.12', 80, all3, true],
  ['external to ClusterIP with iTP:Local', ext, '172.30.0.43', 80, '10.180.0.3:80', true],
  ['external to NodePort with iTP:Local', ext, node, 3003, all3, true],
  ['external to LB with iTP:Local', ext, '9.10.11.12', 80, all3, true],
];
const base: NftPacketFlowTest[] = rows.map(([name, sourceIP, destIP, destPort, output, masq]) => ({
  name,
  sourceIP,
  destIP,
  destPort,
  output,
  masq,
}));

type Overrides = Record<string, Partial<NftPacketFlowTest>>;
const noDetector: Overrides = {
  'node to ClusterIP': { masq: false },
  'node to ClusterIP with eTP:Local': { masq: false },
  'node to ClusterIP with iTP:Local': { masq: false },
  'external to ClusterIP': { masq: false },
  'external to ClusterIP with eTP:Local': { masq: false },
  'external to ClusterIP with iTP:Local': { masq: false },
  'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
  'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
};
const masqAll: Overrides = {
  'pod to ClusterIP': { masq: true },
  'pod to ClusterIP with eTP:Local': { masq: true },
  'pod to ClusterIP with iTP:Local': { masq: true },
};

function setting(name: string, proxy: Partial<ProxyConfig>, overrides: Overrides): NftFlowSuite {
  const unknown = Object.keys(overrides).filter((n) => !base.some((f) => f.name === n));
  if (unknown.length > 0) throw new Error(`overrides match no flow: ${unknown.join(', ')}`);
  return {
    path: ['TestInternalExternalMasquerade', name],
    cluster: nftFakeCluster(services, slices, proxy),
    flows: base.map((flow) => ({ ...flow, ...(overrides[flow.name] ?? {}) })),
  };
}

/** The four settings kube-proxy runs the flows under, with its overrides. */
export const MASQUERADE_SUITES: readonly NftFlowSuite[] = [
  setting('base', {}, {}),
  setting('no LocalTrafficDetector', { detectLocalMode: 'None' }, noDetector),
  setting('masqueradeAll', { masqueradeAll: true }, masqAll),
  setting(
    'masqueradeAll, no LocalTrafficDetector',
    { masqueradeAll: true, detectLocalMode: 'None' },
    {
      ...masqAll,
      'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
      'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
    },
  ),
];
