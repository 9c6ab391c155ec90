/**
 * One orientation of the live diagram: the cluster (client, LAN, nodes, pods with their
 * counters, NodePort badges), the last run's routes, and whatever the caller lays over it
 * (the sample connection). Geometry comes from components/diagram/layout.ts, data as props.
 */
import type { ComponentChildren } from 'preact';
import { clippedPathData } from '../components/diagram/clip';
import {
  nodePortBadges,
  type ClusterLayout,
  type DiagramCluster,
  type Point,
  type RoutePath,
} from '../components/diagram/layout';
import { fill } from './fill';
import { count } from './numbers';

/** Words the diagram shares with the static figure (from the site's strings). */
export interface DiagramWords {
  readonly client: string;
  readonly lan: string;
  readonly nodeIp: string;
  readonly nodePods: string;
  readonly nodePort: string;
  readonly noPods: string;
}

interface Props {
  readonly layout: ClusterLayout;
  readonly cluster: DiagramCluster;
  readonly words: DiagramWords;
  readonly title: string;
  readonly desc: string;
  /** The node that receives the requests, outlined. */
  readonly receiving: string | null;
  /** The last run's routes, when it matches the controls. */
  readonly routes: readonly RoutePath[];
  /** Connections per pod of the run shown, or null before a run. */
  readonly counts: Readonly<Record<string, number>> | null;
  readonly counter: string;
  readonly noRun: string;
  /** Said in place of a counter in a client pod's box. */
  readonly clientPod: string;
  /** The "dropped: {count}" label and the count, drawn beside a drop's cross. */
  readonly dropped: string;
  readonly droppedCount: number;
  readonly locale: string;
  readonly children?: ComponentChildren;
}

const kinds = ['request', 'local', 'forwarded', 'dropped'] as const;

/** The cross drawn where a connection is dropped. */
export function cross(end: Point, size = 7): string {
  return `M${end.x - size} ${end.y - size} L${end.x + size} ${end.y + size} M${end.x + size} ${end.y - size} L${end.x - size} ${end.y + size}`;
}

