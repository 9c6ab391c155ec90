/**
 * Kubernetes YAML in and out of the playground, loaded only when the reader asks for it (the
 * YAML library is the largest piece of the model code). Export writes the scenario's cluster
 * as manifests; import reads manifests with the engine's loader — its errors keep their file
 * line and field path, worded in the reader's language — and fits the cluster to the
 * playground: its nodes in order, the pods of its one Service, that Service's first port.
 */
import {
  formatManifestError,
  ipv6View,
  loadManifests,
  toManifests,
  type Cluster,
  type Language,
} from '../engine/model';
import { toCluster } from './cluster';
import { DEFAULT_SCENARIO, MAX_NODES, MAX_PODS, type PlaygroundPod, type PlaygroundScenario } from './scenario';
import { scenarioProblems, type ScenarioProblem } from './validate';

/** The scenario as multi-document Kubernetes YAML (Nodes, Pods, the Service, its EndpointSlice, KubeProxyConfiguration). */
export function exportYaml(s: PlaygroundScenario): string {
  return toManifests(toCluster(s));
}

/** Why imported manifests do not fit the playground (beyond the loader's own errors). */
export type FitProblem =
  | ScenarioProblem
  | {
      readonly code: 'noService' | 'manyServices' | 'noNodes';
      readonly field: string;
      readonly values: Readonly<Record<string, string | number>>;
    };

/** An import's outcome: the scenario, or the loader's messages (already worded) or fit problems. */
export type ImportResult =
  | {
      readonly ok: true;
      readonly scenario: PlaygroundScenario;
      readonly warnings: readonly string[];
      /** The manifests were dual-stack: the scenario keeps the reader's IP family (IPv4 or IPv6). */
      readonly dualStack: boolean;
    }
  | { readonly ok: false; readonly errors: readonly string[]; readonly problems: readonly FitProblem[] };

/** Reads manifests into a playground scenario, keeping the current client, entry node, datapath choices and seed where they still fit. */
export function importYaml(
  text: string,
  language: Language,
  current: PlaygroundScenario = DEFAULT_SCENARIO,
): ImportResult {
  const loaded = loadManifests(text, 'scenario.yaml');
  const warnings = loaded.warnings.map((w) => formatManifestError(w, language));
  if (!loaded.cluster)
    return { ok: false, errors: loaded.errors.map((e) => formatManifestError(e, language)), problems: [] };
  const fitted = fromCluster(loaded.cluster, current);
  return 'problems' in fitted
    ? { ok: false, errors: [], problems: fitted.problems }
    : { ok: true, scenario: fitted.scenario, warnings, dualStack: isDualStack(loaded.cluster) };
}

/** Every node has an IPv6 InternalIP and the one Service an IPv6 ClusterIP: the playground can walk its IPv6 half. */
function isDualStack(cluster: Cluster): boolean {
  const view = ipv6View(cluster);
  return (
    view !== undefined &&
    view.nodes.length === cluster.nodes.length &&
    view.services.some((s) => s.clusterIP !== 'None')
  );
}

/** Fits a loaded cluster to the playground's model. */
export function fromCluster(
  cluster: Cluster,
  current: PlaygroundScenario = DEFAULT_SCENARIO,
): { scenario: PlaygroundScenario } | { problems: FitProblem[] } {
  const services = cluster.services.filter((s) => s.clusterIP !== 'None');
  if (cluster.nodes.length === 0) return { problems: [{ code: 'noNodes', field: 'nodes', values: {} }] };
  if (cluster.nodes.length > MAX_NODES)
    return { problems: [{ code: 'tooManyNodes', field: 'nodes', values: { max: MAX_NODES } }] };
  if (services.length === 0) return { problems: [{ code: 'noService', field: 'services', values: {} }] };
  if (services.length > 1)
    return { problems: [{ code: 'manyServices', field: 'services', values: { count: services.length } }] };
  const svc = services[0]!;
  const port = svc.ports[0];
  if (!port) return { problems: [{ code: 'noService', field: 'services', values: {} }] };
  const nodeIndex = new Map(cluster.nodes.map((n, i) => [n.name, i]));
  // The Service's pods: those its EndpointSlices name (or its selector picks), on known nodes.
  const sliceIPs = new Set(
    cluster.endpointSlices
      .filter((s) => s.serviceName === svc.name && s.namespace === svc.namespace)
      .flatMap((s) => s.endpoints.flatMap((e) => e.addresses)),
  );
  const selected = cluster.pods.filter(
    (p) =>
      p.namespace === svc.namespace &&
      (sliceIPs.has(p.ip) ||
        (svc.selector !== undefined && Object.entries(svc.selector).every(([k, v]) => p.labels[k] === v))),
  );
  if (selected.length > MAX_PODS)
    return { problems: [{ code: 'tooManyPods', field: 'pods', values: { max: MAX_PODS } }] };
  const pods: PlaygroundPod[] = [];
  for (const p of selected) {
    const node = nodeIndex.get(p.nodeName);
    if (node === undefined) continue;
    pods.push({ node, state: p.terminating ? 'terminating' : p.ready ? 'ready' : 'notReady' });
  }
  const targetPort =
    typeof port.targetPort === 'number'
      ? port.targetPort
      : (selected[0]?.ports.find((c) => c.name === port.targetPort)?.containerPort ?? port.port);
  const nodes = cluster.nodes.length;
  const type = svc.type;
  const mode = cluster.proxy.mode;
  const scenario: PlaygroundScenario = {
    ...current,
    nodes,
    pods,
    service: {
      type,
      port: port.port,
      targetPort,
      nodePort: type === 'ClusterIP' ? 0 : port.nodePort || DEFAULT_SCENARIO.service.nodePort,
      externalTrafficPolicy: svc.externalTrafficPolicy,
      internalTrafficPolicy: svc.internalTrafficPolicy,
      sessionAffinity: svc.sessionAffinity,
    },
    entry: Math.min(current.entry, nodes - 1),
    client: current.client.kind === 'external' ? current.client : { kind: 'external', index: 0 },
    target:
      type === 'ClusterIP'
        ? 'clusterIP'
        : current.target === 'loadBalancer' && type !== 'LoadBalancer'
          ? 'nodePort'
          : current.target,
    // The reader's family when the manifests have both; IPv4 when they have only that.
    family: isDualStack(cluster) ? current.family : 'IPv4',
    datapath: { ...current.datapath, mode: current.datapath.mode === 'cilium' ? 'cilium' : mode },
  };
  const problems = scenarioProblems(scenario);
  return problems.length > 0 ? { problems } : { scenario };
}
