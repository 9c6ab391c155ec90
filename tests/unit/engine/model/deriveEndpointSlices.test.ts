/** EndpointSlices derived from Pods as the EndpointSlice controller writes them. */
import { describe, expect, it } from 'vitest';
import { deriveServiceSlices, resolveTargetPort } from '../../../../src/engine/model/deriveEndpointSlices';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import type { Pod, Service } from '../../../../src/engine/model/types';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { ONE_NODE, problems } from './helpers';

const web = bounceCluster().services[0] as Service;
const pod = (name: string, patch: Partial<Pod> = {}): Pod => ({
  namespace: 'default',
  name,
  nodeName: 'node-1',
  ip: '10.244.1.9',
  labels: { app: 'web' },
  ready: true,
  terminating: false,
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  ...patch,
});

describe('deriveServiceSlices', () => {
  it('ready / serving / terminating follow pod readiness and deletion', () => {
    const { slices } = deriveServiceSlices(web, [
      pod('a', { ip: '10.244.1.3' }),
      pod('b', { ip: '10.244.1.4', ready: false }),
      pod('c', { ip: '10.244.1.5', terminating: true }),
      pod('d', { ip: '10.244.1.6', terminating: true, ready: false }),
    ]);
    expect(slices[0]?.endpoints.map((e) => [e.podName, e.conditions])).toEqual([
      ['a', { ready: true, serving: true, terminating: false }],
      ['b', { ready: false, serving: false, terminating: false }],
      ['c', { ready: false, serving: true, terminating: true }],
      ['d', { ready: false, serving: false, terminating: true }],
    ]);
    expect(slices[0]?.endpoints[0]?.nodeName).toBe('node-1');
  });

  it('publishNotReadyAddresses marks every endpoint ready', () => {
    const { slices } = deriveServiceSlices({ ...web, publishNotReadyAddresses: true }, [pod('b', { ready: false })]);
    expect(slices[0]?.endpoints[0]?.conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('selects by namespace and every selector label', () => {
    const { slices } = deriveServiceSlices(web, [
      pod('x', { namespace: 'other' }),
      pod('y', { labels: { app: 'db' } }),
      pod('z'),
    ]);
    expect(slices.flatMap((s) => s.endpoints.map((e) => e.podName))).toEqual(['z']);
  });

  it('resolves a named targetPort per pod and splits slices by resolved ports', () => {
    const named: Service = { ...web, ports: [{ ...web.ports[0]!, targetPort: 'http' }] };
    expect(resolveTargetPort(pod('p'), named.ports[0]!)).toBe(8080);
    const { slices, unresolved } = deriveServiceSlices(named, [
      pod('a', { ip: '10.244.1.3' }),
      pod('b', { ip: '10.244.1.4', ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] }),
      pod('c', { ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080, protocol: 'UDP' }] }),
    ]);
    expect(slices.map((s) => [s.name, s.ports.map((p) => p.port), s.endpoints.map((e) => e.podName)])).toEqual([
      ['web-1', [8080], ['a']],
      ['web-2', [9090], ['b']],
      ['web-3', [], ['c']],
    ]);
    expect(unresolved.map((u) => u.pod.name)).toEqual(['c']);
  });

  it('a Service without a selector gets no slices', () => {
    expect(deriveServiceSlices({ ...web, selector: undefined }, [pod('a')]).slices).toEqual([]);
  });

  it('the loader warns about a pod that lacks the named port', () => {
    const r = loadManifests(`${ONE_NODE}apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: web}}
spec: {nodeName: n1, containers: [{name: c, ports: [{containerPort: 80}]}]}
status: {podIP: 10.244.1.5, conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: 10.96.0.1, selector: {app: web}, ports: [{port: 80, targetPort: http}]}
`);
    expect(problems(r, 'warning')).toEqual(['target-port-unresolved@spec.ports[0].targetPort:20']);
    expect(r.cluster?.endpointSlices[0]?.ports).toEqual([]);
  });

  it('the loader leaves Services with given slices alone', () => {
    const r = loadManifests(`${ONE_NODE}apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: web}}
spec: {nodeName: n1}
status: {podIP: 10.244.1.5, conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: 10.96.0.1, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-abc, labels: {kubernetes.io/service-name: web}}
addressType: IPv4
ports: [{port: 80}]
endpoints: [{addresses: [10.244.1.77]}]
`);
    expect(r.errors).toEqual([]);
    expect(r.cluster?.endpointSlices).toEqual([
      {
        namespace: 'default',
        name: 'web-abc',
        serviceName: 'web',
        addressType: 'IPv4',
        ports: [{ name: '', port: 80, protocol: 'TCP' }],
        endpoints: [{ addresses: ['10.244.1.77'], conditions: {} }],
      },
    ]);
  });
});
