/**
 * kube-proxy's nftables TestNodePorts (all four cases, IPv4 and IPv6) and
 * TestExternalTrafficPolicyLocal / TestExternalTrafficPolicyCluster
 * (pkg/proxy/nftables/proxier_test.go at 81810de6): inputs and expected outputs verbatim.
 */
import {
  TEST_EXTERNAL_CLIENT,
  TEST_NODE_IP,
  TEST_NODE_NAME,
  ep,
  makeTestEndpointSlice,
  makeTestService,
  NODE_PORTS_FAMILY,
  port,
} from '../../helpers/fakeProxier';
import {
  NFT_FAKE_OPTIONS_IPV6,
  nftFakeCluster,
  nftFakeClusterIPv6,
  type NftFlowSuite,
  type NftPacketFlowTest,
} from '../../helpers/nftFlows';

const p80 = [{ name: 'p80', port: 80 }];

function nodePortsCase(
  name: string,
  family: 'IPv4' | 'IPv6',
  nodePortAddresses: string[] | undefined,
  allowAltNodeIP: boolean,
): NftFlowSuite {
  const v = NODE_PORTS_FAMILY[family];
  const output = v.output;
  const alt: NftPacketFlowTest = allowAltNodeIP
    ? {
        name: 'external to nodePort on secondary IP',
        sourceIP: v.externalClientIP,
        destIP: v.altNodeIP,
        destPort: 3001,
        output,
        masq: true,
      }
    : {
        name: 'secondary nodeIP ignores NodePorts',
        sourceIP: v.externalClientIP,
        destIP: v.altNodeIP,
        destPort: 3001,
        output: '',
      };
  const services = [
    makeTestService('ns1', 'svc1', {
      type: 'NodePort',
      clusterIP: v.svcIP,
      ports: [port('p80', 80, { nodePort: 3001 })],
    }),
  ];
  const slices = [makeTestEndpointSlice('ns1', 'svc1', 1, [ep(v.epIP1), ep(v.epIP2, TEST_NODE_NAME)], p80, family)];
  // nil keeps NewFakeProxier's own [192.168.0.2/32, 2001:db8::1/128].
  const proxy = nodePortAddresses === undefined ? {} : { nodePortAddresses };
  return {
    path: ['TestNodePorts', name],
    cluster: family === 'IPv4' ? nftFakeCluster(services, slices, proxy) : nftFakeClusterIPv6(services, slices, proxy),
    ...(family === 'IPv6' ? { options: NFT_FAKE_OPTIONS_IPV6 } : {}),
    flows: [
      { name: 'pod to cluster IP', sourceIP: v.podIP, destIP: v.svcIP, destPort: 80, output, masq: false },
      {
        name: 'external to nodePort',
        sourceIP: v.externalClientIP,
        destIP: v.nodeIP,
        destPort: 3001,
        output,
        masq: true,
      },
      { name: 'node to nodePort', sourceIP: v.nodeIP, destIP: v.nodeIP, destPort: 3001, output, masq: true },
      alt,
    ],
  };
}

function externalTrafficPolicy(policy: 'Local' | 'Cluster', flows: NftPacketFlowTest[]): NftFlowSuite {
  return {
    path: [`TestExternalTrafficPolicy${policy}`],
    cluster: nftFakeCluster(
      [
        makeTestService('ns1', 'svc1', {
          type: 'LoadBalancer',
          externalTrafficPolicy: policy,
          clusterIP: '172.30.0.41',
          externalIPs: ['192.168.99.11'],
          ports: [port('p80', 80, { nodePort: 3001, targetPort: 80 })],
          healthCheckNodePort: policy === 'Local' ? 30000 : 0,
          loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
        }),
      ],
      [makeTestEndpointSlice('ns1', 'svc1', 1, [ep('10.180.0.1'), ep('10.180.2.1', TEST_NODE_NAME)], p80)],
    ),
    flows,
  };
}

const both = '10.180.0.1:80, 10.180.2.1:80';
const local = '10.180.2.1:80';
const flow = (name: string, sourceIP: string, destIP: string, destPort: number, output: string, masq: boolean) => ({
  name,
  sourceIP,
  destIP,
  destPort,
  output,
  masq,
});
const pod = '10.0.0.2';
const ext = TEST_EXTERNAL_CLIENT;

/** The suites of this file, in kube-proxy's order. */
export const NODE_PORT_SUITES: readonly NftFlowSuite[] = [
  nodePortsCase('ipv4', 'IPv4', undefined, false),
  nodePortsCase(
    'ipv4, multiple nodeport-addresses',
    'IPv4',
    ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'],
    true,
  ),
  nodePortsCase('ipv6', 'IPv6', undefined, false),
  nodePortsCase(
    'ipv6, multiple nodeport-addresses',
    'IPv6',
    ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64', '2001:db8:1::2/128'],
    true,
  ),
  externalTrafficPolicy('Local', [
    flow('pod to cluster IP hits both endpoints, unmasqueraded', pod, '172.30.0.41', 80, both, false),
    flow('pod to external IP hits both endpoints, unmasqueraded', pod, '192.168.99.11', 80, both, false),
    flow('external to external IP hits only local endpoint, unmasqueraded', ext, '192.168.99.11', 80, local, false),
    flow('pod to LB IP hits only both endpoints, unmasqueraded', pod, '1.2.3.4', 80, both, false),
    flow('external to LB IP hits only local endpoint, unmasqueraded', ext, '1.2.3.4', 80, local, false),
    flow('pod to NodePort hits both endpoints, unmasqueraded', pod, TEST_NODE_IP, 3001, both, false),
    flow('external to NodePort hits only local endpoint, unmasqueraded', ext, TEST_NODE_IP, 3001, local, false),
  ]),
  externalTrafficPolicy('Cluster', [
    flow('pod to cluster IP hits both endpoints, unmasqueraded', pod, '172.30.0.41', 80, both, false),
    flow('pod to external IP hits both endpoints, masqueraded', pod, '192.168.99.11', 80, both, true),
    flow('external to external IP hits both endpoints, masqueraded', ext, '192.168.99.11', 80, both, true),
    flow('pod to LB IP hits both endpoints, masqueraded', pod, '1.2.3.4', 80, both, true),
    flow('external to LB IP hits both endpoints, masqueraded', ext, '1.2.3.4', 80, both, true),
    flow('pod to NodePort hits both endpoints, masqueraded', pod, TEST_NODE_IP, 3001, both, true),
    flow('external to NodePort hits both endpoints, masqueraded', ext, TEST_NODE_IP, 3001, both, true),
  ]),
];
