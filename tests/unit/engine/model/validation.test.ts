/** Bad manifests: every problem is a coded error with object, field and line. */
import { describe, expect, it } from 'vitest';
import { formatManifestError } from '../../../../src/engine/model/errors';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import { ONE_NODE, problems } from './helpers';

const load = (body: string) => loadManifests(ONE_NODE + body, 'x.yaml');

describe('validation', () => {
  it('YAML syntax errors name the line where the parser gave up', () => {
    const r = loadManifests(`${ONE_NODE}apiVersion: v1\nkind: Pod\nmetadata: {name: [oops\n`, 'x.yaml');
    expect(problems(r)).toEqual(['yaml-syntax@:14']);
    expect(r.cluster).toBeUndefined();
  });

  it('a Service: missing clusterIP, bad port, bad targetPort name, missing nodePort', () => {
    const r = load(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  ports:
  - {name: http, port: 70000, targetPort: "8080"}
  - {name: http, port: 81}
`);
    expect(problems(r)).toEqual([
      'cluster-ip-missing@spec.clusterIP:14',
      'invalid-port@spec.ports[0].port:17',
      'invalid-port-name@spec.ports[0].targetPort:17',
      'node-port-missing@spec.ports[0].nodePort:17',
      'node-port-missing@spec.ports[1].nodePort:18',
    ]);
    expect(formatManifestError(r.errors[1]!)).toBe(
      'x.yaml:17: document 3, Service default/web, field spec.ports[0].port: 70000 is not a port number (1-65535)',
    );
    expect(formatManifestError(r.errors[1]!, 'ko')).toBe(
      'x.yaml:17: 문서 3, Service default/web, 필드 spec.ports[0].port: 70000은 포트 번호(1-65535)가 아닙니다',
    );
  });

  it('ports: names required with several ports, unique names and numbers', () => {
    const r = load(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: 10.96.0.1
  ports: [{port: 80}, {name: a, port: 80}, {name: a, port: 81, protocol: UDP}]
`);
    expect(problems(r).map((p) => p.split('@')[0])).toEqual([
      'port-name-required',
      'duplicate-port',
      'duplicate-port-name',
    ]);
  });

  it('addresses: IPv6 gets its own message, garbage is invalid, leading zeros are a warning', () => {
    const r = load(`apiVersion: v1
kind: Service
metadata: {name: a}
spec: {clusterIP: "fd00::1", ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {clusterIP: 10.96.0.300, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec: {clusterIP: 10.96.0.011, ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.1/8]}
`);
    expect(problems(r)).toEqual(['ipv6-only-service@spec.clusterIP:14', 'invalid-ip@spec.clusterIP:19']);
    expect(problems(r, 'warning')).toEqual([
      'ip-leading-zeros@spec.clusterIP:24',
      'cidr-not-normalized@spec.loadBalancerSourceRanges[0]:24',
    ]);
  });

  it('wrong types are reported with what was expected', () => {
    const r = load(`apiVersion: v1
kind: Service
metadata: {name: web, labels: {version: 2}}
spec: {clusterIP: 10.96.0.1, ports: {port: 80}, sessionAffinity: Sticky}
`);
    expect(problems(r).map((p) => p.split('@')[0])).toEqual(['wrong-type', 'invalid-enum']);
    expect(r.errors[0]?.message).toBe('expected a list, found a mapping');
    expect(formatManifestError(r.errors[0]!, 'ko')).toContain('리스트 값이어야 하는데 매핑입니다');
  });

  it('nodePort on a ClusterIP Service, nodePort clash, clusterIP clash, duplicate names', () => {
    const r = load(`apiVersion: v1
kind: Service
metadata: {name: a}
spec: {clusterIP: 10.96.0.1, ports: [{port: 80, nodePort: 30080}]}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: NodePort, clusterIP: 10.96.0.2, ports: [{port: 80, nodePort: 30080}]}
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec: {type: NodePort, clusterIP: 10.96.0.2, ports: [{port: 80, nodePort: 30080}]}
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec: {clusterIP: 10.96.0.9, ports: [{port: 80}]}
`);
    expect(problems(r).map((p) => p.split('@')[0])).toEqual([
      'node-port-not-allowed',
      'duplicate-object',
      'duplicate-cluster-ip',
      'duplicate-node-port',
    ]);
  });

  it('nodes: no InternalIP, no podCIDR; no nodes at all', () => {
    const r = loadManifests(
      'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {addresses: [{type: Hostname, address: n}]}\n',
    );
    expect(problems(r).map((p) => p.split('@')[0])).toEqual(['node-no-internal-ip', 'node-no-pod-cidr', 'no-nodes']);
  });

  it('unknown kinds are warnings; missing kind is an error; wrong apiVersion is an error', () => {
    const r = load(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\nmetadata: {name: x}\n---\napiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\n',
    );
    expect(problems(r, 'warning')).toEqual(['unknown-kind@:11']);
    expect(problems(r).map((p) => p.split('@')[0])).toEqual(['missing-field', 'unsupported-api-version']);
  });

  it('garbage and empty input', () => {
    expect(problems(loadManifests(''))).toEqual(['no-objects@']);
    expect(problems(loadManifests('42'))).toEqual(['not-an-object@:1', 'no-nodes@']);
    expect(loadManifests('a: [').errors[0]?.code).toBe('yaml-syntax');
  });

  it('EndpointSlice problems: no service label and FQDN slices are skipped with warnings', () => {
    const r = load(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s1}
addressType: IPv4
endpoints: []
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s2, labels: {kubernetes.io/service-name: web}}
addressType: FQDN
`);
    expect(r.errors).toEqual([]);
    expect(problems(r, 'warning').map((p) => p.split('@')[0])).toEqual([
      'slice-no-service-label',
      'slice-address-type',
    ]);
  });
});
