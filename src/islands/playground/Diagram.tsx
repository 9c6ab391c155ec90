/**
 * The edited cluster, drawn with the site's diagram geometry (components/diagram/layout.ts):
 * nodes, pods with their state and how many connections each got in the last run, the entry
 * node, and the run's paths. A pod can be dragged onto another node (pointer), which moves it
 * as the editor's buttons do; the editor stays the keyboard way to do the same.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { layoutCluster, pathData, routePath, type ClusterLayout, type Route } from '../../components/diagram/layout';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { addressesOf, nodeOf, podPlaces } from '../../playground/addressing';
import type { RunReport } from '../../playground/engine';
import { nodeNameOf, podNameOf, type PlaygroundScenario } from '../../playground/scenario';
import { edit } from '../../stores/playground';
import { fill } from '../fill';
import { count } from '../numbers';

/**
 * The smallest text the drawing uses, in its own units (the diagram styles' badge text). The
 * drawing is never rendered narrower than makes that 12 px on screen: on a phone it scrolls
 * sideways inside its own box instead of shrinking its words below reading size.
 */
const SMALLEST_TEXT = 11.5;
const MIN_TEXT_PX = 12;

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly report: RunReport | null;
  readonly strings: PlaygroundStrings;
  readonly locale: string;
}

