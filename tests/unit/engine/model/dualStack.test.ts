/**
 * Dual-stack manifests: the IPv4 family stays in the model's ordinary fields (so every IPv4
 * reader is unchanged), the IPv6 family is kept beside it, ipv6View turns it into the cluster
 * kube-proxy's IPv6 proxier sees, and a bad dual-stack field is named with what is wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatManifestError } from '../../../../src/engine/model/errors';
import { ipv6View } from '../../../../src/engine/model/family';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { generateNftables } from '../../../../src/engine/kubeproxy/nftables';
import { ONE_NODE, problems } from './helpers';

const DUAL = readFileSync(new URL('../../../fixtures/ipv6/dual-stack.yaml', import.meta.url), 'utf8');
const load = (body: string) => loadManifests(ONE_NODE + body, 'x.yaml');

describe('dual-stack manifests', () => {
  const cluster = loadManifests(DUAL).cluster!;

  it('keep the IPv4 family in the ordinary fields and the IPv6 one beside it', () => {
    const node = cluster.nodes.find((n) => n.name === 'node-2');
    expect(node).toEqual({
      name: 'node-2',
      internalIP: '10.0.0.22',
      podCIDR: '10.244.2.0/24',
      ipv6: { internalIP: 'fd00:10::22', podCIDR: 'fd00:10:244:2::/64' },
    });
    const web = cluster.services[0];
    expect(web?.clusterIP).toBe('10.96.0.10');
    expect(web?.ipv6?.clusterIP).toBe('fd00:10:96::10');
    expect(cluster.pods.map((p) => [p.ip, p.ipv6])).toEqual([
      ['10.244.2.2', 'fd00:10:244:2::2'],
      ['10.244.3.2', 'fd00:10:244:3::2'],
    ]);
    expect(cluster.endpointSlices.every((s) => s.addressType === 'IPv4')).toBe(true);
    expect(cluster.proxy.ipv6).toEqual({ clusterCIDR: 'fd00:10:244::/56', nodePortAddresses: [] });
  });

  it('ipv6View is the IPv6 proxier’s cluster: IPv6 node IPs, ClusterIP, and slices derived from podIPs', () => {
    const view = ipv6View(cluster)!;
    expect(view.ipFamily).toBe('IPv6');
    expect(view.nodes.map((n) => n.internalIP)).toEqual(['fd00:10::12', 'fd00:10::22', 'fd00:10::32']);
    expect(view.services[0]?.clusterIP).toBe('fd00:10:96::10');
    expect(view.proxy.clusterCIDR).toBe('fd00:10:244::/56');
    expect(view.endpointSlices.map((s) => [s.addressType, s.endpoints.map((e) => e.addresses[0])])).toEqual([
      ['IPv6', ['fd00:10:244:2::2', 'fd00:10:244:3::2']],
    ]);
  });

  it('an IPv4-only cluster has no IPv6 view', () => {
    expect(ipv6View(loadManifests(ONE_NODE).cluster!)).toBeUndefined();
  });

  it('an IPv6 EndpointSlice given in the manifests goes to the IPv6 proxier only', () => {
    const r = loadManifests(`${DUAL}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-v6, labels: {kubernetes.io/service-name: web}}
addressType: IPv6
ports: [{name: http, port: 8080}]
endpoints:
- addresses: ['FD00:10:244:2:0::7']
  nodeName: node-2
`);
    expect(r.errors).toEqual([]);
    expect(r.cluster?.endpointSlices.some((s) => s.name === 'web-v6')).toBe(false);
    const view = ipv6View(r.cluster!)!;
    // Given slices win over derived ones, and the address is printed as RFC 5952.
    expect(view.endpointSlices.map((s) => s.endpoints.map((e) => e.addresses[0]))).toEqual([['fd00:10:244:2::7']]);
    expect(generateNftables(view, 'node-1')).toContain('dnat to [fd00:10:244:2::7]:8080');
  });

  it('the IPv4 rules of a dual-stack cluster are those of its IPv4 half', () => {
    const v4only = loadManifests(DUAL.replace(/.*'fd00[^']*'.*\n/g, '').replace(/, 'fd00[^']*'/g, ''));
    expect(v4only.errors).toEqual([]);
    expect(v4only.cluster?.services[0]?.ipv6).toBeUndefined();
    for (const node of ['node-1', 'node-2']) {
      expect(generateIptablesSave(cluster, node)).toBe(generateIptablesSave(v4only.cluster!, node));
      expect(generateNftables(cluster, node)).toBe(generateNftables(v4only.cluster!, node));
    }
  });
});

describe('dual-stack validation', () => {
  const service = (spec: string) => `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}], ${spec}}
`;

  it('clusterIPs must start with clusterIP, hold one address per family, and match ipFamilies', () => {
    expect(
      problems(
        load(service(`clusterIP: 10.96.0.1, clusterIPs: [10.96.0.2, "fd00::1"], ipFamilyPolicy: PreferDualStack`)),
      ),
    ).toEqual(['cluster-ips-first@spec.clusterIPs[0]:14']);
    expect(problems(load(service(`clusterIPs: [10.96.0.2, 10.96.0.3], ipFamilyPolicy: RequireDualStack`)))).toEqual([
      'cluster-ips-families@spec.clusterIPs[1]:14',
    ]);
    expect(
      problems(
        load(service(`clusterIPs: [10.96.0.2, "fd00::1"], ipFamilies: [IPv6, IPv4], ipFamilyPolicy: PreferDualStack`)),
      ),
    ).toEqual(['ip-family-mismatch@spec.ipFamilies[0]:14', 'ip-family-mismatch@spec.ipFamilies[1]:14']);
    expect(problems(load(service(`clusterIPs: [10.96.0.2, "fd00::1"]`)))).toEqual([
      'single-stack-two-ips@spec.ipFamilyPolicy:14',
    ]);
  });

  it('a single-stack IPv6 Service is refused with a way out, in both languages', () => {
    const r = load(service(`clusterIP: "fd00::1", ipFamilies: [IPv6]`));
    expect(problems(r)).toEqual(['ipv6-only-service@spec.clusterIP:14']);
    expect(formatManifestError(r.errors[0]!)).toContain('give the Service an IPv4 ClusterIP too');
    expect(formatManifestError(r.errors[0]!, 'ko')).toContain('IPv4 ClusterIP도 주세요');
  });

  it('an IPv6-primary dual-stack Service reads its IPv4 ClusterIP from clusterIPs[1]', () => {
    const r = load(
      service(`clusterIP: "fd00::1", clusterIPs: ["fd00::1", 10.96.0.9], ipFamilyPolicy: RequireDualStack`),
    );
    expect(r.errors).toEqual([]);
    expect(r.cluster?.services[0]?.clusterIP).toBe('10.96.0.9');
    expect(r.cluster?.services[0]?.ipv6?.clusterIP).toBe('fd00::1');
  });

  it('bad IPv6 addresses and CIDRs name their field', () => {
    const r = load(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s, labels: {kubernetes.io/service-name: web}}
addressType: IPv6
endpoints: [{addresses: ["10.0.0.1"]}, {addresses: ["fd00::zz"]}]
---
apiVersion: v1
kind: Node
metadata: {name: n2}
spec: {podCIDRs: [10.244.9.0/24, "fd00:9::/200"]}
status: {addresses: [{type: InternalIP, address: 10.0.0.9}]}
`);
    expect(problems(r)).toEqual([
      'invalid-ipv6@endpoints[0].addresses[0]:15',
      'invalid-ipv6@endpoints[1].addresses[0]:15',
      'invalid-cidr6@spec.podCIDRs[1]:20',
    ]);
    expect(formatManifestError(r.errors[1]!, 'ko')).toContain('"fd00::zz"는 IPv6 주소가 아닙니다');
  });
});
