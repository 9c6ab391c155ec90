/**
 * The live diagram's sample hops follow the engine's walk: built from real stories of the
 * bounce cluster (Cluster and Local, every entry node), they start at the client, end in the
 * pod the engine chose (or at the drop), and come back only when the engine walked a reply.
 */
import { describe, expect, it } from 'vitest';
import { layoutCluster, type Point, type Rect } from '../../../src/components/diagram/layout';
import { bounceCluster } from '../../../src/components/diagram/bounce';
import { endOf, pointAlong, sampleHops } from '../../../src/islands/diagramHops';
import { createLab } from '../../../src/stores/lab/lab';
import { bounceLesson } from '../stores/bounceLesson';
import type { Scenario } from '../../../src/stores/model';

const inside = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

const lab = createLab(bounceLesson());
const scenarios: Scenario[] = (['Cluster', 'Local'] as const).flatMap((policy) =>
  ([1, 2, 3] as const).map((node) => ({ policy, node: `node-${node}` })),
);

describe.each(['wide', 'tall'] as const)('sample hops on the %s drawing', (orientation) => {
  const layout = layoutCluster(bounceCluster, orientation);
  for (const scenario of scenarios) {
    for (const sample of [0, 1, 2, 3]) {
      it(`${scenario.policy}, node ${scenario.node}, sample ${sample}: from the client to where the engine sent it`, () => {
        const story = lab.story(scenario, 7, sample);
        const hops = sampleHops(layout, story);
        expect(hops[0]?.kind).toBe('request');
        expect(hops[0]?.points[0]).toEqual(layout.client.exit);
        if (story.pod === null) {
          expect(hops.map((h) => h.kind)).toEqual(['request', 'drop']);
          expect(hops[1]?.say.map((s) => s.key)).toEqual(['drop']);
          return;
        }
        const target = layout.nodes.flatMap((n) => n.pods).find((p) => p.pod.name === story.pod);
        const delivered = hops.find((h) => h.kind === 'deliver');
        expect(target && delivered && inside(target.rect, endOf(delivered.points))).toBe(true);
        const forwarded = story.podNode !== story.receiving;
        expect(hops.some((h) => h.kind === 'forward')).toBe(forwarded);
        if (forwarded) expect(hops.find((h) => h.kind === 'forward')?.say.map((s) => s.key)).toContain('masq');
        const reply = hops.find((h) => h.kind === 'reply');
        expect(reply !== undefined).toBe(Boolean(story.replyHops));
        if (reply) expect(endOf(reply.points)).toEqual(layout.client.exit);
      });
    }
  }
});

describe('pointAlong', () => {
  it('walks a polyline by length', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
    ];
    expect(pointAlong(line, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(line, 0.25)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(line, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAlong(line, 1)).toEqual({ x: 10, y: 10 });
  });
});
