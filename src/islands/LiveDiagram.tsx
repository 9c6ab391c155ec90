/**
 * The cluster diagram, live: the same geometry as the static figure (components/diagram),
 * with the last run's routes and per-pod counters, one sample connection animated along its
 * path (numbered steps instead when the reader prefers reduced motion), and the path told
 * as text for screen readers.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  layoutCluster,
  pathData,
  routePath,
  type ClusterLayout,
  type DiagramCluster,
  type Orientation,
  type Point,
} from '../components/diagram/layout.ts';
import { $lastRun } from '../stores/lastRun.ts';
import { defaultScenario, DROPPED, nodeName, type RunSummary } from '../stores/model.ts';
import { $scenario } from '../stores/scenario.ts';
import { $story } from '../stores/story.ts';
import type { ConnectionStory } from '../stores/lab/types.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { fill } from './fill.ts';
import { count } from './numbers.ts';
import { runRoutes, storyRoute } from './diagramRoutes.ts';
import { useClientStore } from './useClientStore.ts';

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
  /** The cluster to draw (the site's diagram data, passed as props). */
  readonly cluster: DiagramCluster;
  readonly strings: LiveStrings['diagram'];
  readonly path: LiveStrings['path'];
  readonly words: DiagramWords;
  readonly locale: string;
}

const orientations = ['wide', 'tall'] as const satisfies readonly Orientation[];

const legend = [
  ['request', 'legendRequest'],
  ['local', 'legendLocal'],
  ['forwarded', 'legendForwarded'],
  ['dropped', 'legendDropped'],
] as const;

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(true);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

interface DrawingProps {
  readonly layout: ClusterLayout;
  readonly run: RunSummary | null;
  readonly story: ConnectionStory | null;
  readonly animate: boolean;
  readonly replay: number;
  readonly props: Props;
  readonly scenario: { readonly policy: 'Cluster' | 'Local'; readonly node: 1 | 2 | 3 };
}

function Drawing({ layout, run, story, animate, replay, props, scenario }: DrawingProps) {
  const { strings, words, locale } = props;
  const id = `live-diagram-${layout.orientation}`;
  const routes = runRoutes(scenario, run).map((r) => routePath(layout, r));
  const shown = run && run.scenario.policy === scenario.policy && run.scenario.node === scenario.node ? run : null;
  const sample = story ? storyRoute(story.receiving, story.pod).map((r) => routePath(layout, r)) : [];
  const samplePoints: Point[] = sample.flatMap((p, i) => (i === 0 ? [...p.points] : p.points.slice(1)));
  const receiving = layout.nodes.find((n) => n.node.name === nodeName(scenario.node));
  // Where the sample connection crossed to another node with a new source: label the lane.
  const forwarded = sample.find((p) => p.kind === 'forwarded');
  const snat = story?.narration.find((n) => n.key === 'masq')?.values['src'];
  // Only the wide drawing has room beside the lane; the tall one relies on the legend.
  const lane = forwarded && snat && layout.orientation === 'wide' ? { a: forwarded.points[1], b: forwarded.points[2] } : null;
  const kinds = ['request', 'local', 'forwarded', 'dropped'] as const;
  return (
    <svg
      class={`diagram__svg diagram__svg--${layout.orientation}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{fill(strings.title, { policy: scenario.policy, node: scenario.node })}</title>
      <desc id={`${id}-desc`}>{fill(strings.desc, { node: scenario.node })}</desc>
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
      {layout.orientation === 'wide' ? (
        <text class="d-small" x={layout.bus.from.x + 4} y={layout.bus.at - 6}>
          {fill(words.lan, { cidr: props.cluster.lanCIDR })}
        </text>
      ) : (
        <text
          class="d-small"
          x={layout.bus.at - 6}
          y={layout.bus.to.y - 4}
          transform={`rotate(-90 ${layout.bus.at - 6} ${layout.bus.to.y - 4})`}
        >
          {fill(words.lan, { cidr: props.cluster.lanCIDR })}
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
          class="d-strong"
          x={layout.client.rect.x + layout.client.rect.width / 2}
          y={layout.client.rect.y + 24}
          text-anchor="middle"
        >
          {words.client}
        </text>
        <text
          class="d-mono"
          x={layout.client.rect.x + layout.client.rect.width / 2}
          y={layout.client.rect.y + 43}
          text-anchor="middle"
        >
          {props.cluster.clientIP}
        </text>
      </g>
      {layout.nodes.map((box) => (
        <g key={box.node.name} class={`node${box === receiving ? ' node--receiving' : ''}`}>
          <line
            class="link"
            x1={box.port.x}
            y1={box.port.y}
            x2={layout.bus.axis === 'y' ? box.port.x : layout.bus.at}
            y2={layout.bus.axis === 'y' ? layout.bus.at : box.port.y}
          />
          <rect class="box box--node" x={box.rect.x} y={box.rect.y} width={box.rect.width} height={box.rect.height} rx="10" />
          <text class="d-strong" x={box.labels.name.x} y={box.labels.name.y}>
            {box.node.name}
          </text>
          <text class="d-small" x={box.labels.ip.x} y={box.labels.ip.y}>
            {fill(words.nodeIp, { ip: box.node.internalIP })}
          </text>
          <text class="d-small" x={box.labels.podCIDR.x} y={box.labels.podCIDR.y}>
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
                class="d-small d-muted"
                x={box.emptySlot.x + box.emptySlot.width / 2}
                y={box.emptySlot.y + box.emptySlot.height / 2 + 4}
                text-anchor="middle"
              >
                {words.noPods}
              </text>
            </g>
          ) : (
            box.pods.map((pod) => (
              <g key={pod.pod.name} class="pod" data-pod={pod.pod.name}>
                <rect class="box box--pod" x={pod.rect.x} y={pod.rect.y} width={pod.rect.width} height={pod.rect.height} rx="8" />
                <text class="d-strong" x={pod.rect.x + 12} y={pod.rect.y + 24}>
                  {pod.pod.name}
                </text>
                <text class="d-mono" x={pod.rect.x + 12} y={pod.rect.y + 42}>
                  {pod.pod.ip}
                </text>
                <text
                  class="d-small live-counter"
                  x={pod.rect.x + 12}
                  y={pod.rect.y + 60}
                  data-testid={`diagram-count-${pod.pod.name}`}
                >
                  {shown ? fill(strings.counter, { count: count(locale, shown.counts[pod.pod.name] ?? 0) }) : strings.noRun}
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
          d={pathData(path.points)}
          marker-end={path.kind === 'dropped' ? undefined : `url(#${id}-arrow-${path.kind})`}
        />
      ))}
      {layout.nodes.map((box) => (
        <g key={box.node.name} class="badge">
          <rect x={box.badge.x} y={box.badge.y} width={box.badge.width} height={box.badge.height} rx={box.badge.height / 2} />
          <text x={box.badge.x + box.badge.width / 2} y={box.badge.y + box.badge.height / 2 + 4} text-anchor="middle">
            {fill(words.nodePort, { port: props.cluster.nodePort })}
          </text>
        </g>
      ))}
      {routes
        .filter((path) => path.kind === 'dropped')
        .map((path, i) => {
          const end = path.points[path.points.length - 1] as Point;
          return (
            <g key={`drop-${i}`}>
              <path
                class="cross"
                d={`M${end.x - 7} ${end.y - 7} L${end.x + 7} ${end.y + 7} M${end.x + 7} ${end.y - 7} L${end.x - 7} ${end.y + 7}`}
              />
              <text class="d-small live-counter" x={end.x + 12} y={end.y - 10} data-testid="diagram-count-dropped">
                {fill(strings.dropped, { count: count(locale, shown?.counts[DROPPED] ?? 0) })}
              </text>
            </g>
          );
        })}
      {samplePoints.length > 1 && (
        <g class="live-sample" data-testid="diagram-sample">
          <path id={`${id}-sample`} class="live-sample__path" d={pathData(samplePoints)} />
          {lane?.a && lane.b && (
            <text
              class="d-small live-sample__snat"
              x={(lane.a.x + lane.b.x) / 2}
              y={Math.max(lane.a.y, lane.b.y) + 14}
              text-anchor="middle"
              data-testid="diagram-snat"
            >
              {fill(strings.snat, { src: snat ?? '' })}
            </text>
          )}
          {animate ? (
            <circle key={replay} class="live-sample__dot" r="7">
              <animateMotion dur="2.4s" fill="freeze">
                <mpath href={`#${id}-sample`} />
              </animateMotion>
            </circle>
          ) : (
            samplePoints.slice(1).map((p, i) => (
              <g key={i} class="live-sample__step">
                <circle cx={p.x} cy={p.y} r="9" />
                <text x={p.x} y={p.y + 4} text-anchor="middle">
                  {i + 1}
                </text>
              </g>
            ))
          )}
        </g>
      )}
    </svg>
  );
}

