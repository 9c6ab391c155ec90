import type { Endpoint, EndpointPort, EndpointSlice, Pod, Service, ServicePort } from './types';

/** A Service port whose named targetPort one selected pod does not declare. */
export interface UnresolvedTargetPort {
  readonly service: Service;
  readonly portIndex: number;
  readonly pod: Pod;
}

/** True when the pod carries every label of the selector (an equality-based selector). */
export function selectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is looked up among the
 * pod's container ports with the same protocol. undefined when the pod has no such port.
 */
export function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const match = pod.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol);
  return match?.containerPort;
}

/**
 * The EndpointSlices the EndpointSlice controller would write for one Service: one endpoint per
 * selected pod (same namespace, labels match), conditions ready = publishNotReadyAddresses ||
 * (Ready && !terminating), serving = Ready, terminating = deletionTimestamp set, plus nodeName
 * and the pod as targetRef. Pods whose named ports resolve to different numbers land in
 * different slices, as the controller groups endpoints by their port list. The controller's
 * 100-endpoints-per-slice split is not modelled (kube-proxy merges slices anyway).
 */
export function deriveServiceSlices(
  service: Service,
  pods: readonly Pod[],
  takenNames: ReadonlySet<string> = new Set(),
): { slices: EndpointSlice[]; unresolved: UnresolvedTargetPort[] } {
  const selector = service.selector;
  if (selector === undefined) return { slices: [], unresolved: [] };
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  const unresolved: UnresolvedTargetPort[] = [];
  for (const pod of pods) {
    if (pod.namespace !== service.namespace || !selectorMatches(selector, pod.labels)) continue;
    const ports: EndpointPort[] = [];
    service.ports.forEach((servicePort, portIndex) => {
      const number = resolveTargetPort(pod, servicePort);
      if (number === undefined) unresolved.push({ service, portIndex, pod });
      else ports.push({ name: servicePort.name, port: number, protocol: servicePort.protocol });
    });
    const ready = service.publishNotReadyAddresses === true || (pod.ready && !pod.terminating);
    const endpoint: Endpoint = {
      addresses: [pod.ip],
      nodeName: pod.nodeName,
      conditions: { ready, serving: pod.ready, terminating: pod.terminating },
      podName: pod.name,
    };
    const key = ports.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    const group = groups.get(key) ?? { ports, endpoints: [] };
    group.endpoints.push(endpoint);
    groups.set(key, group);
  }
  const slices: EndpointSlice[] = [];
  let suffix = 1;
  for (const group of groups.values()) {
    let name = `${service.name}-${suffix}`;
    while (takenNames.has(`${service.namespace}/${name}`)) name = `${service.name}-${++suffix}`;
    suffix++;
    slices.push({
      namespace: service.namespace,
      name,
      serviceName: service.name,
      addressType: 'IPv4',
      ports: group.ports,
      endpoints: group.endpoints,
    });
  }
  return { slices, unresolved };
}

/**
 * Slices for every selector Service that has none yet (a Service whose slices are given is
 * left alone, as are Services without a selector: someone else manages their endpoints).
 */
export function deriveMissingEndpointSlices(
  services: readonly Service[],
  pods: readonly Pod[],
  existing: readonly EndpointSlice[],
): { slices: EndpointSlice[]; unresolved: UnresolvedTargetPort[] } {
  const covered = new Set(existing.map((s) => `${s.namespace}/${s.serviceName}`));
  const taken = new Set(existing.map((s) => `${s.namespace}/${s.name}`));
  const slices: EndpointSlice[] = [];
  const unresolved: UnresolvedTargetPort[] = [];
  for (const service of services) {
    if (covered.has(`${service.namespace}/${service.name}`)) continue;
    const derived = deriveServiceSlices(service, pods, taken);
    for (const slice of derived.slices) taken.add(`${slice.namespace}/${slice.name}`);
    slices.push(...derived.slices);
    unresolved.push(...derived.unresolved);
  }
  return { slices, unresolved };
}
