/**
 * The bounce cluster as the diagram shows it, with the project's shared facts (node and pod
 * addresses, nodePort 30080) so the picture matches what the engine and the kernel suite run.
 */
import type { UiKey } from '../../i18n/index.ts';
import type { DiagramCluster, Route } from './layout.ts';

/** Three nodes on 192.168.10.0/24; pod-1 on node-1, pod-2 on node-2, node-3 empty. */
export const bounceCluster: DiagramCluster = {
  nodes: [
    { name: 'node-1', internalIP: '192.168.10.11', podCIDR: '10.244.1.0/24' },
    { name: 'node-2', internalIP: '192.168.10.12', podCIDR: '10.244.2.0/24' },
    { name: 'node-3', internalIP: '192.168.10.13', podCIDR: '10.244.3.0/24' },
  ],
  pods: [
    { name: 'pod-1', nodeName: 'node-1', ip: '10.244.1.2' },
    { name: 'pod-2', nodeName: 'node-2', ip: '10.244.2.2' },
  ],
  clientIP: '192.168.10.100',
  lanCIDR: '192.168.10.0/24',
  nodePort: 30080,
};

/** A route plus the legend text that explains it. */
export interface LabelledRoute {
  readonly route: Route;
  readonly label: UiKey;
}

/** One figure: its title and long description (for the SVG's accessible name) and routes. */
export interface Figure {
  readonly title: UiKey;
  readonly description: UiKey;
  readonly routes: readonly LabelledRoute[];
}

/** The figures the bounce lesson uses, by name. */
export const bounceFigures = {
  /** The question: a request to node-2's NodePort, nothing more given away. */
  setup: {
    title: 'diagram.setup.title',
    description: 'diagram.setup.desc',
    routes: [{ route: { kind: 'request', node: 'node-2' }, label: 'diagram.path.request' }],
  },
  /** externalTrafficPolicy: Cluster — half stay, half bounce to node-1 with SNAT. */
  cluster: {
    title: 'diagram.cluster.title',
    description: 'diagram.cluster.desc',
    routes: [
      { route: { kind: 'request', node: 'node-2' }, label: 'diagram.path.request' },
      { route: { kind: 'deliver', node: 'node-2', pod: 'pod-2' }, label: 'diagram.path.local' },
      { route: { kind: 'deliver', node: 'node-2', pod: 'pod-1' }, label: 'diagram.path.bounce' },
    ],
  },
  /** externalTrafficPolicy: Local — node-2 keeps everything, node-3 drops. */
  local: {
    title: 'diagram.local.title',
    description: 'diagram.local.desc',
    routes: [
      { route: { kind: 'request', node: 'node-2' }, label: 'diagram.path.request' },
      { route: { kind: 'deliver', node: 'node-2', pod: 'pod-2' }, label: 'diagram.path.kept' },
      { route: { kind: 'dropped', node: 'node-3' }, label: 'diagram.path.dropped' },
    ],
  },
} as const satisfies Record<string, Figure>;

/** The name of one of the bounce lesson's figures. */
export type BounceFigure = keyof typeof bounceFigures;