/** The routes a run took: to the first node of each outcome, then on to its pod. */
function runRoutes(report: RunReport | null, entry: string): Route[] {
  const routes: Route[] = [];
  if (!report || !report.available) return [{ kind: 'request', node: entry }];
  const seen = new Set<string>();
  for (const row of report.outcomes) {
    const first = row.hops[0] ?? entry;
    const key = `${first}>${row.outcome}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push(
      row.outcome === 'dropped' || !row.node ? { kind: 'dropped', node: first } : { kind: 'request', node: first },
      ...(row.node ? [{ kind: 'deliver' as const, node: first, pod: row.outcome }] : []),
    );
  }
  return routes;
}

/**
 * The site's layout stacks a node's pods in one row or column, which is right for two pods
 * and too thin for twenty: here they share the node's pod slot as a grid instead.
 */
function gridPods(layout: ClusterLayout): ClusterLayout {
  const gap = 4;
  return {
    ...layout,
    nodes: layout.nodes.map((box) => {
      const n = box.pods.length;
      if (n <= 2) return box;
      const slot = box.emptySlot;
      const cols = Math.ceil(Math.sqrt((n * slot.width) / slot.height));
      const rows = Math.ceil(n / cols);
      const width = (slot.width - gap * (cols - 1)) / cols;
      const height = (slot.height - gap * (rows - 1)) / rows;
      return {
        ...box,
        pods: box.pods.map((pod, i) => ({
          pod: pod.pod,
          rect: {
            x: slot.x + (i % cols) * (width + gap),
            y: slot.y + Math.floor(i / cols) * (height + gap),
            width,
            height,
          },
        })),
      };
    }),
  };
}

export function Diagram({ scenario: s, report, strings, locale }: Props) {
  const e = strings.editor;
  const stateLabel: Readonly<Record<string, string>> = {
    ready: e.stateReady,
    notReady: e.stateNotReady,
    terminating: e.stateTerminating,
  };
  // Drawn in the scenario's family: an IPv6 run shows the IPv6 addresses its packets carry.
  const at = addressesOf(s);
  const places = podPlaces(s).map((p) => ({ ...p, ip: p.ipv6 ?? p.ip }));
  const cluster = {
    nodes: Array.from({ length: s.nodes }, (_, i) => ({
      ...nodeOf(i),
      internalIP: at.node(i),
      podCIDR: at.podCIDR(i),
    })),
    pods: places,
    clientIP: at.client,
    lanCIDR: at.lan,
    nodePort: s.service.nodePort,
  };
  const orientation = s.nodes <= 3 ? 'wide' : 'tall';
  const layout = gridPods(layoutCluster(cluster, orientation));
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const entry = nodeNameOf(s.entry);
  const routes = runRoutes(report, entry).flatMap((r) => {
    try {
      return [routePath(layout, r)];
    } catch {
      return []; // a route the layout cannot draw (never expected: the report matches the scenario)
    }
  });
  const counts = report?.available ? report.counts : null;
  const xs = layout.nodes.flatMap((n) => [n.rect.x, n.rect.x + n.rect.width]);
  const minX = Math.min(0, ...xs) - 8;
  const maxX = Math.max(layout.width, ...xs) + 8;

  const minWidth = Math.ceil(((maxX - minX) * MIN_TEXT_PX) / SMALLEST_TEXT);
  // Set through the CSSOM (allowed by the CSP, unlike a style attribute in the markup).
  useLayoutEffect(() => {
    svg.current?.style.setProperty('min-width', `${minWidth}px`);
  }, [minWidth]);

  const drop = (event: PointerEvent) => {
    if (dragging === null || !svg.current) return;
    const matrix = svg.current.getScreenCTM();
    setDragging(null);
    if (!matrix) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const target = layout.nodes.findIndex(
      (n) => p.x >= n.rect.x && p.x <= n.rect.x + n.rect.width && p.y >= n.rect.y && p.y <= n.rect.y + n.rect.height,
    );
    if (target >= 0 && s.pods[dragging]?.node !== target) edit.movePod(dragging, target);
  };

  return (
    <figure class="diagram pg-diagram" data-testid="pg-diagram">
      <div class="pg-diagram__scroll" tabIndex={0} role="region" aria-label={strings.editor.heading}>
        <svg
          ref={svg}
          class={`diagram__svg pg-diagram__svg pg-diagram__svg--${orientation}`}
          viewBox={`${minX} 0 ${maxX - minX} ${layout.height}`}
          role="img"
          aria-label={strings.editor.heading}
          onPointerUp={drop}
          onPointerCancel={() => setDragging(null)}
        >
          <line
            class="lan"
            x1={layout.bus.axis === 'y' ? minX + 4 : layout.bus.at}
            y1={layout.bus.axis === 'y' ? layout.bus.at : layout.bus.from.y}
            x2={layout.bus.axis === 'y' ? maxX - 4 : layout.bus.at}
            y2={layout.bus.axis === 'y' ? layout.bus.at : layout.bus.to.y}
          />
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
              {s.client.kind === 'external'
                ? strings.editor.clientExternal.split(' (')[0]
                : s.client.kind === 'pod'
                  ? podNameOf(s.client.index)
                  : nodeNameOf(s.client.index)}
            </text>
            <text
              class="d-mono"
              x={layout.client.rect.x + layout.client.rect.width / 2}
              y={layout.client.rect.y + 43}
              text-anchor="middle"
            >
              {s.client.kind === 'external'
                ? at.client
                : s.client.kind === 'pod'
                  ? (places[s.client.index]?.ip ?? '')
                  : at.node(s.client.index)}
            </text>
          </g>
          {layout.nodes.map((box) => (
            <g
              key={box.node.name}
              class={`node${box.node.name === entry ? ' node--receiving' : ''}${dragging !== null ? ' pg-drop' : ''}`}
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
              <text class="d-strong" x={box.labels.name.x} y={box.labels.name.y}>
                {box.node.name}
              </text>
              <text class="d-small" x={box.labels.ip.x} y={box.labels.ip.y}>
                {box.node.internalIP}
              </text>
              <text class="d-small" x={box.labels.podCIDR.x} y={box.labels.podCIDR.y}>
                {box.node.podCIDR}
              </text>
              {box.pods.map((pod) => {
                const i = Number(pod.pod.name.slice(4)) - 1;
                const state = s.pods[i]?.state ?? 'ready';
                const roomy = pod.rect.width >= 70 && pod.rect.height >= 40;
                const got = counts?.[pod.pod.name];
                return (
                  <g
                    key={pod.pod.name}
                    class={`pod pg-pod-box pg-pod-box--${state}${dragging === i ? ' is-dragging' : ''}`}
                    data-pod={pod.pod.name}
                    data-testid={`pg-diagram-pod-${pod.pod.name}`}
                    onPointerDown={(ev) => {
                      ev.preventDefault();
                      setDragging(i);
                    }}
                  >
                    <title>{`${pod.pod.name} ${pod.pod.ip} (${stateLabel[state]})${got !== undefined ? `: ${count(locale, got)}` : ''}`}</title>
                    <rect
                      class="box box--pod"
                      x={pod.rect.x}
                      y={pod.rect.y}
                      width={pod.rect.width}
                      height={pod.rect.height}
                      rx="6"
                    />
                    {roomy && (
                      <>
                        <text class="d-strong" x={pod.rect.x + 8} y={pod.rect.y + Math.min(20, pod.rect.height / 2)}>
                          {pod.pod.name}
                        </text>
                        {pod.rect.height >= 56 && (
                          <text class="d-mono" x={pod.rect.x + 8} y={pod.rect.y + 38}>
                            {pod.pod.ip}
                          </text>
                        )}
                      </>
                    )}
                    {got !== undefined && roomy && (
                      <text class="d-small live-counter" x={pod.rect.x + 8} y={pod.rect.y + pod.rect.height - 6}>
                        {count(locale, got)}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
          {routes.map((path, i) => (
            <path key={i} class={`route route--${path.kind}`} d={pathData(path.points)} />
          ))}
          {s.service.type !== 'ClusterIP' &&
            layout.nodes.map((box) => (
              <g key={box.node.name} class="badge">
                <rect
                  x={box.badge.x}
                  y={box.badge.y}
                  width={box.badge.width}
                  height={box.badge.height}
                  rx={box.badge.height / 2}
                />
                <text
                  x={box.badge.x + box.badge.width / 2}
                  y={box.badge.y + box.badge.height / 2 + 4}
                  text-anchor="middle"
                >
                  {fill(strings.editor.nodePortBadge, { port: s.service.nodePort })}
                </text>
              </g>
            ))}
        </svg>
      </div>
    </figure>
  );
}
