/** The Service a lesson's traffic is about, found in its cluster. */
import type { Cluster, Service } from '../model/types';
import type { TrafficSpec } from './spec';

/** The Service a lesson is about; throws with the name when the scenario lacks it. */
export function serviceOf(cluster: Cluster, traffic: TrafficSpec): Service {
  const [namespace, name] = traffic.service.split('/');
  const service = cluster.services.find((s) => s.namespace === namespace && s.name === name);
  if (!service) throw new RangeError(`traffic.service: no Service "${traffic.service}" in the scenario`);
  return service;
}

/**
 * The names of the pods behind the lesson's Service: those whose address is an endpoint of it,
 * ready or not. A client pod the Service does not select is not among them.
 */
export function endpointPods(cluster: Cluster, traffic: TrafficSpec): Set<string> {
  const [namespace, name] = traffic.service.split('/');
  const addresses = new Set(
    cluster.endpointSlices
      .filter((s) => s.namespace === namespace && s.serviceName === name)
      .flatMap((s) => s.endpoints.flatMap((e) => e.addresses)),
  );
  return new Set(cluster.pods.filter((p) => addresses.has(p.ip)).map((p) => p.name));
}
