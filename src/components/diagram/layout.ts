/**
 * Geometry of the cluster diagram, computed from cluster data alone (no DOM, no Astro), so
 * the static SVG and a later live island draw the same picture from the same numbers.
 *
 * Two orientations share one model: a LAN "bus" that the client and every node hang off.
 * "wide" lays nodes side by side under a horizontal LAN; "tall" stacks them beside a
 * vertical LAN so the picture stays legible on a 360 px phone.
 */
import type { Node, Pod } from '../../engine/model/types';

/** The node fields the diagram shows (a subset of the engine's Node). */
export type DiagramNode = Pick<Node, 'name' | 'internalIP' | 'podCIDR'>;

/** The pod fields the diagram shows (a subset of the engine's Pod); `client`: it sends the traffic and the Service does not select it. */
export type DiagramPod = Pick<Pod, 'name' | 'nodeName' | 'ip'> & { readonly client?: boolean };

/** Everything the diagram draws: nodes in display order, their pods, the client, the port. */
export interface DiagramCluster {
  readonly nodes: readonly DiagramNode[];
  readonly pods: readonly DiagramPod[];
  readonly clientIP: string;
  readonly lanCIDR: string;
  /** The Service's NodePort; 0 when it has none (a ClusterIP Service), and no badge is drawn. */
  readonly nodePort: number;
}

/** The NodePort badges to draw (and route lines around): none for a Service without a NodePort. */
export function nodePortBadges(layout: ClusterLayout, cluster: DiagramCluster): Rect[] {
  return cluster.nodePort > 0 ? layout.nodes.map((box) => box.badge) : [];
}

/** "wide": nodes in a row; "tall": nodes in a column. */
export type Orientation = 'wide' | 'tall';

/** A point in SVG user units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle in SVG user units. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where one pod is drawn, and where paths enter it. */
export interface PodBox {
  readonly pod: DiagramPod;
  readonly rect: Rect;
}

/** Where one node is drawn: its box, its NodePort badge and its text baseline origin. */
export interface NodeBox {
  readonly node: DiagramNode;
  readonly rect: Rect;
  /** On the LAN-facing edge: where NodePort traffic arrives (the badge sits here). */
  readonly port: Point;
  /** On the LAN-facing edge: where traffic forwarded from another node comes in. */
  readonly ingress: Point;
  /** Just inside the node past the badge, in line with `port`: where local deliveries start. */
  readonly inside: Point;
  /** The NodePort badge drawn at `port`. */
  readonly badge: Rect;
  /** Baselines of the node's three text lines: name, node IP, pod CIDR. */
  readonly labels: { readonly name: Point; readonly ip: Point; readonly podCIDR: Point };
  /** Pods on this node; empty when the node runs none. */
  readonly pods: readonly PodBox[];
  /** Where the "no pod here" placeholder is drawn when `pods` is empty. */
  readonly emptySlot: Rect;
}

/** The LAN drawn as a line; `axis` says which coordinate is constant along it. */
export interface Bus {
  readonly axis: 'x' | 'y';
  /** The constant coordinate of the LAN line. */
  readonly at: number;
  /** The constant coordinate of the second lane, used by node-to-node forwarding. */
  readonly forwardAt: number;
  readonly from: Point;
  readonly to: Point;
}

/** The whole picture. */
export interface ClusterLayout {
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  readonly client: { readonly rect: Rect; readonly exit: Point };
  readonly bus: Bus;
  readonly nodes: readonly NodeBox[];
}

/**
 * One hop to draw. "request": client to a node's NodePort. "dropped": the same, refused at
 * the node. "deliver": from the node that received the request to a pod, on that node or
 * forwarded to another one.
 */
export type Route =
  | { readonly kind: 'request' | 'dropped'; readonly node: string }
  | { readonly kind: 'deliver'; readonly node: string; readonly pod: string };

/** How a drawn path looks: the kind of hop it is. */
export type PathKind = 'request' | 'dropped' | 'local' | 'forwarded';

/** A route turned into a polyline. */
export interface RoutePath {
  readonly kind: PathKind;
  readonly points: readonly Point[];
}

/** Sizes for one orientation. */
interface Metrics {
  readonly width: number;
  readonly nodeLength: number;
  readonly nodeDepth: number;
  readonly gap: number;
}

const WIDE: Metrics = { width: 720, nodeLength: 212, nodeDepth: 208, gap: 18 };
const TALL: Metrics = { width: 360, nodeLength: 198, nodeDepth: 300, gap: 16 };

/** Size of the NodePort badge (room for "NodePort 30080" at the diagram's 14-unit text). */
const BADGE = { width: 150, height: 24 } as const;

