/** toManifests → loadManifests gives the same Cluster back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import { toManifests } from '../../../../src/engine/model/toManifests';
import type { Cluster, EndpointSlice, Pod, Service } from '../../../../src/engine/model/types';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { ipv6View } from '../../../../src/engine/model/family';
import { readFileSync } from 'node:fs';

describe('toManifests round trip', () => {
  it.each([
    ['bounce', bounceCluster()],
    [
      'bounce, ETP Local, affinity, one pod terminating',
      bounceCluster({ externalTrafficPolicy: 'Local', sessionAffinity: 'ClientIP', terminatingPods: ['pod-1'] }),
    ],
  ])('%s', (_name, cluster) => {
    const result = loadManifests(toManifests(cluster));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.cluster).toEqual(cluster);
  });

  it('a dual-stack cluster is written dual-stack and comes back with both families', () => {
    const text = readFileSync(new URL('../../../fixtures/ipv6/dual-stack.yaml', import.meta.url), 'utf8');
    const loaded = loadManifests(text).cluster;
    if (!loaded) throw new Error('fixture must load');
    // With an IPv6 cluster CIDR and IPv6 slices given, so those are written too.
    const view = ipv6View(loaded);
    const cluster = {
      ...loaded,
      proxy: {
        ...loaded.proxy,
        clusterCIDR: '10.244.0.0/16',
        ipv6: { clusterCIDR: 'fd00:10:244::/56', nodePortAddresses: [] },
      },
      ipv6EndpointSlices: (view?.endpointSlices ?? []).map((s) => ({ ...s, name: `${s.name}-v6` })),
    };
    const result = loadManifests(toManifests(cluster));
    expect(result.errors).toEqual([]);
    expect(result.cluster).toEqual(cluster);
    expect(ipv6View(result.cluster!)).toEqual(ipv6View(cluster));
  });

  it('property: random valid clusters survive the round trip', () => {
    const octet = fc.integer({ min: 1, max: 254 });
    const port = fc.integer({ min: 1, max: 65535 });
    const protocol = fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const);
    const base = bounceCluster();
    const arbitrary = fc
      .record({
        pods: fc.uniqueArray(octet, { minLength: 0, maxLength: 4 }),
        ready: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        terminating: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        services: fc.uniqueArray(
          fc.record({
            ip: octet,
            port,
            protocol,
            lb: fc.boolean(),
            local: fc.boolean(),
            affinity: fc.integer({ min: 1, max: 86400 }),
          }),
          {
            selector: (s) => s.ip,
            maxLength: 3,
          },
        ),
        derive: fc.boolean(),
      })
      .map(({ pods, ready, terminating, services, derive }): Cluster => {
        const podList: Pod[] = pods.map((o, i) => ({
          namespace: 'default',
          name: `p${o}`,
          nodeName: base.nodes[i % 3]!.name,
          ip: `10.244.${(i % 3) + 1}.${o}`,
          labels: { app: `a${i % 2}` },
          ready: ready[i] ?? true,
          terminating: terminating[i] ?? false,
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        }));
        const svcList: Service[] = services.map((s, i) => ({
          namespace: 'default',
          name: `s${i}`,
          type: s.lb ? 'LoadBalancer' : 'NodePort',
          clusterIP: `10.96.0.${s.ip}`,
          selector: { app: `a${i % 2}` },
          ports: [{ name: 'p', protocol: s.protocol, port: s.port, targetPort: 'http', nodePort: 30000 + i }],
          externalTrafficPolicy: s.local ? 'Local' : 'Cluster',
          internalTrafficPolicy: 'Cluster',
          sessionAffinity: s.affinity % 2 === 0 ? 'ClientIP' : 'None',
          sessionAffinityTimeoutSeconds: s.affinity,
          externalIPs: s.lb ? [`192.168.10.${200 + i}`] : [],
          loadBalancerIngress: s.lb ? [{ ip: `192.168.10.${210 + i}`, ipMode: i === 1 ? 'Proxy' : 'VIP' }] : [],
          loadBalancerSourceRanges: s.lb ? ['192.168.10.0/24'] : [],
          healthCheckNodePort: s.lb && s.local ? 31000 + i : 0,
        }));
        const slices: EndpointSlice[] = derive
          ? []
          : svcList.map((svc) => ({
              namespace: 'default',
              name: `${svc.name}-x`,
              serviceName: svc.name,
              addressType: 'IPv4',
              ports: [{ name: 'p', port: 8080, protocol: svc.ports[0]!.protocol }],
              endpoints: podList.map((p) => ({
                addresses: [p.ip],
                nodeName: p.nodeName,
                conditions: { ready: p.ready },
                podName: p.name,
              })),
            }));
        return { ...base, pods: podList, services: svcList, endpointSlices: slices };
      });
    fc.assert(
      fc.property(arbitrary, (cluster) => {
        const first = loadManifests(toManifests(cluster));
        expect(first.errors).toEqual([]);
        const again = loadManifests(toManifests(first.cluster!));
        expect(again.cluster).toEqual(first.cluster);
        // Given slices are kept verbatim; with none given they are derived, then kept.
        if (cluster.endpointSlices.length > 0 || cluster.services.length === 0) expect(first.cluster).toEqual(cluster);
      }),
      { numRuns: 60 },
    );
  });
});
