/**
 * The sample connection laid over one drawing: its whole path (dotted), the hops walked so
 * far (solid), the packet as a dot that moves along the current hop (or sits at its end when
 * the reader prefers reduced motion), the SNAT tag on the LAN crossing, and a cross where a
 * drop stops it. The dot is moved by setting SVG attributes from script (allowed by the CSP,
 * unlike inline styles), one animation frame at a time.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { clippedPathData } from '../components/diagram/clip';
import type { ClusterLayout, Point, Rect } from '../components/diagram/layout';
import { cross } from './DiagramDrawing';
import { endOf, pointAlong, type Hop } from './diagramHops';
import { MOVE_MS } from './diagramTiming';

export { MOVE_MS };

interface Props {
  readonly layout: ClusterLayout;
  readonly hops: readonly Hop[];
  /** The hop shown (0-based). */
  readonly step: number;
  /** Move along the hop (true) or stand at its end (reduced motion, or a step pressed by hand). */
  readonly animate: boolean;
  /** Changes whenever the hop must be played again (a new run, Replay, Back/Next). */
  readonly playKey: string;
  /** The SNAT tag's text, when the connection is masqueraded on its way to another node. */
  readonly snat: string | null;
  /** The NodePort badges drawn under this layer (none for a ClusterIP Service). */
  readonly badges: readonly Rect[];
}

/** The SVG transform that puts a dot at `p`. */
function at(p: Point): string {
  return `translate(${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10})`;
}

function place(dot: SVGGElement | null, p: Point): void {
  dot?.setAttribute('transform', at(p));
  dot?.setAttribute('data-x', String(Math.round(p.x)));
  dot?.setAttribute('data-y', String(Math.round(p.y)));
}

/** Room kept between the SNAT tag and the receiving node's line down to its badge. */
const TAG_GAP = 12;

/** A generous guess at the tag's drawn width (15-unit text: Hangul about 1 em, the rest 0.66: DejaVu Sans, Linux's usual fallback, is wide). */
function tagWidth(text: string): number {
  return [...text].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x1100 ? 15 : 9.9), 0);
}

/**
 * Where the SNAT tag goes: in the row between the LAN and the forwarding lane, which only the
 * receiving node's line crosses, beside that line on the side the connection is forwarded to
 * (or the other side when the tag would not fit there). Anywhere lower, the lines into the
 * badges and the other node's ingress would run through it.
 */
function snatAt(
  layout: ClusterLayout,
  hop: Hop | undefined,
  text: string,
): { x: number; y: number; anchor: 'start' | 'end' } | null {
  const from = hop?.points[0];
  if (!hop || !from || layout.orientation !== 'wide') return null;
  const width = tagWidth(text);
  const fits = (dir: number) =>
    dir < 0 ? from.x - TAG_GAP - width >= 8 : from.x + TAG_GAP + width <= layout.width - 8;
  let dir = endOf(hop.points).x < from.x ? -1 : 1;
  if (!fits(dir)) dir = -dir;
  const { at, forwardAt } = layout.bus;
  return { x: from.x + dir * TAG_GAP, y: (at + forwardAt) / 2 + 5, anchor: dir < 0 ? 'end' : 'start' };
}

/** The sample connection over one drawing: its path, the hops walked, the moving dot and its tags. */
export function SampleLayer({ layout, hops, step, animate, playKey, snat, badges }: Props) {
  const dot = useRef<SVGGElement>(null);
  const reply = useRef<SVGGElement>(null);
  const hop = hops[Math.min(step, hops.length - 1)];
  const isReply = hop?.kind === 'reply';
  // A layout effect: the dot is placed in the same commit as the step it shows, never a frame late.
  useLayoutEffect(() => {
    if (!hop) return;
    const mover = isReply ? reply.current : dot.current;
    // The packet rests in the pod while its reply travels back.
    if (isReply) place(dot.current, hop.points[0] ?? endOf(hop.points));
    if (!animate || hop.points.length < 2) {
      place(mover, endOf(hop.points));
      return;
    }
    let frame = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / MOVE_MS);
      place(mover, pointAlong(hop.points, t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2));
      if (t < 1) frame = requestAnimationFrame(tick);
    };
    place(mover, hop.points[0] ?? endOf(hop.points));
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playKey, animate]);
  if (!hop) return null;
  const all = hops.flatMap((h) => (h.kind === 'reply' ? [] : h.points));
  const walked = hops.slice(0, step + 1).flatMap((h) => (h.kind === 'reply' ? [] : h.points));
  const forward = hops.find((h) => h.kind === 'forward');
  const tag = snat && forward ? snatAt(layout, forward, snat) : null;
  const dropped = hops.find((h) => h.kind === 'drop');
  const shownDrop = dropped && hop.kind === 'drop' ? endOf(dropped.points) : null;
  // Where the dots start on this render; the effect moves them from there.
  const start = animate ? (hop.points[0] ?? endOf(hop.points)) : endOf(hop.points);
  const dotStart = isReply ? (hop.points[0] ?? start) : start;
  return (
    <g class="live-sample" data-testid="diagram-sample" data-step={step} data-hop={hop.kind}>
      <path class="live-sample__path" d={clippedPathData(all, badges)} />
      <path class="live-sample__walked" d={clippedPathData(walked, badges)} />
      {tag && (
        <text
          class="d-small live-sample__snat d-label"
          x={tag.x}
          y={tag.y}
          text-anchor={tag.anchor}
          data-testid="diagram-snat"
        >
          {snat}
        </text>
      )}
      {shownDrop && <path class="live-sample__cross" d={cross(shownDrop, 10)} data-testid="diagram-sample-cross" />}
      {isReply && (
        <g ref={reply} class="live-sample__reply" transform={at(start)} data-testid="diagram-reply">
          <circle r="6" />
        </g>
      )}
      <g
        ref={dot}
        transform={at(dotStart)}
        class={`live-sample__dot${animate ? '' : ' live-sample__step'}`}
        data-testid="diagram-dot"
      >
        <circle r="8" />
      </g>
    </g>
  );
}
