/** The bounce scenario in code and tests/fixtures/bounce.yaml describe the same cluster. */
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import { BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT, bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { fixture } from '../model/helpers';

describe('bounce scenario', () => {
  const loaded = loadManifests(fixture('bounce.yaml'), 'bounce.yaml');

  it('the fixture loads cleanly into exactly bounceCluster()', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.cluster).toEqual(bounceCluster());
  });

  it('with externalTrafficPolicy Local they still agree', () => {
    const local = loadManifests(
      fixture('bounce.yaml').replace('externalTrafficPolicy: Cluster', 'externalTrafficPolicy: Local'),
    );
    expect(local.cluster).toEqual(bounceCluster({ externalTrafficPolicy: 'Local' }));
  });

  it('has the agreed values', () => {
    const c = bounceCluster();
    expect(c.nodes.map((n) => `${n.name} ${n.internalIP} ${n.podCIDR}`)).toEqual([
      'node-1 192.168.10.11 10.244.1.0/24',
      'node-2 192.168.10.12 10.244.2.0/24',
      'node-3 192.168.10.13 10.244.3.0/24',
    ]);
    expect(c.pods.map((p) => `${p.name}@${p.nodeName} ${p.ip}`)).toEqual([
      'pod-1@node-1 10.244.1.2',
      'pod-2@node-2 10.244.2.2',
    ]);
    expect(c.services[0]).toMatchObject({
      clusterIP: '10.96.120.15',
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    expect(c.proxy).toEqual({
      mode: 'iptables',
      clusterCIDR: '10.244.0.0/16',
      detectLocalMode: 'ClusterCIDR',
      masqueradeAll: false,
      masqueradeBit: 14,
      localhostNodePorts: true,
      nodePortAddresses: [],
    });
    expect([BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT]).toEqual(['192.168.10.100', 30080]);
  });
});
