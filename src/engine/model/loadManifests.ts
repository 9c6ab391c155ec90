import { deriveMissingEndpointSlices } from './deriveEndpointSlices';
import type { ManifestError } from './errors';
import { makeManifestError } from './errors';
import type { Collected } from './load/collect';
import { collectDocuments } from './load/collect';
import { crossCheck } from './load/crossCheck';
import type { ManifestSource } from './load/documents';
import { parseDocuments } from './load/documents';
import { DEFAULT_PROXY_CONFIG } from './load/readProxyConfig';
import type { Cluster } from './types';

export type { ManifestSource } from './load/documents';

/** The outcome of loading manifests: a cluster only when there was no error. */
export interface LoadResult {
  /** Present exactly when `errors` is empty. */
  readonly cluster?: Cluster;
  /** Problems that stop the cluster from loading, in input order. */
  readonly errors: readonly ManifestError[];
  /** Things ignored or assumed; the cluster still loads. */
  readonly warnings: readonly ManifestError[];
}

/**
 * Reads Kubernetes manifests (YAML or JSON, any number of documents, `List`s included, as
 * `kubectl get -o yaml` prints them) into a Cluster with the API defaults applied. Selector
 * Services without EndpointSlices get slices derived from their pods, as the EndpointSlice
 * controller would write them. Never throws: every problem is a ManifestError.
 */
export function loadManifests(text: string, source?: string): LoadResult {
  return loadManifestSources([source === undefined ? { text } : { text, source }]);
}

/** Like loadManifests, for several inputs that together describe one cluster. */
export function loadManifestSources(sources: readonly ManifestSource[]): LoadResult {
  const sink: ManifestError[] = [];
  const collected: Collected = { nodes: [], pods: [], services: [], slices: [], proxyConfigs: [] };
  let documents = 0;
  for (const input of sources) {
    try {
      const docs = parseDocuments(input, sink);
      documents += docs.length;
      collectDocuments(docs, sink, collected);
    } catch (e) {
      sink.push(internalError(e, input.source));
    }
  }
  let cluster: Cluster | undefined;
  try {
    cluster = assemble(collected, sink, documents);
  } catch (e) {
    sink.push(internalError(e, undefined));
  }
  const errors = sink.filter((e) => e.severity === 'error');
  const warnings = sink.filter((e) => e.severity === 'warning');
  return errors.length === 0 && cluster !== undefined ? { cluster, errors, warnings } : { errors, warnings };
}

function assemble(collected: Collected, sink: ManifestError[], documents: number): Cluster | undefined {
  const whole = { document: 0, path: '' };
  if (documents === 0) {
    sink.push(makeManifestError('error', 'no-objects', {}, whole));
    return undefined;
  }
  crossCheck(collected);
  if (collected.nodes.length === 0) sink.push(makeManifestError('error', 'no-nodes', {}, whole));
  const configs = collected.proxyConfigs;
  if (configs.length > 1) configs[1]?.ctx.error('multiple-proxy-configs', {}, []);
  if (configs.length === 0) sink.push(makeManifestError('warning', 'no-proxy-config', {}, whole));

  const services = collected.services.map((s) => s.value);
  const pods = collected.pods.map((p) => p.value);
  // IPv6 slices are kept apart: every IPv4 reader of endpointSlices stays IPv4 (model/family.ts).
  const given = collected.slices.map((s) => s.value).filter((s) => s.addressType === 'IPv4');
  const givenV6 = collected.slices.map((s) => s.value).filter((s) => s.addressType === 'IPv6');
  const derived = deriveMissingEndpointSlices(services, pods, given);
  for (const miss of derived.unresolved) {
    const ctx = collected.services.find((s) => s.value === miss.service)?.ctx;
    const port = miss.service.ports[miss.portIndex];
    if (ctx === undefined || port === undefined) continue;
    ctx.warn(
      'target-port-unresolved',
      { pod: miss.pod.name, name: String(port.targetPort), protocol: port.protocol, port: port.port },
      ['spec', 'ports', miss.portIndex, 'targetPort'],
    );
  }
  return {
    nodes: collected.nodes.map((n) => n.value),
    pods,
    services,
    endpointSlices: [...given, ...derived.slices],
    ...(givenV6.length === 0 ? {} : { ipv6EndpointSlices: givenV6 }),
    proxy: configs[0]?.value ?? DEFAULT_PROXY_CONFIG,
  };
}

function internalError(e: unknown, source: string | undefined): ManifestError {
  return makeManifestError(
    'error',
    'internal-error',
    { detail: e instanceof Error ? e.message : String(e) },
    {
      ...(source === undefined ? {} : { source }),
      document: 0,
      path: '',
    },
  );
}
