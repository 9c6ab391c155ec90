/** --to shorthands resolved against the cluster. */
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../../src/cli/args';
import { parseIPPort, resolveTarget } from '../../../src/cli/targets';
import type { Cluster } from '../../../src/engine/model/types';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';

const bounce = bounceCluster();
const withLB: Cluster = {
  ...bounce,
  services: [
    ...bounce.services,
    {
      ...bounce.services[0]!,
      name: 'lb',
      type: 'LoadBalancer',
      clusterIP: '10.96.0.50',
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30081 },
        { name: 'admin', protocol: 'TCP', port: 9000, targetPort: 9000, nodePort: 30082 },
      ],
      loadBalancerIngress: [{ ip: '192.168.10.250', ipMode: 'VIP' }],
    },
  ],
};

const message = (cluster: Cluster, text: string): string => {
  try {
    resolveTarget(cluster, text);
  } catch (e) {
    if (e instanceof CliUsageError) return e.message;
    throw e;
  }
  throw new Error('no error');
};

describe('resolveTarget', () => {
  it.each([
    ['192.168.10.12:30080', { ip: '192.168.10.12', port: 30080 }],
    ['node/node-2:30080', { ip: '192.168.10.12', port: 30080, node: 'node-2' }],
    ['node/node-3:nodeport', { ip: '192.168.10.13', port: 30080, node: 'node-3' }],
    ['svc/web', { ip: '10.96.120.15', port: 80 }],
    ['svc/default/web:http', { ip: '10.96.120.15', port: 80 }],
    ['svc/web:80', { ip: '10.96.120.15', port: 80 }],
    ['pod/pod-1:8080', { ip: '10.244.1.2', port: 8080 }],
    ['pod/default/pod-2:8080', { ip: '10.244.2.2', port: 8080 }],
  ])('%s', (text, expected) => {
    expect(resolveTarget(bounce, text)).toEqual(expected);
  });

  it('load-balancer IPs and named ports', () => {
    expect(resolveTarget(withLB, 'lb/lb:admin')).toEqual({ ip: '192.168.10.250', port: 9000 });
  });

  it.each([
    [bounce, 'node/node-9:80', '--to: no node "node-9" (nodes: node-1, node-2, node-3)'],
    [bounce, 'node/node-1', '--to: "node/node-1" needs :PORT or :nodeport after the node name'],
    [
      withLB,
      'node/node-1:nodeport',
      '--to: node/node-1:nodeport needs exactly one node port in the cluster, found 3 (default/web:30080, default/lb:30081, default/lb:30082); write node/node-1:PORT',
    ],
    [bounce, 'svc/nope', '--to: no Service "nope" (Services: default/web)'],
    [withLB, 'svc/lb', '--to: Service default/lb has 2 ports; add :PORT (http, admin)'],
    [bounce, 'svc/web:https', '--to: Service default/web has no port "https" (http)'],
    [bounce, 'lb/web', '--to: Service default/web has no load-balancer IP'],
    [bounce, 'pod/pod-1', '--to: "pod/pod-1" needs :PORT'],
    [
      bounce,
      '10.96.120.15',
      '--to: "10.96.120.15" is not IP:PORT, node/NAME:PORT, node/NAME:nodeport, svc/NAME[:PORT], lb/NAME[:PORT] or pod/NAME:PORT',
    ],
  ])('%#: %s', (cluster, text, expected) => {
    expect(message(cluster, text)).toBe(expected);
  });

  it('parseIPPort rejects bad addresses and ports', () => {
    expect(parseIPPort('10.0.0.1:65536')).toBeUndefined();
    expect(parseIPPort('10.0.0.256:80')).toBeUndefined();
    expect(parseIPPort('10.0.0.1:0')).toEqual({ ip: '10.0.0.1', port: 0 });
  });
});
