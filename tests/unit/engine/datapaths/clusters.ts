/** Test clusters for the datapath suites: the bounce cluster with more pods spread over its nodes. */
import { deriveMissingEndpointSlices } from '../../../../src/engine/model/deriveEndpointSlices';
import type { Cluster, Pod } from '../../../../src/engine/model/types';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';

/** The bounce cluster with `count` web pods: pod-i on node-((i-1) mod 3)+1 (node-3 included), IP 10.244.<node>.<10+i>. */
export function spreadCluster(
  count: number,
  options: { readonly externalTrafficPolicy?: 'Cluster' | 'Local'; readonly skipNode3?: boolean } = {},
): Cluster {
  const base = bounceCluster(
    options.externalTrafficPolicy ? { externalTrafficPolicy: options.externalTrafficPolicy } : {},
  );
  const nodes = options.skipNode3 ? 2 : 3;
  const pods: Pod[] = Array.from({ length: count }, (_, k) => {
    const node = (k % nodes) + 1;
    return {
      namespace: 'default',
      name: `pod-${k + 1}`,
      nodeName: `node-${node}`,
      ip: `10.244.${node}.${10 + k}`,
      labels: { app: 'web' },
      ready: true,
      terminating: false,
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    };
  });
  const { slices } = deriveMissingEndpointSlices(base.services, pods, []);
  return { ...base, pods, endpointSlices: slices };
}
