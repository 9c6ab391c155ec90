/**
 * kube-proxy's packet-flow tests (proxier_test.go), same inputs and same expected outputs,
 * run with kube-proxy's own tracer over our generated rules.
 */
import { describe } from 'vitest';
import { runPacketFlowTests } from './helpers/flows';
import {
  TEST_EXTERNAL_CLIENT,
  TEST_EXTERNAL_CLIENT_BLOCKED,
  TEST_NODE_IP,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from './helpers/fakeProxier';

const p80 = [{ name: 'p80', port: 80 }];

describe('TestNoEndpointsReject', () => {
  const cluster = fakeCluster(
    [
      makeTestService('ns1', 'svc1', {
        type: 'LoadBalancer',
        clusterIP: '172.30.0.41',
        externalIPs: ['192.168.99.11'],
        ports: [port('p80', 80, { nodePort: 3001 })],
        loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
      }),
    ],
    [],
  );
  runPacketFlowTests(cluster, [
    {
      name: 'pod to cluster IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'external to external IP with no endpoints',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '192.168.99.11',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'pod to NodePort with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: 'REJECT',
    },
    {
      name: 'external to NodePort with no endpoints',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: 'REJECT',
    },
    {
      name: 'pod to LoadBalancer IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'external to LoadBalancer IP with no endpoints',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'REJECT',
    },
  ]);
});

describe('TestClusterIPGeneral', () => {
  const cluster = fakeCluster(
    [
      makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [port('http', 80)] }),
      makeTestService('ns2', 'svc2', {
        clusterIP: '172.30.0.42',
        ports: [
          port('http', 80),
          port('https', 443, { targetPort: 8443 }),
          port('dns-udp', 53, { protocol: 'UDP' }),
          port('dns-tcp', 53, { targetPort: 5353 }),
          port('dns-sctp', 53, { protocol: 'SCTP' }),
        ],
      }),
    ],
    [
      makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1', TEST_NODE_NAME)], [{ name: 'http', port: 80 }]),
      makeTestEndpointSlice(
        'ns2',
        'svc2',
        1,
        [ep('10.180.0.1', TEST_NODE_NAME), ep('10.180.2.1', 'node2')],
        [
          { name: 'http', port: 80 },
          { name: 'https', port: 8443 },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 5353 },
          { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
        ],
      ),
    ],
  );
  runPacketFlowTests(cluster, [
    { name: 'simple clusterIP', sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 80, output: '10.180.0.1:80' },
    {
      name: 'hairpin to cluster IP',
      sourceIP: '10.180.0.1',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80',
      masq: true,
    },
    {
      name: 'clusterIP with multiple endpoints',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.2.1:80',
    },
    {
      name: 'clusterIP with TargetPort',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 443,
      output: '10.180.0.1:8443, 10.180.2.1:8443',
    },
    {
      name: 'TCP, UDP, SCTP on one port (TCP)',
      sourceIP: '10.180.0.2',
      protocol: 'tcp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:5353, 10.180.2.1:5353',
    },
    {
      name: 'TCP, UDP, SCTP on one port (UDP)',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
    },
    {
      name: 'TCP, UDP, SCTP on one port (SCTP)',
      sourceIP: '10.180.0.2',
      protocol: 'sctp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
    },
    {
      name: 'TCP-only port does not match UDP traffic',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 80,
      output: '',
    },
    {
      name: "svc1 does not accept svc2's ports",
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 443,
      output: '',
    },
  ]);
});

