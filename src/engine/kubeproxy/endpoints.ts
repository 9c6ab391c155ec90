import type { IPFamily } from '../netfilter/ip';
import { joinHostPort } from '../netfilter/ip';
import { addressTypeOf, normalizeIPOf } from './family';
import type { EndpointSlice, Protocol } from '../model/types';

/** One endpoint of a service port as kube-proxy's EndpointsMap holds it (BaseEndpointInfo). */
export interface EndpointInfo {
  readonly ip: string;
  readonly port: number;
  /** "ip:port" (net.JoinHostPort), the key endpoints are sorted and deduplicated by. */
  readonly endpoint: string;
  readonly nodeName: string;
  /** The endpoint's nodeName is the node the rules are generated for. */
  readonly isLocal: boolean;
  /** Ready == nil || Ready */
  readonly ready: boolean;
  /** Serving == nil || Serving */
  readonly serving: boolean;
  /** Terminating != nil && Terminating */
  readonly terminating: boolean;
}

/**
 * The endpoints of service port (namespace/service, portName, protocol) seen from `nodeName`,
 * built as EndpointSliceCache does: slice ports are matched by name and protocol, the first
 * address of each endpoint is used, duplicates ("ip:port") keep the first unless a later one
 * is local, and the result is sorted by the "ip:port" string (plain string order, so
 * "10.1.1.11:11" sorts before "10.1.1.1:11"). Slices are read in name order, endpoints in
 * address order (kube-proxy reads slices from a map, so only duplicates could tell). Only
 * slices of the proxier's family (`addressType`) count.
 */
export function endpointsForServicePort(
  slices: readonly EndpointSlice[],
  namespace: string,
  serviceName: string,
  portName: string,
  protocol: Protocol,
  nodeName: string,
  family: IPFamily = 4,
): EndpointInfo[] {
  const byEndpoint = new Map<string, EndpointInfo>();
  const relevant = (slicesByService(slices).get(`${namespace}/${serviceName}`) ?? []).filter(
    (s) => s.addressType === addressTypeOf(family),
  );
  for (const slice of relevant) {
    const ports = [...slice.ports].sort((a, b) => a.port - b.port);
    const endpoints = [...slice.endpoints].sort((a, b) => {
      const ka = a.addresses.join(',');
      const kb = b.addresses.join(',');
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    for (const port of ports) {
      if (port.name !== portName || port.protocol !== protocol || port.port === 0) continue;
      for (const ep of endpoints) {
        const first = ep.addresses[0];
        const ip = first === undefined ? undefined : normalizeIPOf(first, family);
        if (ip === undefined) continue;
        const nodeName_ = ep.nodeName ?? '';
        const isLocal = nodeName !== '' && nodeName_ === nodeName;
        const info: EndpointInfo = {
          ip,
          port: port.port,
          endpoint: joinHostPort(ip, port.port),
          nodeName: nodeName_,
          isLocal,
          ready: ep.conditions.ready ?? true,
          serving: ep.conditions.serving ?? true,
          terminating: ep.conditions.terminating ?? false,
        };
        if (!byEndpoint.has(info.endpoint) || isLocal) byEndpoint.set(info.endpoint, info);
      }
    }
  }
  return [...byEndpoint.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
}

const INDEXES = new WeakMap<readonly EndpointSlice[], Map<string, EndpointSlice[]>>();

/** Slices grouped by "namespace/service", each group in name order; cached per slice array. */
function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  let index = INDEXES.get(slices);
  if (index === undefined) {
    index = new Map();
    for (const slice of slices) {
      const key = `${slice.namespace}/${slice.serviceName}`;
      const group = index.get(key) ?? [];
      group.push(slice);
      index.set(key, group);
    }
    for (const group of index.values()) group.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    INDEXES.set(slices, index);
  }
  return index;
}

/** What CategorizeEndpoints returns. */
export interface CategorizedEndpoints {
  /** Usable endpoints for Cluster policy (empty when the port never uses Cluster policy). */
  readonly clusterEndpoints: readonly EndpointInfo[];
  /** Usable local endpoints for Local policy (empty when the port never uses Local policy). */
  readonly localEndpoints: readonly EndpointInfo[];
  /** The union of both: the endpoints that get a KUBE-SEP chain on this node. */
  readonly allReachableEndpoints: readonly EndpointInfo[];
  /** Whether any endpoint anywhere in the cluster is usable. */
  readonly hasAnyEndpoints: boolean;
}

/**
 * pkg/proxy/topology.go CategorizeEndpoints without topology hints (the model has none):
 * Ready endpoints, falling back (separately for Cluster and Local) to serving+terminating ones.
 */
export function categorizeEndpoints(
  endpoints: readonly EndpointInfo[],
  usesClusterEndpoints: boolean,
  usesLocalEndpoints: boolean,
): CategorizedEndpoints {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  if (endpoints.length === 0) return { clusterEndpoints, localEndpoints, allReachableEndpoints: [], hasAnyEndpoints };

  if (usesClusterEndpoints) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints)
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  let useServingTerminating = false;
  if (hasLocalReady) {
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  } else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints)
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  if (!useServingTerminating)
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  // kube-proxy merges through a map (random order); the union is kept sorted instead.
  const union = new Map<string, EndpointInfo>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(ep.endpoint, ep);
  const allReachableEndpoints = [...union.values()].sort((a, b) =>
    a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0,
  );
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
