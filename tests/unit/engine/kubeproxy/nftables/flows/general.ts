/**
 * kube-proxy's nftables TestNoEndpointsReject, TestClusterIPGeneral and TestLoadBalancer
 * (pkg/proxy/nftables/proxier_test.go at 81810de6): inputs and expected outputs verbatim.
 */
import {
  TEST_EXTERNAL_CLIENT,
  TEST_EXTERNAL_CLIENT_BLOCKED,
  TEST_NODE_IP,
  TEST_NODE_NAME,
  ep,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from '../../helpers/fakeProxier';
import { nftFakeCluster, type NftFlowSuite } from '../../helpers/nftFlows';

const p80 = [{ name: 'p80', port: 80 }];

const noEndpointsReject: NftFlowSuite = {
  path: ['TestNoEndpointsReject'],
  cluster: nftFakeCluster(
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
  ),
  flows: [
    ['pod to cluster IP with no endpoints', '10.0.0.2', '172.30.0.41', 80],
    ['external to external IP with no endpoints', TEST_EXTERNAL_CLIENT, '192.168.99.11', 80],
    ['pod to NodePort with no endpoints', '10.0.0.2', TEST_NODE_IP, 3001],
    ['external to NodePort with no endpoints', TEST_EXTERNAL_CLIENT, TEST_NODE_IP, 3001],
    ['pod to LoadBalancer IP with no endpoints', '10.0.0.2', '1.2.3.4', 80],
    ['external to LoadBalancer IP with no endpoints', TEST_EXTERNAL_CLIENT, '1.2.3.4', 80],
  ].map(([name, sourceIP, destIP, destPort]) => ({
    name: name as string,
    sourceIP: sourceIP as string,
    destIP: destIP as string,
    destPort: destPort as number,
    output: 'REJECT',
  })),
};

const clusterIPGeneral: NftFlowSuite = {
  path: ['TestClusterIPGeneral'],
  cluster: nftFakeCluster(
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
  ),
  flows: [
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
      name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP)',
      sourceIP: '10.180.0.2',
      protocol: 'tcp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:5353, 10.180.2.1:5353',
    },
    {
      // kube-proxy labels this one "(TCP)" too, though it sends UDP.
      name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP) [UDP]',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (SCTP)',
      sourceIP: '10.180.0.2',
      protocol: 'sctp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
    },
    // nftables mode rejects what reaches a ClusterIP on a port/protocol it does not serve
    // (cluster-ips-check), where iptables mode lets it through ("").
    {
      name: 'TCP-only port does not match UDP traffic',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: "svc1 does not accept svc2's ports",
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 443,
      output: 'REJECT',
    },
    {
      name: 'packet to unallocated cluster ip',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.50',
      destPort: 80,
      output: 'DROP',
    },
  ],
};

const to = '10.180.0.1:80';
const loadBalancer: NftFlowSuite = {
  path: ['TestLoadBalancer'],
  cluster: nftFakeCluster(
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
  ),
  flows: [
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
  ],
};

/** The suites of this file, in kube-proxy's order. */
export const GENERAL_SUITES: readonly NftFlowSuite[] = [noEndpointsReject, clusterIPGeneral, loadBalancer];