/** One orientation of the live diagram: the cluster, the last run's routes, and the caller's layer on top. */
export function DiagramDrawing(props: Props) {
  const { layout, cluster, words, routes, counts, locale } = props;
  const id = `live-diagram-${layout.orientation}`;
  const wide = layout.orientation === 'wide';
  // Arrows are drawn around the badges, never through their text.
  const badges = nodePortBadges(layout, cluster);
  return (
    <svg
      class={`diagram__svg diagram__svg--${layout.orientation}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-orientation={layout.orientation}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.desc}</desc>
      <defs>
        {kinds.map((kind) => (
          <marker
            key={kind}
            id={`${id}-arrow-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path class={`arrowhead arrowhead--${kind}`} d="M0 0 L10 5 L0 10 z" />
          </marker>
        ))}
      </defs>
      <line class="lan" x1={layout.bus.from.x} y1={layout.bus.from.y} x2={layout.bus.to.x} y2={layout.bus.to.y} />
      {wide ? (
        <text class="d-small d-label" x={layout.bus.from.x + 4} y={layout.bus.at - 6}>
          {fill(words.lan, { cidr: cluster.lanCIDR })}
        </text>
      ) : (
        <text
          class="d-small d-label"
          x={layout.bus.at - 6}
          y={layout.bus.to.y - 4}
          transform={`rotate(-90 ${layout.bus.at - 6} ${layout.bus.to.y - 4})`}
        >
          {fill(words.lan, { cidr: cluster.lanCIDR })}
        </text>
      )}
      <g class="client">
        <rect
          class="box box--client"
          x={layout.client.rect.x}
          y={layout.client.rect.y}
          width={layout.client.rect.width}
          height={layout.client.rect.height}
          rx="8"
        />
        <text
          class="d-strong d-label"
          x={layout.client.rect.x + layout.client.rect.width / 2}
          y={layout.client.rect.y + 24}
          text-anchor="middle"
        >
          {words.client}
        </text>
        <text
          class="d-mono d-label"
          x={layout.client.rect.x + layout.client.rect.width / 2}
          y={layout.client.rect.y + 44}
          text-anchor="middle"
        >
          {cluster.clientIP}
        </text>
      </g>
      {layout.nodes.map((box) => (
        <g
          key={box.node.name}
          class={`node${box.node.name === props.receiving ? ' node--receiving' : ''}`}
          data-node={box.node.name}
        >
          <line
            class="link"
            x1={box.port.x}
            y1={box.port.y}
            x2={layout.bus.axis === 'y' ? box.port.x : layout.bus.at}
            y2={layout.bus.axis === 'y' ? layout.bus.at : box.port.y}
          />
          <rect
            class="box box--node"
            x={box.rect.x}
            y={box.rect.y}
            width={box.rect.width}
            height={box.rect.height}
            rx="10"
          />
          <text class="d-strong d-label" x={box.labels.name.x} y={box.labels.name.y}>
            {box.node.name}
          </text>
          <text class="d-small d-label" x={box.labels.ip.x} y={box.labels.ip.y}>
            {fill(words.nodeIp, { ip: box.node.internalIP })}
          </text>
          <text class="d-small d-label" x={box.labels.podCIDR.x} y={box.labels.podCIDR.y}>
            {fill(words.nodePods, { cidr: box.node.podCIDR })}
          </text>
          {box.pods.length === 0 ? (
            <g class="empty">
              <rect
                class="box box--empty"
                x={box.emptySlot.x}
                y={box.emptySlot.y}
                width={box.emptySlot.width}
                height={box.emptySlot.height}
                rx="8"
              />
              <text
                class="d-small d-muted d-label"
                x={box.emptySlot.x + box.emptySlot.width / 2}
                y={box.emptySlot.y + box.emptySlot.height / 2 + 5}
                text-anchor="middle"
              >
                {words.noPods}
              </text>
            </g>
          ) : (
            box.pods.map((pod) => (
              <g key={pod.pod.name} class="pod" data-pod={pod.pod.name}>
                <rect
                  class={pod.pod.client ? 'box box--client' : 'box box--pod'}
                  x={pod.rect.x}
                  y={pod.rect.y}
                  width={pod.rect.width}
                  height={pod.rect.height}
                  rx="8"
                />
                <text class="d-strong d-label" x={pod.rect.x + 12} y={pod.rect.y + 21}>
                  {pod.pod.name}
                </text>
                <text class="d-mono d-label" x={pod.rect.x + 12} y={pod.rect.y + 40}>
                  {pod.pod.ip}
                </text>
                <text
                  class="d-small live-counter d-label"
                  x={pod.rect.x + 12}
                  y={pod.rect.y + 58}
                  data-testid={`diagram-count-${pod.pod.name}`}
                >
                  {pod.pod.client
                    ? props.clientPod
                    : counts
                      ? fill(props.counter, { count: count(locale, counts[pod.pod.name] ?? 0) })
                      : props.noRun}
                </text>
              </g>
            ))
          )}
        </g>
      ))}
      {routes.map((path, i) => (
        <path
          key={i}
          class={`route route--${path.kind}`}
          d={clippedPathData(path.points, badges)}
          marker-end={path.kind === 'dropped' ? undefined : `url(#${id}-arrow-${path.kind})`}
        />
      ))}
      {badges.length > 0 &&
        layout.nodes.map((box) => (
          <g key={box.node.name} class="badge d-label-box">
            <rect
              x={box.badge.x}
              y={box.badge.y}
              width={box.badge.width}
              height={box.badge.height}
              rx={box.badge.height / 2}
            />
            <text x={box.badge.x + box.badge.width / 2} y={box.badge.y + box.badge.height / 2 + 5} text-anchor="middle">
              {fill(words.nodePort, { port: cluster.nodePort })}
            </text>
          </g>
        ))}
      {routes
        .filter((path) => path.kind === 'dropped')
        .map((path, i) => {
          const end = path.points[path.points.length - 1] ?? { x: 0, y: 0 };
          return (
            <g key={`drop-${i}`}>
              <path class="cross" d={cross(end)} />
              {/* Only the wide drawing has room beside the cross; the tall one has the caption. */}
              {wide && (
                <text
                  class="d-small live-counter d-label"
                  x={end.x + 14}
                  y={end.y + 5}
                  data-testid="diagram-count-dropped"
                >
                  {fill(props.dropped, { count: count(locale, props.droppedCount) })}
                </text>
              )}
            </g>
          );
        })}
      {props.children}
    </svg>
  );
}
