/**
 * The lesson's controls, resolved against its scenario: each gets the id it is known by in
 * settings and links, the values it offers and its default (what the scenario file says),
 * and a patch that applies a value to the cluster or the traffic. One generic mechanism:
 * the stores and islands only ever see ids and string values.
 */
import type { Cluster } from '../model/types';
import { serviceOf } from './service';
import type { ControlKind, ControlSpec, Readiness, TrafficSpec } from './spec';

/** A control as the page offers it. */
export interface Control {
  /** Its id in settings and its deep-link parameter ("policy", "node", "ready-pod-2", …). */
  readonly id: string;
  readonly kind: ControlKind;
  /** The values offered, in order. */
  readonly values: readonly string[];
  /** The scenario's own value. */
  readonly default: string;
  /** For endpointReadiness: the pod it acts on. */
  readonly pod?: string;
}

/** The reader's settings: control id → value. */
export type Settings = Readonly<Record<string, string>>;

/** Deep-link parameter of each kind (bounce's newsletter links use policy and node). */
const PARAM: Readonly<Record<ControlKind, string>> = {
  externalTrafficPolicy: 'policy',
  internalTrafficPolicy: 'itp',
  sessionAffinity: 'affinity',
  sessionAffinityTimeout: 'timeout',
  entryNode: 'node',
  client: 'client',
  datapath: 'datapath',
  endpointReadiness: 'ready',
};

function readinessOf(cluster: Cluster, pod: string): Readiness {
  const p = cluster.pods.find((x) => x.name === pod);
  if (!p) throw new RangeError(`no pod "${pod}" in the scenario (pods: ${cluster.pods.map((x) => x.name).join(', ')})`);
  return p.terminating ? 'terminating' : p.ready ? 'ready' : 'notReady';
}

/** Resolves one control: its id, values and default (throws RangeError naming what is missing). */
export function resolveControl(spec: ControlSpec, cluster: Cluster, traffic: TrafficSpec): Control {
  const service = serviceOf(cluster, traffic);
  const firstNode = traffic.connections.find((c) => c.to === 'nodePort')?.node ?? '';
  const base = { id: PARAM[spec.kind], kind: spec.kind };
  switch (spec.kind) {
    case 'externalTrafficPolicy':
      return { ...base, values: ['Cluster', 'Local'], default: service.externalTrafficPolicy };
    case 'internalTrafficPolicy':
      return { ...base, values: ['Cluster', 'Local'], default: service.internalTrafficPolicy };
    case 'sessionAffinity':
      return { ...base, values: ['None', 'ClientIP'], default: service.sessionAffinity };
    case 'sessionAffinityTimeout':
      return { ...base, values: spec.values.map(String), default: String(service.sessionAffinityTimeoutSeconds) };
    case 'entryNode':
      return { ...base, values: spec.values ?? cluster.nodes.map((n) => n.name), default: firstNode };
    case 'client':
      return {
        ...base,
        values: spec.values ?? traffic.clients.map((c) => c.name),
        default: traffic.connections[0]?.from ?? '',
      };
    case 'datapath':
      // Cilium is offered only when a lesson asks for it: it replaces kube-proxy, not a mode of it.
      return { ...base, values: spec.values ?? ['iptables', 'nftables'], default: cluster.proxy.mode };
    case 'endpointReadiness':
      return {
        ...base,
        id: `ready-${spec.pod}`,
        values: spec.values ?? ['ready', 'notReady', 'terminating'],
        default: readinessOf(cluster, spec.pod),
        pod: spec.pod,
      };
  }
}

/** Every control of a lesson; a default outside the offered values is an authoring error. */
export function resolveControls(specs: readonly ControlSpec[], cluster: Cluster, traffic: TrafficSpec): Control[] {
  return specs.map((spec, i) => {
    const control = resolveControl(spec, cluster, traffic);
    if (control.kind === 'entryNode') {
      const unknown = control.values.find((v) => !cluster.nodes.some((n) => n.name === v));
      if (unknown) throw new RangeError(`controls[${i}].values: no node "${unknown}" in the scenario`);
    }
    if (!control.values.includes(control.default)) {
      throw new RangeError(
        `controls[${i}]: the scenario's value "${control.default}" is not among values [${control.values.join(', ')}]`,
      );
    }
    return control;
  });
}

/** The scenario's own settings: every control at its default. */
export function defaultSettings(controls: readonly Control[]): Settings {
  return Object.fromEntries(controls.map((c) => [c.id, c.default]));
}

/** True when `settings` gives every control one of its values and nothing else. */
export function isValidSettings(controls: readonly Control[], settings: Settings): boolean {
  const keys = Object.keys(settings);
  return keys.length === controls.length && controls.every((c) => c.values.includes(settings[c.id] ?? '\u0000'));
}
