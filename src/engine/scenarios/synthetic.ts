import type { Cluster, EndpointSlice, Pod, Service } from '../model/types';
import { bounceCluster } from './bounce';

/** Options of syntheticCluster. */
export interface SyntheticOptions {
  /** How many of the Services (the first ones) get a NodePort, from 30000 upwards; default all. */
  readonly nodePortServices?: number;
}

/**
 * A large cluster for benchmarks and size tests: `services` Services with `endpoints` pods
 * each, spread over the three bounce nodes (5,000 × 3 gives a node about 100,000 rule lines).
 * EndpointSlices are written directly, since deriving them from pods costs services × pods.
 * NodePorts run from 30000 upwards, as a cluster with a widened --service-node-port-range
 * would give them.
 */
export function syntheticCluster(services: number, endpoints: number, options: SyntheticOptions = {}): Cluster {
  const base = bounceCluster();
  const withNodePort = options.nodePortServices ?? services;
  const nodes = [1, 2, 3].map((k) => ({
    name: `node-${k}`,
    internalIP: `192.168.10.1${k}`,
    podCIDR: `10.20${k}.0.0/16`,
  }));
  const pods: Pod[] = [];
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  let podIndex = 0;
  for (let s = 0; s < services; s++) {
    const name = `svc-${String(s).padStart(5, '0')}`;
    const eps: EndpointSlice['endpoints'][number][] = [];
    for (let e = 0; e < endpoints; e++) {
      const k = (podIndex % 3) + 1;
      const host = Math.floor(podIndex / 3) + 2;
      const ip = `10.20${k}.${host >> 8}.${host & 255}`;
      pods.push({ ...(base.pods[0] as Pod), name: `${name}-${e}`, nodeName: `node-${k}`, ip, labels: { app: name } });
      eps.push({
        addresses: [ip],
        nodeName: `node-${k}`,
        conditions: { ready: true, serving: true, terminating: false },
        podName: `${name}-${e}`,
      });
      podIndex++;
    }
    const nodePort = s < withNodePort ? 30000 + s : 0;
    svcs.push({
      ...(base.services[0] as Service),
      name,
      type: nodePort ? 'NodePort' : 'ClusterIP',
      clusterIP: `10.96.${(s + 1) >> 8}.${(s + 1) & 255}`,
      selector: { app: name },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort }],
    });
    slices.push({
      namespace: 'default',
      name: `${name}-abcde`,
      serviceName: name,
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: eps,
    });
  }
  return {
    nodes,
    pods,
    services: svcs,
    endpointSlices: slices,
    proxy: { ...base.proxy, clusterCIDR: '10.200.0.0/13' },
  };
}
