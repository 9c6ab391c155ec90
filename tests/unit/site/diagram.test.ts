import { describe, expect, it } from 'vitest';
import { bounceCluster, bounceFigures } from '../../../src/components/diagram/bounce';
import {
  DROP_GAP,
  layoutCluster,
  pathData,
  routePath,
  type ClusterLayout,
  type Orientation,
  type Point,
  type Rect,
} from '../../../src/components/diagram/layout';
import { en } from '../../../src/i18n/en';

const orientations: Orientation[] = ['wide', 'tall'];
const inside = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
const contains = (outer: Rect, inner: Rect) =>
  inside(outer, inner) && inside(outer, { x: inner.x + inner.width, y: inner.y + inner.height });
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const canvas = (l: ClusterLayout): Rect => ({ x: 0, y: 0, width: l.width, height: l.height });

/** IPv4 a.b.c.d inside a.b.c.0/24-style CIDR (prefix a multiple of 8 is enough here). */
const inCIDR = (ip: string, cidr: string) => {
  const [net, bits] = cidr.split('/');
  const keep = Number(bits) / 8;
  return ip.split('.').slice(0, keep).join('.') === (net ?? '').split('.').slice(0, keep).join('.');
};

describe('the bounce cluster data', () => {
  it('matches the shared cluster facts', () => {
    expect(bounceCluster.nodes.map((n) => [n.name, n.internalIP, n.podCIDR])).toEqual([
      ['node-1', '192.168.10.11', '10.244.1.0/24'],
      ['node-2', '192.168.10.12', '10.244.2.0/24'],
      ['node-3', '192.168.10.13', '10.244.3.0/24'],
    ]);
    expect(bounceCluster.pods.map((p) => [p.name, p.nodeName, p.ip])).toEqual([
      ['pod-1', 'node-1', '10.244.1.2'],
      ['pod-2', 'node-2', '10.244.2.2'],
    ]);
    expect(bounceCluster.nodePort).toBe(30080);
    expect(bounceCluster.clientIP).toBe('192.168.10.100');
  });

  it('puts every pod IP in its node’s pod CIDR and every node on the LAN', () => {
    for (const pod of bounceCluster.pods) {
      const node = bounceCluster.nodes.find((n) => n.name === pod.nodeName);
      expect(node && inCIDR(pod.ip, node.podCIDR), pod.name).toBe(true);
    }
    for (const node of bounceCluster.nodes) expect(inCIDR(node.internalIP, bounceCluster.lanCIDR)).toBe(true);
  });

  it('labels every figure with keys that exist in the UI strings', () => {
    for (const figure of Object.values(bounceFigures)) {
      for (const key of [figure.title, figure.description, ...figure.routes.map((r) => r.label)]) {
        expect(Object.keys(en)).toContain(key);
      }
    }
  });
});

