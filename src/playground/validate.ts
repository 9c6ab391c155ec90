/**
 * Checks a playground scenario field by field, for the share-link decoder and the editor:
 * every problem names its field and what was wrong, as a code the page words in either
 * language (i18n/playground) and a plain English sentence for logs and tests.
 */
import {
  CILIUM_LBS,
  CILIUM_NODEPORT_MODES,
  CLIENT_KINDS,
  DATAPATHS,
  IP_FAMILIES,
  IPVS_SCHEDULER_NAMES,
  MAX_NODES,
  MAX_PODS,
  MIN_NODES,
  POD_STATES,
  SERVICE_TYPES,
  targetsOf,
  type PlaygroundScenario,
} from './scenario';

/** What can be wrong with a scenario (or an edit that would make it so). */
export type ProblemCode =
  | 'tooManyNodes'
  | 'tooFewNodes'
  | 'tooManyPods'
  | 'podNode'
  | 'podState'
  | 'port'
  | 'nodePort'
  | 'choice'
  | 'clientIndex'
  | 'entry'
  | 'target'
  | 'seed';

/** One problem: its code, the field it is about, and the values its message needs. */
export interface ScenarioProblem {
  readonly code: ProblemCode;
  readonly field: string;
  readonly values: Readonly<Record<string, string | number>>;
}

const isInt = (n: unknown, low: number, high: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= low && n <= high;

/** Every problem of `s` (empty when the scenario is valid). */
export function scenarioProblems(s: PlaygroundScenario): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (code: ProblemCode, field: string, values: Record<string, string | number> = {}) =>
    out.push({ code, field, values });
  const one = <T>(list: readonly T[], value: T, field: string) => {
    if (!list.includes(value)) add('choice', field, { value: String(value), allowed: list.join(', ') });
  };
  if (!isInt(s.nodes, 0, Number.MAX_SAFE_INTEGER) || s.nodes > MAX_NODES)
    add('tooManyNodes', 'nodes', { max: MAX_NODES });
  else if (s.nodes < MIN_NODES) add('tooFewNodes', 'nodes', { min: MIN_NODES });
  if (s.pods.length > MAX_PODS) add('tooManyPods', 'pods', { max: MAX_PODS });
  s.pods.forEach((pod, i) => {
    if (!isInt(pod.node, 0, s.nodes - 1)) add('podNode', `pods[${i}].node`, { pod: i + 1, nodes: s.nodes });
    if (!POD_STATES.includes(pod.state)) add('podState', `pods[${i}].state`, { pod: i + 1 });
  });
  const svc = s.service;
  one(SERVICE_TYPES, svc.type, 'service.type');
  for (const field of ['port', 'targetPort'] as const)
    if (!isInt(svc[field], 1, 65535)) add('port', `service.${field}`, { value: String(svc[field]) });
  if (svc.type === 'ClusterIP' ? svc.nodePort !== 0 : !isInt(svc.nodePort, 30000, 32767))
    add('nodePort', 'service.nodePort', { value: String(svc.nodePort) });
  one(['Cluster', 'Local'], svc.externalTrafficPolicy, 'service.externalTrafficPolicy');
  one(['Cluster', 'Local'], svc.internalTrafficPolicy, 'service.internalTrafficPolicy');
  one(['None', 'ClientIP'], svc.sessionAffinity, 'service.sessionAffinity');
  one(CLIENT_KINDS, s.client.kind, 'client.kind');
  const clientMax = s.client.kind === 'pod' ? s.pods.length - 1 : s.client.kind === 'node' ? s.nodes - 1 : 0;
  if (!isInt(s.client.index, 0, clientMax)) add('clientIndex', 'client.index', { kind: s.client.kind });
  if (!isInt(s.entry, 0, s.nodes - 1)) add('entry', 'entry', { nodes: s.nodes });
  if (!targetsOf(svc.type).includes(s.target))
    add('target', 'target', { target: String(s.target), type: String(svc.type) });
  one(IP_FAMILIES, s.family, 'family');
  one(DATAPATHS, s.datapath.mode, 'datapath.mode');
  one(IPVS_SCHEDULER_NAMES, s.datapath.ipvsScheduler, 'datapath.ipvsScheduler');
  one(CILIUM_LBS, s.datapath.ciliumLb, 'datapath.ciliumLb');
  one(CILIUM_NODEPORT_MODES, s.datapath.ciliumNodePort, 'datapath.ciliumNodePort');
  if (!isInt(s.seed, 0, 0xffffffff)) add('seed', 'seed', { value: String(s.seed) });
  return out;
}
