/**
 * The bounce cluster as the diagram shows it, taken from the engine's scenario so the picture
 * always matches the cluster the engine and the kernel suite run.
 */
import type { UiKey } from '../../i18n/index';
import { BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT, bounceCluster as engineBounceCluster } from '../../engine/model';
import type { DiagramCluster, Route } from './layout';

const scenario = engineBounceCluster();

/** Three nodes on 192.168.10.0/24; pod-1 on node-1, pod-2 on node-2, node-3 empty. */
export const bounceCluster: DiagramCluster = {
  nodes: scenario.nodes,
  pods: scenario.pods,
  clientIP: BOUNCE_CLIENT_IP,
  // The scenario puts every node and the client on this LAN; it has no object of its own.
  lanCIDR: '192.168.10.0/24',
  nodePort: BOUNCE_NODE_PORT,
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
