/**
 * Drawn paths with the stretches under badges cut out. A route's geometry runs through a
 * node's NodePort (the packet does go through it), but a line drawn there strikes through the
 * badge's text; the drawing stops short of the badge instead and carries on past it, so an
 * arrow points at the badge and a delivery leaves from under it.
 */
import { pathData, type Point, type Rect } from './layout';

/** How far a drawn line stays from a badge's edge, in drawing units (arrowhead tips included). */
export const CLEARANCE = 4;

/** The part [t0, t1] (0–1) of segment a→b inside `r`, or null when it misses (Liang–Barsky). */
function inside(a: Point, b: Point, r: Rect): [number, number] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  return t0 < t1 ? [t0, t1] : null;
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** Grows `r` by `by` on every side. */
function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Cuts one segment around one hole: the pieces of a→b left outside it. */
function cutSegment(a: Point, b: Point, hole: Rect): [Point, Point][] {
  const hit = inside(a, b, hole);
  if (!hit) return [[a, b]];
  const out: [Point, Point][] = [];
  if (hit[0] > 0) out.push([a, lerp(a, b, hit[0])]);
  if (hit[1] < 1) out.push([lerp(a, b, hit[1]), b]);
  return out;
}

/** The polyline as the pieces left outside every hole (grown by CLEARANCE), in order. */
export function clipAround(points: readonly Point[], holes: readonly Rect[]): Point[][] {
  let segments: [Point, Point][] = points.slice(1).map((p, i) => [points[i] ?? p, p]);
  for (const hole of holes.map((h) => grow(h, CLEARANCE)))
    segments = segments.flatMap(([a, b]) => cutSegment(a, b, hole));
  // Join segments that still meet into one piece, so corners keep their round joins.
  const pieces: Point[][] = [];
  for (const [a, b] of segments) {
    if (a.x === b.x && a.y === b.y) continue;
    const last = pieces[pieces.length - 1];
    const end = last?.[last.length - 1];
    if (last && end && end.x === a.x && end.y === a.y) last.push(b);
    else pieces.push([a, b]);
  }
  return pieces;
}

/** SVG path data for a polyline drawn around `holes` (one subpath per piece). */
export function clippedPathData(points: readonly Point[], holes: readonly Rect[]): string {
  return clipAround(points, holes)
    .map((piece) => pathData(piece))
    .join(' ');
}