/** Gap a dropped path leaves before the badge it heads for (or the node), so the cross stays clear. */
export const DROP_GAP = 18;

/** Lays out the cluster; throws with the pod's name if a pod sits on an unknown node. */
export function layoutCluster(cluster: DiagramCluster, orientation: Orientation): ClusterLayout {
  for (const pod of cluster.pods) {
    if (!cluster.nodes.some((n) => n.name === pod.nodeName)) {
      throw new Error(`diagram: pod "${pod.name}" is on node "${pod.nodeName}", which is not in the cluster`);
    }
  }
  return orientation === 'wide' ? layoutWide(cluster) : layoutTall(cluster);
}

function podsOn(cluster: DiagramCluster, nodeName: string): DiagramPod[] {
  return cluster.pods.filter((p) => p.nodeName === nodeName);
}

function layoutWide(cluster: DiagramCluster): ClusterLayout {
  const m = WIDE;
  const count = cluster.nodes.length;
  const rowWidth = count * m.nodeLength + (count - 1) * m.gap;
  const left = (m.width - rowWidth) / 2;
  // Between the LAN (100) and the forwarding lane (130) there is a row for the SNAT tag; below
  // the lane, room for a drop's cross and its count clear of the badges.
  const nodeTop = 180;
  const client: Rect = { x: m.width / 2 - 100, y: 12, width: 200, height: 56 };
  const nodes = cluster.nodes.map((node, i): NodeBox => {
    const x = left + i * (m.nodeLength + m.gap);
    const rect = { x, y: nodeTop, width: m.nodeLength, height: m.nodeDepth };
    // Pods sit right under the LAN-facing edge and the text goes below them, so the
    // vertical paths from the edge into the pods never cross a label.
    const slot = { x: x + 14, y: nodeTop + 44, width: m.nodeLength - 28, height: 82 };
    return {
      node,
      rect,
      port: { x: x + 80, y: nodeTop },
      ingress: { x: x + 172, y: nodeTop },
      inside: { x: x + 80, y: nodeTop + BADGE.height / 2 },
      badge: { x: x + 80 - BADGE.width / 2, y: nodeTop - BADGE.height / 2, ...BADGE },
      labels: {
        name: { x: x + 14, y: nodeTop + 150 },
        ip: { x: x + 14, y: nodeTop + 172 },
        podCIDR: { x: x + 14, y: nodeTop + 194 },
      },
      pods: stack(podsOn(cluster, node.name), slot, 'y'),
      emptySlot: slot,
    };
  });
  return {
    orientation: 'wide',
    width: m.width,
    height: nodeTop + m.nodeDepth + 12,
    client: { rect: client, exit: { x: m.width / 2, y: client.y + client.height } },
    bus: { axis: 'y', at: 100, forwardAt: 130, from: { x: 12, y: 100 }, to: { x: m.width - 12, y: 100 } },
    nodes,
  };
}

function layoutTall(cluster: DiagramCluster): ClusterLayout {
  const m = TALL;
  const busX = 22;
  const nodeLeft = 46;
  const client: Rect = { x: nodeLeft, y: 12, width: m.nodeDepth, height: 56 };
  const firstTop = 92;
  const nodes = cluster.nodes.map((node, i): NodeBox => {
    const y = firstTop + i * (m.nodeLength + m.gap);
    const rect = { x: nodeLeft, y, width: m.nodeDepth, height: m.nodeLength };
    // Text on top, the NodePort badge under it, the pods across the node's width below:
    // local deliveries drop from the badge into the pod, forwarded ones come in from the LAN.
    const slot = { x: nodeLeft + 12, y: y + 124, width: m.nodeDepth - 24, height: 64 };
    return {
      node,
      rect,
      port: { x: nodeLeft, y: y + 90 },
      ingress: { x: nodeLeft, y: y + 156 },
      inside: { x: nodeLeft + 6 + BADGE.width / 2, y: y + 90 + BADGE.height / 2 },
      badge: { x: nodeLeft + 6, y: y + 90 - BADGE.height / 2, ...BADGE },
      // Paths run across the lower half; text stays above them.
      labels: {
        name: { x: nodeLeft + 12, y: y + 26 },
        ip: { x: nodeLeft + 12, y: y + 46 },
        podCIDR: { x: nodeLeft + 12, y: y + 64 },
      },
      pods: stack(podsOn(cluster, node.name), slot, 'x'),
      emptySlot: slot,
    };
  });
  const last = nodes[nodes.length - 1];
  const bottom = last ? last.rect.y + last.rect.height : firstTop;
  return {
    orientation: 'tall',
    width: m.width,
    height: bottom + 12,
    client: { rect: client, exit: { x: client.x, y: client.y + client.height / 2 } },
    bus: {
      axis: 'x',
      at: busX,
      forwardAt: busX + 12,
      from: { x: busX, y: client.y + client.height / 2 },
      to: { x: busX, y: bottom },
    },
    nodes,
  };
}

