/** Small facts about the lesson under some settings, for the islands: no engine needed. */
import type { LabConfig } from '../engine/lab/config';
import type { Scenario } from './model';

/** The entry node: the entryNode setting, else the first connection's node (or the first node). */
export function entryNodeOf(lesson: LabConfig | null, scenario: Scenario): string {
  if (!lesson) return '';
  const control = lesson.controls.find((c) => c.kind === 'entryNode');
  if (control) return scenario[control.id] ?? control.default;
  const first = lesson.spec.traffic.connections[0];
  if (first?.node) return first.node;
  const client = lesson.spec.traffic.clients.find((c) => c.name === first?.from);
  const pod = client && 'pod' in client ? lesson.cluster.pods.find((p) => p.name === client.pod) : undefined;
  return pod?.nodeName ?? lesson.cluster.nodes[0]?.name ?? '';
}

/** Pod name → the node it runs on. */
export function podNodesOf(lesson: LabConfig | null): Readonly<Record<string, string>> {
  return Object.fromEntries((lesson?.cluster.pods ?? []).map((p) => [p.name, p.nodeName]));
}

/** "2" for "node-2", so sentences read "node 2"; other names stay whole. */
export function shortNode(name: string): string {
  return /^node-(\d+)$/.exec(name)?.[1] ?? name;
}
