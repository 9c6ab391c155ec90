/**
 * The editor's operations on a scenario. Each returns the next scenario, or the unchanged one
 * with the problem that stopped it (a limit such as "at most 10 nodes"), so the page can say
 * why a button did nothing. Follow-on fixes are made here, in one place: removing a node moves
 * its pods to the first node, a Service type without node ports falls back to the ClusterIP.
 */
import {
  DEFAULT_SCENARIO,
  IP_FAMILIES,
  MAX_NODES,
  MAX_PODS,
  MIN_NODES,
  targetsOf,
  type DatapathChoice,
  type IpFamily,
  type PlaygroundClient,
  type PlaygroundScenario,
  type PlaygroundService,
  type PodState,
  type Target,
} from './scenario';
import type { ScenarioProblem } from './validate';

/** An edit's result: the scenario to show and, when the edit was refused, why. */
export interface EditResult {
  readonly scenario: PlaygroundScenario;
  readonly problem: ScenarioProblem | null;
}

const ok = (scenario: PlaygroundScenario): EditResult => ({ scenario, problem: null });
const refuse = (scenario: PlaygroundScenario, problem: ScenarioProblem): EditResult => ({ scenario, problem });

/** Keeps the client pointing at something that still exists. */
function fixClient(s: PlaygroundScenario): PlaygroundScenario {
  const { kind, index } = s.client;
  const max = kind === 'pod' ? s.pods.length - 1 : kind === 'node' ? s.nodes - 1 : 0;
  if (kind === 'pod' && s.pods.length === 0) return { ...s, client: { kind: 'external', index: 0 } };
  return index > max ? { ...s, client: { kind, index: max } } : s;
}

/** Adds a node at the end. */
export function addNode(s: PlaygroundScenario): EditResult {
  if (s.nodes >= MAX_NODES) return refuse(s, { code: 'tooManyNodes', field: 'nodes', values: { max: MAX_NODES } });
  return ok({ ...s, nodes: s.nodes + 1 });
}

/** Removes the last node; its pods move to the first node, and the entry/client follow. */
export function removeNode(s: PlaygroundScenario): EditResult {
  if (s.nodes <= MIN_NODES) return refuse(s, { code: 'tooFewNodes', field: 'nodes', values: { min: MIN_NODES } });
  const nodes = s.nodes - 1;
  const pods = s.pods.map((p) => (p.node >= nodes ? { ...p, node: 0 } : p));
  return ok(fixClient({ ...s, nodes, pods, entry: Math.min(s.entry, nodes - 1) }));
}

/** Adds a ready pod on `node`. */
export function addPod(s: PlaygroundScenario, node: number): EditResult {
  if (s.pods.length >= MAX_PODS) return refuse(s, { code: 'tooManyPods', field: 'pods', values: { max: MAX_PODS } });
  if (!Number.isInteger(node) || node < 0 || node >= s.nodes)
    return refuse(s, { code: 'podNode', field: 'pods', values: { pod: s.pods.length + 1, nodes: s.nodes } });
  return ok({ ...s, pods: [...s.pods, { node, state: 'ready' }] });
}

/** Removes pod `index`; a client that was that pod becomes the external client. */
export function removePod(s: PlaygroundScenario, index: number): EditResult {
  if (index < 0 || index >= s.pods.length) return ok(s);
  const pods = s.pods.filter((_, i) => i !== index);
  let client: PlaygroundClient = s.client;
  if (client.kind === 'pod') {
    if (client.index === index) client = { kind: 'external', index: 0 };
    else if (client.index > index) client = { kind: 'pod', index: client.index - 1 };
  }
  return ok(fixClient({ ...s, pods, client }));
}

/** Moves pod `index` to `node` (it gets a new address there, as a rescheduled pod would). */
export function movePod(s: PlaygroundScenario, index: number, node: number): EditResult {
  const pod = s.pods[index];
  if (!pod) return ok(s);
  if (!Number.isInteger(node) || node < 0 || node >= s.nodes)
    return refuse(s, { code: 'podNode', field: `pods[${index}].node`, values: { pod: index + 1, nodes: s.nodes } });
  return ok({ ...s, pods: s.pods.map((p, i) => (i === index ? { ...p, node } : p)) });
}

/** Marks pod `index` ready, not ready or terminating. */
export function setPodState(s: PlaygroundScenario, index: number, state: PodState): EditResult {
  if (!s.pods[index]) return ok(s);
  return ok({ ...s, pods: s.pods.map((p, i) => (i === index ? { ...p, state } : p)) });
}

/** Changes Service fields; a type change keeps the node port and the target consistent with it. */
export function setService(s: PlaygroundScenario, patch: Partial<PlaygroundService>): EditResult {
  const service = { ...s.service, ...patch };
  for (const field of ['port', 'targetPort'] as const) {
    const v = service[field];
    if (!Number.isInteger(v) || v < 1 || v > 65535)
      return refuse(s, { code: 'port', field: `service.${field}`, values: { value: String(v) } });
  }
  if (service.type === 'ClusterIP') service.nodePort = 0;
  else if (patch.nodePort === undefined && service.nodePort === 0) service.nodePort = DEFAULT_SCENARIO.service.nodePort;
  if (
    service.type !== 'ClusterIP' &&
    (!Number.isInteger(service.nodePort) || service.nodePort < 30000 || service.nodePort > 32767)
  )
    return refuse(s, { code: 'nodePort', field: 'service.nodePort', values: { value: String(service.nodePort) } });
  const target = targetsOf(service.type).includes(s.target) ? s.target : 'clusterIP';
  return ok({ ...s, service, target });
}

/** Chooses who connects. */
export function setClient(s: PlaygroundScenario, client: PlaygroundClient): EditResult {
  const max = client.kind === 'pod' ? s.pods.length - 1 : client.kind === 'node' ? s.nodes - 1 : 0;
  if (!Number.isInteger(client.index) || client.index < 0 || client.index > max)
    return refuse(s, { code: 'clientIndex', field: 'client.index', values: { kind: client.kind } });
  return ok({ ...s, client });
}

/** Chooses the node the client's packets reach. */
export function setEntry(s: PlaygroundScenario, entry: number): EditResult {
  if (!Number.isInteger(entry) || entry < 0 || entry >= s.nodes)
    return refuse(s, { code: 'entry', field: 'entry', values: { nodes: s.nodes } });
  return ok({ ...s, entry });
}

/** Chooses what the client connects to (only what the Service type offers). */
export function setTarget(s: PlaygroundScenario, target: Target): EditResult {
  if (!targetsOf(s.service.type).includes(target))
    return refuse(s, { code: 'target', field: 'target', values: { target, type: s.service.type } });
  return ok({ ...s, target });
}

/** Chooses the connections' IP family (IPv6: the cluster becomes dual-stack). */
export function setFamily(s: PlaygroundScenario, family: IpFamily): EditResult {
  if (!IP_FAMILIES.includes(family))
    return refuse(s, {
      code: 'choice',
      field: 'family',
      values: { value: String(family), allowed: IP_FAMILIES.join(', ') },
    });
  return ok({ ...s, family });
}

/** Changes the datapath or its options. */
export function setDatapath(s: PlaygroundScenario, patch: Partial<DatapathChoice>): EditResult {
  return ok({ ...s, datapath: { ...s.datapath, ...patch } });
}

/** Sets the seed (a whole number 0…4294967295). */
export function setSeed(s: PlaygroundScenario, seed: number): EditResult {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return refuse(s, { code: 'seed', field: 'seed', values: { value: String(seed) } });
  return ok({ ...s, seed });
}
