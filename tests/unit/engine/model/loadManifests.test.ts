/** loadManifests on real-looking input: kubectl output, JSON, Lists, kube-proxy's ConfigMap. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadManifestSources, loadManifests } from '../../../../src/engine/model/loadManifests';
import { fixture, NODE_ONLY, ONE_NODE, problems } from './helpers';

describe('loadManifests: kubectl get -o yaml', () => {
  const result = loadManifests(fixture('kubectl-get-all.yaml'), 'all.yaml');

  it('loads without errors, ignoring extra fields', () => {
    expect(result.errors).toEqual([]);
    expect(result.cluster?.nodes).toEqual([
      { name: 'kind-control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
      { name: 'kind-worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
    ]);
  });

  it('explains what it skipped: the finished pod, the Endpoints object, the missing proxy config', () => {
    expect(problems(result, 'warning')).toEqual([
      'pod-finished@status.phase:109',
      'endpoints-kind-ignored@:183',
      'no-proxy-config@',
    ]);
    expect(result.warnings[0]?.object).toBe('Pod default/job-done-xyz');
  });

  it('keeps the given EndpointSlice (no derivation for kube-dns)', () => {
    expect(result.cluster?.endpointSlices).toEqual([
      {
        namespace: 'kube-system',
        name: 'kube-dns-8kq2m',
        serviceName: 'kube-dns',
        addressType: 'IPv4',
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
        endpoints: [
          {
            addresses: ['10.244.0.3'],
            nodeName: 'kind-control-plane',
            conditions: { ready: true, serving: true, terminating: false },
            podName: 'coredns-7db6d8ff4d-abcde',
          },
        ],
      },
    ]);
  });

  it('reads the Service with its three ports and defaults', () => {
    const svc = result.cluster?.services[0];
    expect(svc?.ports.map((p) => `${p.name}:${p.port}/${p.protocol}->${p.targetPort}`)).toEqual([
      'dns:53/UDP->53',
      'dns-tcp:53/TCP->53',
      'metrics:9153/TCP->9153',
    ]);
    expect(svc?.sessionAffinityTimeoutSeconds).toBe(10800);
    expect(svc?.externalTrafficPolicy).toBe('Cluster');
  });

  it('reads the same objects from kubectl -o json', () => {
    const json = JSON.stringify(parse(fixture('kubectl-get-all.yaml')), null, 4);
    const fromJson = loadManifests(json, 'all.json');
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.cluster).toEqual(result.cluster);
  });
});

describe('loadManifests: KubeProxyConfiguration', () => {
  it('reads it from kube-proxy\'s ConfigMap (data."config.conf")', () => {
    const text = `${NODE_ONLY}apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    clusterCIDR: 10.244.0.0/16,fd00:10:244::/56
    mode: ""
    iptables:
      masqueradeBit: 15
      localhostNodePorts: false
    nodePortAddresses: [192.168.10.0/24, "fd00::/64"]
`;
    const r = loadManifests(text);
    expect(r.errors).toEqual([]);
    expect(r.cluster?.proxy).toEqual({
      mode: 'iptables',
      clusterCIDR: '10.244.0.0/16',
      detectLocalMode: 'ClusterCIDR',
      masqueradeAll: false,
      masqueradeBit: 15,
      localhostNodePorts: false,
      nodePortAddresses: ['192.168.10.0/24'],
      // The IPv6 proxier's half of the dual-stack settings (model/family.ts).
      ipv6: { clusterCIDR: 'fd00:10:244::/56', nodePortAddresses: ['fd00::/64'] },
    });
  });

  it('warns about modes it does not simulate and refuses interface-based local detection', () => {
    const r = loadManifests(`${ONE_NODE}apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
detectLocalMode: BridgeInterface
`);
    expect(problems(r)).toEqual(['detect-local-unsupported@detectLocalMode:14']);
    expect(problems(r, 'warning')).toEqual(['proxy-mode-not-simulated@mode:13']);
  });

  it('refuses a second configuration', () => {
    const r = loadManifests(`${ONE_NODE}apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n`);
    expect(problems(r)).toEqual(['multiple-proxy-configs@:11']);
  });
});

describe('loadManifests: several sources', () => {
  it('merges files and reports each problem against its own file', () => {
    const r = loadManifestSources([
      { text: ONE_NODE, source: 'nodes.yaml' },
      {
        text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {nodeName: n9}\nstatus: {podIP: 10.244.1.5}\n',
        source: 'pods.yaml',
      },
    ]);
    expect(r.errors.map((e) => `${e.source}:${e.line} ${e.code}`)).toEqual(['pods.yaml:4 unknown-node']);
    expect(r.warnings.map((e) => `${e.source}:${e.line} ${e.code}`)).toEqual(['pods.yaml:5 pod-conditions-missing']);
  });
});
