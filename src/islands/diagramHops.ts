/**
 * The sample connection as hops the diagram can animate: client to the receiving node, the
 * DNAT there (or the drop), across the LAN to the pod's node with the SNAT, into the pod, and
 * the reply back to the client. Every hop comes from the engine's walk (the story's receiving
 * node, pod and narration), drawn on the diagram's geometry; nothing here knows a lesson.
 */
import { routePath, type ClusterLayout, type Point } from '../components/diagram/layout';
import type { ConnectionStory, Narration } from '../stores/lab/types';

/** What a hop shows: the packet moving, or pausing where a node rewrites or drops it. */
export type HopKind = 'request' | 'dnat' | 'forward' | 'deliver' | 'reply' | 'drop';

/** One step of the animation: where the dot travels, and the sentences its caption tells. */
export interface Hop {
  readonly kind: HopKind;
  /** The polyline the dot follows; a single point for a pause. */
  readonly points: readonly Point[];
  /** The narration sentences of this hop, in order (the reply hop has none: it is generic). */
  readonly say: readonly Narration[];
}

/** The first sentence, whoever sent the sample: a client to a NodePort, a pod, or a pod's ping. */
const ARRIVE = ['arrive', 'arrivePod', 'arrivePing'] as const;

/** The story's sentences with `key`, in order. */
function said(story: ConnectionStory, ...keys: Narration['key'][]): Narration[] {
  return keys.flatMap((key) => story.narration.filter((n) => n.key === key));
}

/** The last point of a polyline. */
export function endOf(points: readonly Point[]): Point {
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/**
 * The hops of `story` on `layout`. A dropped connection ends at the drop (where the cross is
 * drawn); a delivered one ends in its pod, then the reply runs the whole way back.
 */
export function sampleHops(layout: ClusterLayout, story: ConnectionStory): Hop[] {
  const receiving = story.receiving;
  if (story.pod === null) {
    const drop = routePath(layout, { kind: 'dropped', node: receiving });
    return [
      { kind: 'request', points: drop.points, say: said(story, ...ARRIVE) },
      // A rejected ping gets an error back, one nobody answers leaves: both end the sample here.
      { kind: 'drop', points: [endOf(drop.points)], say: said(story, 'drop', 'unreachable', 'noAnswer') },
    ];
  }
  const request = routePath(layout, { kind: 'request', node: receiving });
  const deliver = routePath(layout, { kind: 'deliver', node: receiving, pod: story.pod });
  // The packet waits at the node's door while DNAT picks the pod, clear of the badge's text.
  const door = backFrom(request.points, DOOR);
  const hops: Hop[] = [
    { kind: 'request', points: [...request.points.slice(0, -1), door], say: said(story, ...ARRIVE) },
    { kind: 'dnat', points: [door], say: said(story, 'dnat') },
  ];
  let inPod: readonly Point[];
  if (deliver.kind === 'forwarded') {
    // Up to the other node's ingress is the LAN crossing; the last segment enters the pod.
    hops.push({ kind: 'forward', points: [door, ...deliver.points.slice(0, -1)], say: said(story, 'masq', 'route') });
    inPod = deliver.points.slice(-2);
  } else {
    inPod = [door, endOf(request.points), ...deliver.points];
  }
  // The packet comes to rest inside the pod, not on its edge.
  const rest = backFrom(inPod, -INTO);
  hops.push({ kind: 'deliver', points: [...inPod, rest], say: said(story, 'deliver', 'kept') });
  // The reply is drawn only when the engine walked it back over the same nodes, reversed.
  const way = deliver.kind === 'forwarded' ? [receiving, story.podNode ?? ''] : [receiving];
  if (story.replyHops && story.replyHops.join(' ') === [...way].reverse().join(' ')) {
    const there = [...request.points, ...deliver.points, rest];
    hops.push({ kind: 'reply', points: dedupe([...there].reverse()), say: [] });
  }
  return hops;
}

/** How far before the NodePort the packet waits during DNAT, in drawing units. */
const DOOR = 20;

/** How far into the pod the packet comes to rest. */
const INTO = 14;

/** The point `by` units back from the end of a polyline along its last segment (negative: beyond it). */
function backFrom(points: readonly Point[], by: number): Point {
  const end = endOf(points);
  const prev = points[points.length - 2];
  if (!prev) return end;
  const len = Math.hypot(end.x - prev.x, end.y - prev.y);
  const k = len > Math.abs(by) ? by / len : 0.5 * Math.sign(by);
  return { x: end.x - (end.x - prev.x) * k, y: end.y - (end.y - prev.y) * k };
}

/** Drops consecutive repeated points. */
function dedupe(points: readonly Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]?.x || p.y !== points[i - 1]?.y);
}

/** The point `t` (0–1) of the way along a polyline, by length. */
export function pointAlong(points: readonly Point[], t: number): Point {
  const first = points[0];
  if (!first) return { x: 0, y: 0 };
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - (points[i]?.x ?? 0), p.y - (points[i]?.y ?? 0)));
  const total = lengths.reduce((a, b) => a + b, 0);
  let left = Math.max(0, Math.min(1, t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] ?? 0;
    const from = points[i] ?? first;
    const to = points[i + 1] ?? from;
    if (left <= len && len > 0)
      return { x: from.x + ((to.x - from.x) * left) / len, y: from.y + ((to.y - from.y) * left) / len };
    left -= len;
  }
  return endOf(points);
}
