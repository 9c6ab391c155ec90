/**
 * The inputs of kube-proxy's unit tests (pkg/proxy/iptables/proxier_test.go) as Cluster
 * objects: NewFakeProxier's node and settings, makeTestService / makeTestEndpointSlice.
 * Their conventions differ from the bounce cluster (pod IPs 10.0.0.0/8 used for local
 * detection, node IP 192.168.0.2, …) and are passed as parameters, not special cases.
 */
import type { IptablesOptions } from '../../../../../src/engine/kubeproxy';
import type {
  Cluster,
  Endpoint,
  EndpointSlice,
  Protocol,
  ProxyConfig,
  Service,
} from '../../../../../src/engine/model/types';

export const TEST_NODE_NAME = 'test-node';
export const TEST_NODE_IP = '192.168.0.2';
export const TEST_NODE_IP_ALT = '192.168.1.2';
export const TEST_EXTERNAL_IP = '192.168.99.11';
export const TEST_EXTERNAL_CLIENT = '203.0.113.2';
export const TEST_EXTERNAL_CLIENT_BLOCKED = '203.0.113.130';
export const TEST_NODE_IPV6 = '2001:db8::1';
export const TEST_NODE_IPV6_ALT = '2001:db8:1::2';
/** testNodeIPs (IPv4 ones): what the packet tracer treats as LOCAL besides 127.0.0.1. */
export const TEST_NODE_IPS = [TEST_NODE_IP, TEST_NODE_IP_ALT, TEST_EXTERNAL_IP];
/** testNodeIPs, IPv6 ones included (the nftables tests' list holds both families). */
export const TEST_NODE_IPS_DUAL = [...TEST_NODE_IPS, TEST_NODE_IPV6, TEST_NODE_IPV6_ALT];

/**
 * The per-family values both proxiers' TestNodePorts pick (proxier_test.go): the Service's
 * ClusterIP, its two endpoints, a pod, an external client, the node's two addresses, localhost,
 * and the flows' expected output (net.JoinHostPort of each endpoint on port 80).
 */
export const NODE_PORTS_FAMILY = {
  IPv4: {
    svcIP: '172.30.0.41',
    epIP1: '10.180.0.1',
    epIP2: '10.180.2.1',
    podIP: '10.0.0.2',
    externalClientIP: TEST_EXTERNAL_CLIENT,
    nodeIP: TEST_NODE_IP,
    altNodeIP: TEST_NODE_IP_ALT,
    localhostIP: '127.0.0.1',
    output: '10.180.0.1:80, 10.180.2.1:80',
  },
  IPv6: {
    svcIP: 'fd00:172:30::41',
    epIP1: 'fd00:10:180::1',
    epIP2: 'fd00:10:180::2:1',
    podIP: 'fd00:10::2',
    externalClientIP: '2600:5200::1',
    nodeIP: TEST_NODE_IPV6,
    altNodeIP: TEST_NODE_IPV6_ALT,
    localhostIP: '::1',
    output: '[fd00:10:180::1]:80, [fd00:10:180::2:1]:80',
  },
} as const;

/** NewFakeProxier: nfacct counters ensured, FakeIPTables without --random-fully, the fake interfaces. */
export const FAKE_PROXIER_OPTIONS: IptablesOptions = {
  nfacct: true,
  randomFully: false,
  conntrackTCPLiberal: false,
  interfaceAddresses: ['127.0.0.1', '::1', ...TEST_NODE_IPS_DUAL],
};

/** NewFakeProxier's settings: detect-local by CIDR 10.0.0.0/8, mark 0x4000, localhost NodePorts on. */
export const FAKE_PROXY_CONFIG: ProxyConfig = {
  mode: 'iptables',
  clusterCIDR: '10.0.0.0/8',
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
};

/**
 * NewFakeProxier(iptablestest.NewIPv6Fake()): the IPv6 proxier's cluster, detect-local by
 * fd00:10::/64. (The Go fake keeps the IPv4 nodeIP; only LoadBalancerSourceRanges read it.)
 */
export function fakeClusterIPv6(
  services: Service[],
  slices: EndpointSlice[],
  proxy: Partial<ProxyConfig> = {},
): Cluster {
  return {
    ...fakeCluster(services, slices, { clusterCIDR: 'fd00:10::/64', ...proxy }),
    nodes: [{ name: TEST_NODE_NAME, internalIP: TEST_NODE_IPV6, podCIDR: 'fd00:10::/64' }],
    ipFamily: 'IPv6',
  };
}

/** A cluster as the fake proxier sees it: one node (test-node) and the given objects. */
export function fakeCluster(services: Service[], slices: EndpointSlice[], proxy: Partial<ProxyConfig> = {}): Cluster {
  return {
    nodes: [{ name: TEST_NODE_NAME, internalIP: TEST_NODE_IP, podCIDR: '10.0.0.0/24' }],
    pods: [],
    services,
    endpointSlices: slices,
    proxy: { ...FAKE_PROXY_CONFIG, ...proxy },
  };
}

/** makeTestService: an empty Service spec (API defaults filled), then the test's changes. */
export function makeTestService(namespace: string, name: string, patch: Partial<Service>): Service {
  return {
    namespace,
    name,
    type: 'ClusterIP',
    clusterIP: '',
    selector: undefined,
    ports: [],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalIPs: [],
    loadBalancerIngress: [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
    ...patch,
  };
}

/** A Service port with targetPort = port and no nodePort unless given. */
export function port(
  name: string,
  portNumber: number,
  extra: { protocol?: Protocol; nodePort?: number; targetPort?: number } = {},
) {
  return {
    name,
    protocol: extra.protocol ?? ('TCP' as Protocol),
    port: portNumber,
    targetPort: extra.targetPort ?? portNumber,
    nodePort: extra.nodePort ?? 0,
  };
}

/** An endpoint: address, optional node, optional conditions (absent = kube-proxy's defaults). */
export function ep(
  address: string,
  nodeName?: string,
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean } = {},
): Endpoint {
  return { addresses: [address], ...(nodeName === undefined ? {} : { nodeName }), conditions };
}

/** makeTestEndpointSlice(namespace, name, sliceNum, …), IPv4 unless the test sets AddressTypeIPv6. */
export function makeTestEndpointSlice(
  namespace: string,
  serviceName: string,
  sliceNum: number,
  endpoints: Endpoint[],
  ports: { name: string; port: number; protocol?: Protocol }[],
  addressType: 'IPv4' | 'IPv6' = 'IPv4',
): EndpointSlice {
  return {
    namespace,
    name: `${serviceName}-${sliceNum}`,
    serviceName,
    addressType,
    ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints,
  };
}