describe.each(orientations)('the %s layout', (orientation) => {
  const layout = layoutCluster(bounceCluster, orientation);

  it('keeps everything on the canvas', () => {
    expect(contains(canvas(layout), layout.client.rect)).toBe(true);
    for (const box of layout.nodes) {
      expect(contains(canvas(layout), box.rect), box.node.name).toBe(true);
      expect(contains(canvas(layout), box.badge), box.node.name).toBe(true);
    }
  });

  it('never overlaps two nodes, or a node and the client', () => {
    const rects = [layout.client.rect, ...layout.nodes.map((n) => n.rect)];
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it('draws each pod inside its own node, and a placeholder where there is none', () => {
    for (const box of layout.nodes) {
      for (const pod of box.pods) {
        expect(pod.pod.nodeName).toBe(box.node.name);
        expect(contains(box.rect, pod.rect), pod.pod.name).toBe(true);
      }
      expect(contains(box.rect, box.emptySlot)).toBe(true);
    }
    expect(layout.nodes.find((n) => n.node.name === 'node-3')?.pods).toEqual([]);
  });

  it('keeps the node labels clear of the pods and of every path', () => {
    // A generous box for one line of label text: 150 units wide, 18 high around the baseline.
    const textBox = (p: Point): Rect => ({ x: p.x, y: p.y - 14, width: 150, height: 18 });
    const segments = Object.values(bounceFigures).flatMap((figure) =>
      figure.routes.flatMap(({ route }) => {
        const { points } = routePath(layout, route);
        return points.slice(1).map((p, i): Rect => {
          const q = points[i]!;
          return {
            x: Math.min(p.x, q.x) - 2,
            y: Math.min(p.y, q.y) - 2,
            width: Math.abs(p.x - q.x) + 4,
            height: Math.abs(p.y - q.y) + 4,
          };
        });
      }),
    );
    for (const box of layout.nodes) {
      for (const label of Object.values(box.labels)) {
        expect(contains(box.rect, textBox(label)), box.node.name).toBe(true);
        expect(overlaps(box.emptySlot, textBox(label)), box.node.name).toBe(false);
        for (const segment of segments) expect(overlaps(segment, textBox(label)), box.node.name).toBe(false);
      }
    }
  });

  it('sends a request from the client along the LAN to the node’s NodePort', () => {
    const path = routePath(layout, { kind: 'request', node: 'node-2' });
    const node2 = layout.nodes[1];
    expect(path.kind).toBe('request');
    expect(path.points[0]).toEqual(layout.client.exit);
    expect(path.points.at(-1)).toEqual(node2?.port);
  });

  it('stops a dropped request short of the node and its badge, leaving room for the cross', () => {
    const path = routePath(layout, { kind: 'dropped', node: 'node-3' });
    const node3 = layout.nodes[2]!;
    const end = path.points.at(-1)!;
    expect(path.kind).toBe('dropped');
    expect(Math.hypot(end.x - node3.port.x, end.y - node3.port.y)).toBeGreaterThanOrEqual(DROP_GAP);
    // The sample's cross (10 units each way) stays off the badge and the node.
    const cross = { x: end.x - 10, y: end.y - 10, width: 20, height: 20 };
    expect(overlaps(cross, node3.badge)).toBe(false);
    expect(overlaps(cross, node3.rect)).toBe(false);
  });

  it('delivers to a pod on the same node straight from the NodePort', () => {
    const path = routePath(layout, { kind: 'deliver', node: 'node-2', pod: 'pod-2' });
    expect(path.kind).toBe('local');
    expect(path.points).toHaveLength(2);
    expect(inside(layout.nodes[1]!.pods[0]!.rect, path.points[1]!)).toBe(true);
  });

  it('forwards to a pod on another node through that node’s ingress (the extra hop)', () => {
    const path = routePath(layout, { kind: 'deliver', node: 'node-2', pod: 'pod-1' });
    const node1 = layout.nodes[0]!;
    expect(path.kind).toBe('forwarded');
    expect(path.points[0]).toEqual(layout.nodes[1]?.port);
    expect(path.points).toContainEqual(node1.ingress);
    expect(inside(node1.pods[0]!.rect, path.points.at(-1)!)).toBe(true);
  });

  it('draws only horizontal and vertical segments', () => {
    for (const figure of Object.values(bounceFigures)) {
      for (const { route } of figure.routes) {
        const { points } = routePath(layout, route);
        points.slice(1).forEach((p, i) => {
          const q = points[i]!;
          expect(p.x === q.x || p.y === q.y).toBe(true);
        });
      }
    }
  });
});

describe('bad diagram input', () => {
  it('names the pod whose node is missing', () => {
    const cluster = { ...bounceCluster, pods: [{ name: 'pod-9', nodeName: 'node-9', ip: '10.244.9.2' }] };
    expect(() => layoutCluster(cluster, 'wide')).toThrow(/pod-9.*node-9/);
  });

  it('names an unknown node or pod in a route', () => {
    const layout = layoutCluster(bounceCluster, 'wide');
    expect(() => routePath(layout, { kind: 'request', node: 'node-7' })).toThrow(/node-7/);
    expect(() => routePath(layout, { kind: 'deliver', node: 'node-1', pod: 'pod-7' })).toThrow(/pod-7/);
  });
});

describe('pathData', () => {
  it('writes SVG path commands, rounded to a tenth', () => {
    expect(
      pathData([
        { x: 1, y: 2 },
        { x: 3.333, y: 2 },
      ]),
    ).toBe('M1 2 L3.3 2');
  });
});
