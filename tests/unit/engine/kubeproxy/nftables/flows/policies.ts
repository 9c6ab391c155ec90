/**
 * kube-proxy's nftables TestInternalTrafficPolicy and
 * TestTerminatingEndpointsTrafficPolicyLocal / TestTerminatingEndpointsTrafficPolicyCluster
 * (pkg/proxy/nftables/proxier_test.go at 81810de6): inputs and expected outputs verbatim.
 * Each t.Run replays its flows, then deletes the slice and replays the "deleted" flows.
 */
import type { Endpoint, EndpointSlice, Service } from '../../../../../../src/engine/model/types';
import {
  TEST_EXTERNAL_CLIENT,
  TEST_NODE_NAME,
  ep,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from '../../helpers/fakeProxier';
import { nftFakeCluster, type NftFlowSuite, type NftPacketFlowTest } from '../../helpers/nftFlows';

const unnamed80 = [{ name: '', port: 80 }];
const slice = (endpoints: Endpoint[]): EndpointSlice => makeTestEndpointSlice('ns1', 'svc1', 1, endpoints, unnamed80);
const toClusterIP = (name: string, output: string): NftPacketFlowTest => ({
  name,
  sourceIP: '10.0.0.2',
  destIP: '172.30.1.1',
  destPort: 80,
  output,
});
const toLB = (name: string, output: string, masq = false): NftPacketFlowTest => ({
  name,
  sourceIP: TEST_EXTERNAL_CLIENT,
  destIP: '1.2.3.4',
  destPort: 80,
  output,
  masq,
});

function internalTrafficPolicy(name: string, nodes: string[], flow: NftPacketFlowTest): NftFlowSuite[] {
  const svc = makeTestService('ns1', 'svc1', {
    clusterIP: '172.30.1.1',
    selector: { foo: 'bar' },
    ports: [port('', 80)],
    internalTrafficPolicy: name === 'internalTrafficPolicy is cluster' ? 'Cluster' : 'Local',
  });
  const endpoints = nodes.map((node, i) => ep(`10.0.1.${i + 1}`, node, { ready: true }));
  return [
    { path: ['TestInternalTrafficPolicy', name], cluster: nftFakeCluster([svc], [slice(endpoints)]), flows: [flow] },
    {
      path: ['TestInternalTrafficPolicy', name, 'after delete'],
      cluster: nftFakeCluster([svc], []),
      flows: [toClusterIP('endpoints deleted', 'REJECT')],
    },
  ];
}

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

const cond = (ready: boolean, serving: boolean, terminating: boolean) => ({ ready, serving, terminating });

function terminating(
  policy: 'Local' | 'Cluster',
  name: string,
  endpoints: Endpoint[],
  flows: NftPacketFlowTest[],
): NftFlowSuite[] {
  const fn = `TestTerminatingEndpointsTrafficPolicy${policy}`;
  return [
    { path: [fn, name], cluster: nftFakeCluster([terminatingService(policy)], [slice(endpoints)]), flows },
    {
      path: [fn, name, 'after delete'],
      cluster: nftFakeCluster([terminatingService(policy)], []),
      flows: [
        toClusterIP('pod to clusterIP after endpoints deleted', 'REJECT'),
        toLB('external to LB after endpoints deleted', 'REJECT'),
      ],
    },
  ];
}

const node = TEST_NODE_NAME;

/** The suites of this file, in kube-proxy's order. */
export const POLICY_SUITES: readonly NftFlowSuite[] = [
  ...internalTrafficPolicy(
    'internalTrafficPolicy is cluster',
    [node, 'node1', 'node2'],
    toClusterIP('pod to ClusterIP hits all endpoints', '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80'),
  ),
  ...internalTrafficPolicy(
    'internalTrafficPolicy is local and there is one local endpoint',
    [node, 'node1', 'node2'],
    toClusterIP('pod to ClusterIP hits only local endpoint', '10.0.1.1:80'),
  ),
  ...internalTrafficPolicy(
    'internalTrafficPolicy is local and there are multiple local endpoints',
    [node, node, 'node2'],
    toClusterIP('pod to ClusterIP hits all local endpoints', '10.0.1.1:80, 10.0.1.2:80'),
  ),
  ...internalTrafficPolicy(
    'internalTrafficPolicy is local and there are no local endpoints',
    ['node0', 'node1', 'node2'],
    toClusterIP('no endpoints', 'DROP'),
  ),
  ...terminating(
    'Local',
    'ready endpoints exist',
    [
      ep('10.0.1.1', node, cond(true, true, false)),
      ep('10.0.1.2', node, cond(true, true, false)),
      ep('10.0.1.3', node, cond(false, true, true)),
      ep('10.0.1.4', node, cond(false, false, true)),
      ep('10.0.1.5', 'node-1', cond(true, true, false)),
    ],
    [
      toClusterIP('pod to clusterIP', '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80'),
      toLB('external to LB', '10.0.1.1:80, 10.0.1.2:80'),
    ],
  ),
  ...terminating(
    'Local',
    'only terminating endpoints exist',
    [
      ep('10.0.1.2', node, cond(false, true, true)),
      ep('10.0.1.3', node, cond(false, true, true)),
      ep('10.0.1.4', node, cond(false, false, true)),
      ep('10.0.1.5', 'node-1', cond(true, true, false)),
    ],
    [toClusterIP('pod to clusterIP', '10.0.1.5:80'), toLB('external to LB', '10.0.1.2:80, 10.0.1.3:80')],
  ),
  ...terminating(
    'Local',
    'terminating endpoints on remote node',
    [ep('10.0.1.5', 'node-1', cond(false, true, true))],
    [toClusterIP('pod to clusterIP', '10.0.1.5:80'), toLB('external to LB, no locally-usable endpoints', 'DROP')],
  ),
  ...terminating(
    'Local',
    'no usable endpoints on any node',
    [ep('10.0.1.5', node, cond(false, false, true)), ep('10.0.1.5', 'node-1', cond(false, false, true))],
    [
      toClusterIP('pod to clusterIP, no usable endpoints', 'REJECT'),
      toLB('external to LB, no usable endpoints', 'REJECT'),
    ],
  ),
  ...terminating(
    'Cluster',
    'ready endpoints exist',
    [
      ep('10.0.1.1', node, cond(true, true, false)),
      ep('10.0.1.2', node, cond(true, true, false)),
      ep('10.0.1.3', 'another-node', cond(false, true, true)),
      ep('10.0.1.4', 'another-node', cond(false, false, true)),
      ep('10.0.1.5', 'another-node', cond(true, true, false)),
    ],
    [
      toClusterIP('pod to clusterIP', '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80'),
      toLB('external to LB', '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80', true),
    ],
  ),
  ...terminating(
    'Cluster',
    'only terminating endpoints exist',
    [
      ep('10.0.1.2', node, cond(false, true, true)),
      ep('10.0.1.3', node, cond(false, true, true)),
      ep('10.0.1.4', 'another-node', cond(false, false, true)),
      ep('10.0.1.5', 'another-node', cond(false, true, true)),
    ],
    [
      toClusterIP('pod to clusterIP', '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80'),
      toLB('external to LB', '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80', true),
    ],
  ),
  ...terminating(
    'Cluster',
    'terminating endpoints on remote node',
    [ep('10.0.1.5', 'node-1', cond(false, true, true))],
    [toClusterIP('pod to clusterIP', '10.0.1.5:80'), toLB('external to LB', '10.0.1.5:80', true)],
  ),
  ...terminating(
    'Cluster',
    'no usable endpoints on any node',
    [ep('10.0.1.5', node, cond(false, false, true)), ep('10.0.1.5', 'node-1', cond(false, false, true))],
    [toClusterIP('pod to clusterIP', 'REJECT'), toLB('external to LB', 'REJECT')],
  ),
];
