/**
 * kube-proxy's traffic-policy packet-flow tests: TestInternalTrafficPolicy,
 * TestTerminatingEndpointsTrafficPolicyLocal/Cluster, TestInternalExternalMasquerade.
 */
import { describe } from 'vitest';
import type { EndpointSlice, Service } from '../../../../src/engine/model/types';
import { runPacketFlowTests } from './helpers/flows';
import type { PacketFlowTest } from './helpers/tracer';
import {
  TEST_EXTERNAL_CLIENT,
  TEST_NODE_IP,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from './helpers/fakeProxier';

const unnamed80 = [{ name: '', port: 80 }];
const ready = { ready: true };

describe('TestInternalTrafficPolicy', () => {
  const cases: { name: string; itp: 'Cluster' | 'Local'; nodes: string[]; output: string }[] = [
    {
      name: 'internalTrafficPolicy is cluster',
      itp: 'Cluster',
      nodes: [TEST_NODE_NAME, 'node1', 'node2'],
      output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80',
    },
    {
      name: 'local, one local endpoint',
      itp: 'Local',
      nodes: [TEST_NODE_NAME, 'node1', 'node2'],
      output: '10.0.1.1:80',
    },
    {
      name: 'local, multiple local endpoints',
      itp: 'Local',
      nodes: [TEST_NODE_NAME, TEST_NODE_NAME, 'node2'],
      output: '10.0.1.1:80, 10.0.1.2:80',
    },
    { name: 'local, no local endpoints', itp: 'Local', nodes: ['node0', 'node1', 'node2'], output: 'DROP' },
  ];
  for (const c of cases) {
    describe(c.name, () => {
      const svc = makeTestService('ns1', 'svc1', {
        clusterIP: '172.30.1.1',
        selector: { foo: 'bar' },
        ports: [port('', 80)],
        internalTrafficPolicy: c.itp,
      });
      const endpoints = c.nodes.map((node, i) => ep(`10.0.1.${i + 1}`, node, ready));
      runPacketFlowTests(fakeCluster([svc], [makeTestEndpointSlice('ns1', 'svc1', 1, endpoints, unnamed80)]), [
        { name: 'pod to ClusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: c.output },
      ]);
      runPacketFlowTests(fakeCluster([svc], []), [
        { name: 'endpoints deleted', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: 'REJECT' },
      ]);
    });
  }
});

function terminatingService(policy: 'Local' | 'Cluster'): Service {
  return makeTestService('ns1', 'svc1', {
    clusterIP: '172.30.1.1',
    type: 'LoadBalancer',
    externalTrafficPolicy: policy,
    ports: [port('', 80)],
    healthCheckNodePort: 30000,
    loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
  });
}

const cond = (r: boolean, s: boolean, t: boolean) => ({ ready: r, serving: s, terminating: t });

function terminatingCases(
  policy: 'Local' | 'Cluster',
  cases: { name: string; slice: EndpointSlice; flows: PacketFlowTest[] }[],
): void {
  for (const c of cases) {
    describe(c.name, () => {
      runPacketFlowTests(fakeCluster([terminatingService(policy)], [c.slice]), c.flows);
      runPacketFlowTests(fakeCluster([terminatingService(policy)], []), [
        {
          name: 'pod to clusterIP after endpoints deleted',
          sourceIP: '10.0.0.2',
          destIP: '172.30.1.1',
          destPort: 80,
          output: 'REJECT',
        },
        {
          name: 'external to LB after endpoints deleted',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: 'REJECT',
        },
      ]);
    });
  }
}

const slice = (endpoints: ReturnType<typeof ep>[]) => makeTestEndpointSlice('ns1', 'svc1', 1, endpoints, unnamed80);

describe('TestTerminatingEndpointsTrafficPolicyLocal', () => {
  terminatingCases('Local', [
    {
      name: 'ready endpoints exist',
      slice: slice([
        ep('10.0.1.1', TEST_NODE_NAME, cond(true, true, false)),
        ep('10.0.1.2', TEST_NODE_NAME, cond(true, true, false)),
        ep('10.0.1.3', TEST_NODE_NAME, cond(false, true, true)),
        ep('10.0.1.4', TEST_NODE_NAME, cond(false, false, true)),
        ep('10.0.1.5', 'node-1', cond(true, true, false)),
      ]),
      flows: [
        {
          name: 'pod to clusterIP',
          sourceIP: '10.0.0.2',
          destIP: '172.30.1.1',
          destPort: 80,
          output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
        },
        {
          name: 'external to LB',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: '10.0.1.1:80, 10.0.1.2:80',
        },
      ],
    },
    {
      name: 'only terminating endpoints exist',
      slice: slice([
        ep('10.0.1.2', TEST_NODE_NAME, cond(false, true, true)),
        ep('10.0.1.3', TEST_NODE_NAME, cond(false, true, true)),
        ep('10.0.1.4', TEST_NODE_NAME, cond(false, false, true)),
        ep('10.0.1.5', 'node-1', cond(true, true, false)),
      ]),
      flows: [
        { name: 'pod to clusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: '10.0.1.5:80' },
        {
          name: 'external to LB',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: '10.0.1.2:80, 10.0.1.3:80',
        },
      ],
    },
    {
      name: 'terminating endpoints on remote node',
      slice: slice([ep('10.0.1.5', 'node-1', cond(false, true, true))]),
      flows: [
        { name: 'pod to clusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: '10.0.1.5:80' },
        {
          name: 'external to LB, no locally-usable endpoints',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: 'DROP',
        },
      ],
    },
    {
      name: 'no usable endpoints on any node',
      slice: slice([
        ep('10.0.1.5', TEST_NODE_NAME, cond(false, false, true)),
        ep('10.0.1.5', 'node-1', cond(false, false, true)),
      ]),
      flows: [
        {
          name: 'pod to clusterIP, no usable endpoints',
          sourceIP: '10.0.0.2',
          destIP: '172.30.1.1',
          destPort: 80,
          output: 'REJECT',
        },
        {
          name: 'external to LB, no usable endpoints',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: 'REJECT',
        },
      ],
    },
  ]);
});

describe('TestTerminatingEndpointsTrafficPolicyCluster', () => {
  terminatingCases('Cluster', [
    {
      name: 'ready endpoints exist',
      slice: slice([
        ep('10.0.1.1', TEST_NODE_NAME, cond(true, true, false)),
        ep('10.0.1.2', TEST_NODE_NAME, cond(true, true, false)),
        ep('10.0.1.3', 'another-node', cond(false, true, true)),
        ep('10.0.1.4', 'another-node', cond(false, false, true)),
        ep('10.0.1.5', 'another-node', cond(true, true, false)),
      ]),
      flows: [
        {
          name: 'pod to clusterIP',
          sourceIP: '10.0.0.2',
          destIP: '172.30.1.1',
          destPort: 80,
          output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
        },
        {
          name: 'external to LB',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
          masq: true,
        },
      ],
    },
    {
      name: 'only terminating endpoints exist',
      slice: slice([
        ep('10.0.1.2', TEST_NODE_NAME, cond(false, true, true)),
        ep('10.0.1.3', TEST_NODE_NAME, cond(false, true, true)),
        ep('10.0.1.4', 'another-node', cond(false, false, true)),
        ep('10.0.1.5', 'another-node', cond(false, true, true)),
      ]),
      flows: [
        {
          name: 'pod to clusterIP',
          sourceIP: '10.0.0.2',
          destIP: '172.30.1.1',
          destPort: 80,
          output: '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
        },
        {
          name: 'external to LB',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
          masq: true,
        },
      ],
    },
    {
      name: 'terminating endpoints on remote node',
      slice: slice([ep('10.0.1.5', 'node-1', cond(false, true, true))]),
      flows: [
        { name: 'pod to clusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: '10.0.1.5:80' },
        {
          name: 'external to LB',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: '1.2.3.4',
          destPort: 80,
          output: '10.0.1.5:80',
          masq: true,
        },
      ],
    },
    {
      name: 'no usable endpoints on any node',
      slice: slice([
        ep('10.0.1.5', TEST_NODE_NAME, cond(false, false, true)),
        ep('10.0.1.5', 'node-1', cond(false, false, true)),
      ]),
      flows: [
        { name: 'pod to clusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: 'REJECT' },
        { name: 'external to LB', sourceIP: TEST_EXTERNAL_CLIENT, destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
      ],
    },
  ]);
});

describe('TestInternalExternalMasquerade', () => {
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
  const base: PacketFlowTest[] = [
    { name: 'pod to ClusterIP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: all1, masq: false },
    { name: 'pod to NodePort', sourceIP: '10.0.0.2', destIP: TEST_NODE_IP, destPort: 3001, output: all1, masq: true },
    { name: 'pod to LB', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: all1, masq: true },
    {
      name: 'node to ClusterIP',
      sourceIP: TEST_NODE_IP,
      destIP: '172.30.0.41',
      destPort: 80,
      output: all1,
      masq: true,
    },
    {
      name: 'node to NodePort',
      sourceIP: TEST_NODE_IP,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: all1,
      masq: true,
    },
    {
      name: 'localhost to NodePort',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3001,
      output: all1,
      masq: true,
    },
    { name: 'node to LB', sourceIP: TEST_NODE_IP, destIP: '1.2.3.4', destPort: 80, output: all1, masq: true },
    {
      name: 'external to ClusterIP',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '172.30.0.41',
      destPort: 80,
      output: all1,
      masq: true,
    },
    {
      name: 'external to NodePort',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: all1,
      masq: true,
    },
    {
      name: 'external to LB',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '1.2.3.4',
      destPort: 80,
      output: all1,
      masq: true,
    },
    {
      name: 'pod to ClusterIP with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.42',
      destPort: 80,
      output: all2,
      masq: false,
    },
    {
      name: 'pod to NodePort with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: TEST_NODE_IP,
      destPort: 3002,
      output: all2,
      masq: false,
    },
    {
      name: 'pod to LB with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '5.6.7.8',
      destPort: 80,
      output: all2,
      masq: false,
    },
    {
      name: 'node to ClusterIP with eTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: '172.30.0.42',
      destPort: 80,
      output: all2,
      masq: true,
    },
    // (The Go test really uses svc1's node port here.)
    {
      name: 'node to NodePort with eTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: all1,
      masq: true,
    },
    {
      name: 'localhost to NodePort with eTP:Local',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3002,
      output: all2,
      masq: true,
    },
    {
      name: 'node to LB with eTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: '5.6.7.8',
      destPort: 80,
      output: all2,
      masq: true,
    },
    {
      name: 'external to ClusterIP with eTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '172.30.0.42',
      destPort: 80,
      output: all2,
      masq: true,
    },
    {
      name: 'external to NodePort with eTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: TEST_NODE_IP,
      destPort: 3002,
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'external to LB with eTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '5.6.7.8',
      destPort: 80,
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'pod to ClusterIP with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: false,
    },
    {
      name: 'pod to NodePort with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: TEST_NODE_IP,
      destPort: 3003,
      output: all3,
      masq: true,
    },
    {
      name: 'pod to LB with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '9.10.11.12',
      destPort: 80,
      output: all3,
      masq: true,
    },
    {
      name: 'node to ClusterIP with iTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'node to NodePort with iTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: TEST_NODE_IP,
      destPort: 3003,
      output: all3,
      masq: true,
    },
    {
      name: 'localhost to NodePort with iTP:Local',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3003,
      output: all3,
      masq: true,
    },
    {
      name: 'node to LB with iTP:Local',
      sourceIP: TEST_NODE_IP,
      destIP: '9.10.11.12',
      destPort: 80,
      output: all3,
      masq: true,
    },
    {
      name: 'external to ClusterIP with iTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'external to NodePort with iTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: TEST_NODE_IP,
      destPort: 3003,
      output: all3,
      masq: true,
    },
    {
      name: 'external to LB with iTP:Local',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '9.10.11.12',
      destPort: 80,
      output: all3,
      masq: true,
    },
  ];
  const override = (overrides: Record<string, Partial<PacketFlowTest>>): PacketFlowTest[] =>
    base.map((flow) => ({ ...flow, ...(overrides[flow.name] ?? {}) }));
  const noDetector: Record<string, Partial<PacketFlowTest>> = {
    'node to ClusterIP': { masq: false },
    'node to ClusterIP with eTP:Local': { masq: false },
    'node to ClusterIP with iTP:Local': { masq: false },
    'external to ClusterIP': { masq: false },
    'external to ClusterIP with eTP:Local': { masq: false },
    'external to ClusterIP with iTP:Local': { masq: false },
    'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
    'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
  };
  const masqAll: Record<string, Partial<PacketFlowTest>> = {
    'pod to ClusterIP': { masq: true },
    'pod to ClusterIP with eTP:Local': { masq: true },
    'pod to ClusterIP with iTP:Local': { masq: true },
  };
  describe('base', () => runPacketFlowTests(fakeCluster(services, slices), base));
  describe('no LocalTrafficDetector', () =>
    runPacketFlowTests(fakeCluster(services, slices, { detectLocalMode: 'None' }), override(noDetector)));
  describe('masqueradeAll', () =>
    runPacketFlowTests(fakeCluster(services, slices, { masqueradeAll: true }), override(masqAll)));
  describe('masqueradeAll, no LocalTrafficDetector', () =>
    runPacketFlowTests(
      fakeCluster(services, slices, { masqueradeAll: true, detectLocalMode: 'None' }),
      override({
        ...masqAll,
        'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
        'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
      }),
    ));
});