/** Splits `slot` evenly among `pods` along `axis` (one pod fills the whole slot). */
function stack(pods: readonly DiagramPod[], slot: Rect, axis: 'x' | 'y'): PodBox[] {
  const gap = 8;
  const n = pods.length;
  return pods.map((pod, i) => {
    if (axis === 'x') {
      const width = (slot.width - gap * (n - 1)) / n;
      return { pod, rect: { ...slot, x: slot.x + i * (width + gap), width } };
    }
    const height = (slot.height - gap * (n - 1)) / n;
    return { pod, rect: { ...slot, y: slot.y + i * (height + gap), height } };
  });
}

/** The point where the line through `p`, at right angles to the LAN, meets the lane at `at`. */
function onLane(p: Point, bus: Bus, at: number): Point {
  return bus.axis === 'y' ? { x: p.x, y: at } : { x: at, y: p.y };
}

/** The point on the pod's LAN-facing edge in line with `p` (a port or ingress point). */
function podEntry(box: PodBox, p: Point, bus: Bus): Point {
  return bus.axis === 'y' ? { x: p.x, y: box.rect.y } : { x: box.rect.x, y: p.y };
}

/**
 * From `inside` (under or past the badge) into `pod`: straight in when the pod lies in line,
 * else down to the pod's middle height and across (axis-aligned either way).
 */
function localPoints(inside: Point, pod: Rect): Point[] {
  if (inside.y < pod.y && inside.x >= pod.x && inside.x <= pod.x + pod.width)
    return [inside, { x: inside.x, y: pod.y }];
  if (inside.x < pod.x && inside.y >= pod.y && inside.y <= pod.y + pod.height)
    return [inside, { x: pod.x, y: inside.y }];
  const x = pod.x + pod.width / 2;
  return [inside, { x: inside.x, y: pod.y - 8 }, { x, y: pod.y - 8 }, { x, y: pod.y }];
}

/** `to` moved `by` units back towards `from` (both on one axis-aligned segment). */
function shorten(from: Point, to: Point, by: number): Point {
  const dx = Math.sign(to.x - from.x) * by;
  const dy = Math.sign(to.y - from.y) * by;
  return { x: to.x - dx, y: to.y - dy };
}

/** Drops consecutive duplicate points (a client already on the LAN adds none). */
function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]?.x || p.y !== points[i - 1]?.y);
}

function findNode(layout: ClusterLayout, name: string): NodeBox {
  const box = layout.nodes.find((n) => n.node.name === name);
  if (!box) throw new Error(`diagram: route names node "${name}", which is not in the cluster`);
  return box;
}

function findPod(layout: ClusterLayout, name: string): { node: NodeBox; pod: PodBox } {
  for (const node of layout.nodes) {
    const pod = node.pods.find((p) => p.pod.name === name);
    if (pod) return { node, pod };
  }
  throw new Error(`diagram: route names pod "${name}", which is not in the cluster`);
}

/**
 * The polyline for one route. Requests run along the LAN; a delivery to a pod on another
 * node leaves the receiving node, runs along the forwarding lane and enters the pod's node
 * at its ingress point, which is why the picture shows the extra hop.
 */
export function routePath(layout: ClusterLayout, route: Route): RoutePath {
  const { bus } = layout;
  const node = findNode(layout, route.node);
  if (route.kind !== 'deliver') {
    const exit = layout.client.exit;
    const points = dedupe([exit, onLane(exit, bus, bus.at), onLane(node.port, bus, bus.at), node.port]);
    if (route.kind === 'dropped') {
      const end = points.length - 1;
      // Where the port sits inside its badge (the wide drawing), the gap starts at the badge's edge.
      const past = Math.max(0, bus.axis === 'y' ? node.port.y - node.badge.y : node.port.x - node.badge.x);
      points[end] = shorten(points[end - 1] ?? exit, node.port, DROP_GAP + past);
    }
    return { kind: route.kind, points };
  }
  const target = findPod(layout, route.pod);
  if (target.node === node) {
    // From the badge's far edge, so the whole arrow shows instead of hiding under the badge.
    return { kind: 'local', points: localPoints(node.inside, target.pod.rect) };
  }
  const from = node.port;
  const into = target.node.ingress;
  return {
    kind: 'forwarded',
    points: [
      from,
      onLane(from, bus, bus.forwardAt),
      onLane(into, bus, bus.forwardAt),
      into,
      podEntry(target.pod, into, bus),
    ],
  };
}

/** SVG path data ("M x y L x y …") for a polyline. */
export function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
