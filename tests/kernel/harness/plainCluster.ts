import type { Cluster, Pod } from '../../../src/engine/model/types';

const pod = (name: string, nodeName: string, ip: string): Pod => ({
  namespace: 'default',
  name,
  nodeName,
  ip,
  labels: {},
  ready: true,
  terminating: false,
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
});

/**
 * A two-node cluster with no Services, for testing the harness's own plumbing (routing,
 * listeners, teardown) independently of any kube-proxy rules.
 */
export const plainCluster: Cluster = {
  nodes: [
    { name: 'node-1', internalIP: '192.168.10.11', podCIDR: '10.244.1.0/24' },
    { name: 'node-2', internalIP: '192.168.10.12', podCIDR: '10.244.2.0/24' },
  ],
  pods: [pod('pod-1', 'node-1', '10.244.1.2'), pod('pod-2', 'node-2', '10.244.2.2')],
  services: [],
  endpointSlices: [],
  proxy: {
    mode: 'iptables',
    clusterCIDR: '10.244.0.0/16',
    detectLocalMode: 'ClusterCIDR',
    masqueradeAll: false,
    masqueradeBit: 14,
    localhostNodePorts: true,
    nodePortAddresses: [],
  },
};
