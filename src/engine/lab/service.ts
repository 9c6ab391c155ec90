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