export default function LiveDiagram(props: Props) {
  const { strings, path } = props;
  const scenario = useClientStore($scenario, defaultScenario);
  const run = useClientStore($lastRun, null);
  const loaded = useClientStore($story, { state: 'loading' });
  const reduced = useReducedMotion();
  const [replay, setReplay] = useState(0);
  const story = loaded.state === 'ready' ? loaded.value : null;
  const layouts = orientations.map((o) => layoutCluster(props.cluster, o));
  return (
    <figure class="diagram live-diagram" data-testid="live-diagram" data-motion={reduced ? 'steps' : 'animate'}>
      {layouts.map((layout) => (
        <Drawing
          key={layout.orientation}
          layout={layout}
          run={run}
          story={story}
          animate={!reduced}
          replay={replay}
          props={props}
          scenario={scenario}
        />
      ))}
      <figcaption class="diagram__caption">
        <ul class="diagram__legend">
          {legend.map(([kind, key]) => (
            <li key={kind}>
              <svg class="diagram__swatch" viewBox="0 0 28 10" aria-hidden="true">
                <path class={`route route--${kind}`} d="M1 5 L27 5" />
              </svg>
              {strings[key]}
            </li>
          ))}
        </ul>
        {/* The path in words, for screen readers; the trace view shows it to everyone. */}
        <div class="sr-only">
          <p>{strings.narration}</p>
          <ol data-testid="narration">
            {story?.narration.map((line, i) => (
              <li key={i}>{fill(path[line.key], line.values)}</li>
            ))}
          </ol>
        </div>
        {/* Always laid out, only shown when there is an animation to replay: nothing moves. */}
        <button
          type="button"
          class={`live-button live-button--small${reduced || !story ? ' is-hidden' : ''}`}
          onClick={() => setReplay((n) => n + 1)}
          aria-hidden={reduced || !story ? 'true' : undefined}
          tabIndex={reduced || !story ? -1 : undefined}
          data-testid="diagram-replay"
        >
          {strings.replay}
        </button>
      </figcaption>
    </figure>
  );
}