describe('TestLoadBalancer (source ranges)', () => {
  const cluster = fakeCluster(
    [
      makeTestService('ns1', 'svc1', {
        type: 'LoadBalancer',
        clusterIP: '172.30.0.41',
        ports: [port('p80', 80, { nodePort: 3001 })],
        loadBalancerIngress: [
          { ip: '1.2.3.4', ipMode: 'VIP' },
          { ip: '5.6.7.8', ipMode: 'VIP' },
        ],
        loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'],
      }),
    ],
    [makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1')], p80)],
  );
  const to = '10.180.0.1:80';
  runPacketFlowTests(cluster, [
    { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: to },
    {
      name: 'external to nodePort',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: to,
      masq: true,
    },
    {
      name: 'nodePort bypasses LoadBalancerSourceRanges',
      sourceIP: TEST_EXTERNAL_CLIENT_BLOCKED,
      destIP: TEST_NODE_IP,
      destPort: 3001,
      output: to,
      masq: true,
    },
    {
      name: 'accepted external to LB1',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '1.2.3.4',
      destPort: 80,
      output: to,
      masq: true,
    },
    {
      name: 'accepted external to LB2',
      sourceIP: TEST_EXTERNAL_CLIENT,
      destIP: '5.6.7.8',
      destPort: 80,
      output: to,
      masq: true,
    },
    {
      name: 'blocked external to LB1',
      sourceIP: TEST_EXTERNAL_CLIENT_BLOCKED,
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'blocked external to LB2',
      sourceIP: TEST_EXTERNAL_CLIENT_BLOCKED,
      destIP: '5.6.7.8',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'pod to LB1 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'pod to LB2 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: '5.6.7.8',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'node to LB1 (allowed by LoadBalancerSourceRanges)',
      sourceIP: TEST_NODE_IP,
      destIP: '1.2.3.4',
      destPort: 80,
      output: to,
      masq: true,
    },
    {
      name: 'node to LB2 (allowed by LoadBalancerSourceRanges)',
      sourceIP: TEST_NODE_IP,
      destIP: '5.6.7.8',
      destPort: 80,
      output: to,
      masq: true,
    },
    {
      name: 'same node to LB1, SNATted to LB1 (implicitly allowed)',
      sourceIP: '1.2.3.4',
      destIP: '1.2.3.4',
      destPort: 80,
      output: to,
      masq: true,
    },
    {
      name: 'same node to LB2, SNATted to LB2 (implicitly allowed)',
      sourceIP: '5.6.7.8',
      destIP: '5.6.7.8',
      destPort: 80,
      output: to,
      masq: true,
    },
  ]);
});

describe('TestHealthCheckNodePort', () => {
  const cluster = fakeCluster(
    [
      makeTestService('ns1', 'svc1', {
        type: 'LoadBalancer',
        clusterIP: '172.30.0.42',
        ports: [port('p80', 80, { nodePort: 3001 })],
        healthCheckNodePort: 30000,
        externalTrafficPolicy: 'Local',
      }),
    ],
    [],
    { nodePortAddresses: ['127.0.0.0/8'] },
  );
  runPacketFlowTests(cluster, [
    {
      name: 'firewall accepts HealthCheckNodePort',
      sourceIP: '1.2.3.4',
      destIP: TEST_NODE_IP,
      destPort: 30000,
      output: 'ACCEPT',
    },
  ]);
  runPacketFlowTests(fakeCluster([], [], { nodePortAddresses: ['127.0.0.0/8'] }), [
    {
      name: 'HealthCheckNodePort no longer has any rule',
      sourceIP: '1.2.3.4',
      destIP: TEST_NODE_IP,
      destPort: 30000,
      output: '',
    },
  ]);
});

describe('TestExternalTrafficPolicyLocal / Cluster', () => {
  const make = (policy: 'Local' | 'Cluster') =>
    fakeCluster(
      [
        makeTestService('ns1', 'svc1', {
          type: 'LoadBalancer',
          externalTrafficPolicy: policy,
          clusterIP: '172.30.0.41',
          externalIPs: ['192.168.99.11'],
          ports: [port('p80', 80, { nodePort: 3001 })],
          healthCheckNodePort: policy === 'Local' ? 30000 : 0,
          loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
        }),
      ],
      [makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1'), ep('10.180.2.1', TEST_NODE_NAME)], p80)],
    );
  const both = '10.180.0.1:80, 10.180.2.1:80';
  const local = '10.180.2.1:80';
  describe('Local', () => {
    runPacketFlowTests(make('Local'), [
      {
        name: 'pod to cluster IP hits both endpoints, unmasqueraded',
        sourceIP: '10.0.0.2',
        destIP: '172.30.0.41',
        destPort: 80,
        output: both,
      },
      {
        name: 'pod to external IP hits both endpoints, unmasqueraded',
        sourceIP: '10.0.0.2',
        destIP: '192.168.99.11',
        destPort: 80,
        output: both,
      },
      {
        name: 'external to external IP hits only local endpoint, unmasqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: '192.168.99.11',
        destPort: 80,
        output: local,
      },
      {
        name: 'pod to LB IP hits only both endpoints, unmasqueraded',
        sourceIP: '10.0.0.2',
        destIP: '1.2.3.4',
        destPort: 80,
        output: both,
      },
      {
        name: 'external to LB IP hits only local endpoint, unmasqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: '1.2.3.4',
        destPort: 80,
        output: local,
      },
      {
        name: 'pod to NodePort hits both endpoints, unmasqueraded',
        sourceIP: '10.0.0.2',
        destIP: TEST_NODE_IP,
        destPort: 3001,
        output: both,
      },
      {
        name: 'external to NodePort hits only local endpoint, unmasqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: TEST_NODE_IP,
        destPort: 3001,
        output: local,
      },
    ]);
  });
  describe('Cluster', () => {
    runPacketFlowTests(make('Cluster'), [
      {
        name: 'pod to cluster IP hits both endpoints, unmasqueraded',
        sourceIP: '10.0.0.2',
        destIP: '172.30.0.41',
        destPort: 80,
        output: both,
      },
      {
        name: 'pod to external IP hits both endpoints, masqueraded',
        sourceIP: '10.0.0.2',
        destIP: '192.168.99.11',
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: 'external to external IP hits both endpoints, masqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: '192.168.99.11',
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: 'pod to LB IP hits both endpoints, masqueraded',
        sourceIP: '10.0.0.2',
        destIP: '1.2.3.4',
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: 'external to LB IP hits both endpoints, masqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: '1.2.3.4',
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: 'pod to NodePort hits both endpoints, masqueraded',
        sourceIP: '10.0.0.2',
        destIP: TEST_NODE_IP,
        destPort: 3001,
        output: both,
        masq: true,
      },
      {
        name: 'external to NodePort hits both endpoints, masqueraded',
        sourceIP: TEST_EXTERNAL_CLIENT,
        destIP: TEST_NODE_IP,
        destPort: 3001,
        output: both,
        masq: true,
      },
    ]);
  });
});
