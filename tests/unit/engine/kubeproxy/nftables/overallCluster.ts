/**
 * The inputs of kube-proxy's TestOverallNFTablesRules (pkg/proxy/nftables/proxier_test.go at
 * 81810de6) as a model Cluster, and its expected ruleset, so the generator can be compared
 * with kube-proxy line for line.
 */
import type { Cluster, EndpointSlice, Service, ServicePort } from '../../../../../src/engine/model/types';

const port = (nodePort = 0): ServicePort => ({ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, nodePort });

function service(ns: string, name: string, s: Partial<Service>): Service {
  return {
    namespace: ns,
    name,
    type: 'ClusterIP',
    clusterIP: '',
    selector: undefined,
    ports: [port()],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalIPs: [],
    loadBalancerIngress: [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
    ...s,
  };
}

function slice(ns: string, svc: string, endpoints: { ip: string; node?: string }[]): EndpointSlice {
  return {
    namespace: ns,
    name: `${svc}-1`,
    serviceName: svc,
    addressType: 'IPv4',
    ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], conditions: {}, ...(e.node ? { nodeName: e.node } : {}) })),
  };
}

/** The six services and their slices; the node is "test-node" at 192.168.0.2. */
export function overallCluster(): Cluster {
  return {
    nodes: [{ name: 'test-node', internalIP: '192.168.0.2', podCIDR: '10.0.0.0/24' }],
    pods: [],
    services: [
      service('ns1', 'svc1', { clusterIP: '172.30.0.41' }),
      service('ns2', 'svc2', {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.42',
        ports: [port(3001)],
        loadBalancerIngress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
        externalIPs: ['192.168.99.22'],
        healthCheckNodePort: 30000,
      }),
      service('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [port(3003)] }),
      service('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'] }),
      service('ns5', 'svc5', {
        type: 'LoadBalancer',
        clusterIP: '172.30.0.45',
        ports: [port(3002)],
        loadBalancerIngress: [{ ip: '5.6.7.8', ipMode: 'VIP' }],
        healthCheckNodePort: 30000,
        loadBalancerSourceRanges: [' 203.0.113.0/25'],
        sessionAffinity: 'ClientIP',
      }),
      service('ns6', 'svc6', { clusterIP: '172.30.0.46' }),
    ],
    endpointSlices: [
      slice('ns1', 'svc1', [{ ip: '10.180.0.1' }]),
      slice('ns2', 'svc2', [{ ip: '10.180.0.2' }]),
      slice('ns3', 'svc3', [{ ip: '10.180.0.3' }]),
      slice('ns4', 'svc4', [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', node: 'test-node' }]),
      slice('ns5', 'svc5', [{ ip: '10.180.0.3' }]),
    ],
    proxy: {
      mode: 'nftables',
      clusterCIDR: '10.0.0.0/8',
      detectLocalMode: 'ClusterCIDR',
      masqueradeAll: false,
      masqueradeBit: 14,
      localhostNodePorts: true,
      nodePortAddresses: ['192.168.0.2/32'],
    },
  };
}

/** NewFakeProxier's settings that are not in the model. */
export const OVERALL_OPTIONS = { serviceCIDRs: ['172.30.0.0/16'], masqueradeMark: '0x4000' } as const;
