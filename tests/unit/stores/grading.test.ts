/**
 * Grading wired end to end: a cluster, the engine's rules and walk, a run of connections,
 * the stores' grading. Each option comes out correct in the scenario that makes it so, and
 * nothing in the chain knows the answer beforehand.
 */
import { describe, expect, it } from 'vitest';
import { deriveMissingEndpointSlices } from '../../../src/engine/model/deriveEndpointSlices.ts';
import type { Cluster } from '../../../src/engine/model/types.ts';
import { bounceCluster, type BounceOptions } from '../../../src/engine/scenarios/bounce.ts';
import { gradeSummary } from '../../../src/stores/grade.ts';
import { createLab } from '../../../src/stores/lab/lab.ts';
import type { Lab } from '../../../src/stores/lab/types.ts';
import type { QuizOption } from '../../../src/stores/lesson.ts';
import type { OptionId, RunSize, RunSummary, Scenario } from '../../../src/stores/model.ts';

/** The bounce lesson's claims (content/lessons/*​/bounce.mdx). */
const options: QuizOption[] = [
  { id: 'a', text: 'always', claim: { kind: 'share', value: 1 } },
  { id: 'b', text: '50%', claim: { kind: 'share', value: 0.5 } },
  { id: 'c', text: '33%', claim: { kind: 'share', value: 1 / 3 } },
  { id: 'd', text: 'none of these', claim: { kind: 'none' } },
];

/** Runs `total` connections through the lab to completion, as the page does. */
function run(lab: Lab, scenario: Scenario, seed: number, total: RunSize = 10_000): RunSummary {
  const job = lab.startRun(scenario, seed, total);
  while (job.step(5_000) < total);
  const { counts, counters } = job.finish();
  return { scenario, seed, total, counts, exact: lab.exact(scenario), counters };
}

const bounce = (extra: BounceOptions = {}): Lab =>
  createLab((policy) => bounceCluster({ ...extra, externalTrafficPolicy: policy }));

/** The bounce cluster with a third replica, pod-3 on node-3: three pods spread evenly. */
function threePods(policy: Scenario['policy']): Cluster {
  const base = bounceCluster({ externalTrafficPolicy: policy });
  const template = base.pods[1]!;
  const pods = [...base.pods, { ...template, name: 'pod-3', nodeName: 'node-3', ip: '10.244.3.2' }];
  const { slices } = deriveMissingEndpointSlices(base.services, pods, []);
  return { ...base, pods, endpointSlices: slices };
}

const correctOf = (summary: RunSummary, picked: OptionId | null = null) => gradeSummary(summary, options, picked);

describe('the grade follows the evidence of a run through the engine', () => {
  it.each([1, 2, 3])('ETP Local, request to node 2: always pod 2, so a (seed %i)', (seed) => {
    const summary = run(bounce(), { policy: 'Local', node: 2 }, seed);
    expect(summary.counts['pod-2']).toBe(10_000);
    expect(correctOf(summary)?.correct).toBe('a');
  });

  it.each([1, 2, 3])('ETP Cluster, request to node 2: about half, so b (seed %i)', (seed) => {
    const summary = run(bounce(), { policy: 'Cluster', node: 2 }, seed);
    expect(summary.exact['pod-2']).toBeCloseTo(0.5, 12);
    expect(correctOf(summary)?.correct).toBe('b');
  });

  it.each([1, 2, 3])('three pods, one per node, ETP Cluster: about a third, so c (seed %i)', (seed) => {
    const summary = run(createLab(threePods), { policy: 'Cluster', node: 2 }, seed);
    expect(Object.keys(summary.counts).sort()).toEqual(['dropped', 'pod-1', 'pod-2', 'pod-3']);
    // kube-proxy writes --probability 0.3333333333 (ten decimals), and the exact value says so.
    expect(summary.exact['pod-2']).toBeCloseTo(1 / 3, 9);
    expect(correctOf(summary)?.correct).toBe('c');
  });

  it.each([1, 2, 3])('pod 2 failing its readiness probe: pod 2 gets nothing, so d (seed %i)', (seed) => {
    const summary = run(bounce({ notReadyPods: ['pod-2'] }), { policy: 'Cluster', node: 2 }, seed);
    expect(summary.counts['pod-2']).toBe(0);
    expect(correctOf(summary)?.correct).toBe('d');
  });

  it('ETP Local, request to node 3 (no pod): every connection dropped, so d', () => {
    const summary = run(bounce(), { policy: 'Local', node: 3 }, 4);
    expect(summary.counts['dropped']).toBe(10_000);
    expect(summary.exact['dropped']).toBe(1);
    expect(correctOf(summary)?.correct).toBe('d');
  });

  it('switching the same cluster from Cluster to Local changes the answer from b to a', () => {
    const lab = bounce();
    expect(correctOf(run(lab, { policy: 'Cluster', node: 2 }, 9))?.correct).toBe('b');
    expect(correctOf(run(lab, { policy: 'Local', node: 2 }, 9))?.correct).toBe('a');
  });

  it('judges the reader against the run: right, wrong, or not answered', () => {
    const summary = run(bounce(), { policy: 'Cluster', node: 2 }, 11);
    expect(correctOf(summary, 'b')?.verdict).toBe('correct');
    expect(correctOf(summary, 'c')?.verdict).toBe('wrong');
    expect(correctOf(summary, null)?.verdict).toBe('unanswered');
  });

  it('the same seed replays the same run', () => {
    const lab = bounce();
    expect(run(lab, { policy: 'Cluster', node: 2 }, 77)).toEqual(run(lab, { policy: 'Cluster', node: 2 }, 77));
  });
});

describe('grading on synthetic counts', () => {
  const summary = (pod2: number, total: RunSize, dropped = 0): RunSummary => ({
    scenario: { policy: 'Cluster', node: 2 },
    seed: 1,
    total,
    counts: { 'pod-1': total - pod2 - dropped, 'pod-2': pod2, dropped },
    exact: { 'pod-1': 0.5, 'pod-2': 0.5, dropped: 0 },
    counters: {},
  });

  it.each<[string, number, RunSize, OptionId]>([
    ['every connection', 1000, 1000, 'a'],
    ['half', 500, 1000, 'b'],
    ['a third', 3333, 10_000, 'c'],
    ['a fifth', 200, 1000, 'd'],
    ['none', 0, 1000, 'd'],
  ])('%s of the connections supports %s', (_, pod2, total, expected) => {
    expect(correctOf(summary(pod2, total))?.correct).toBe(expected);
  });

  it('is inconclusive when too few connections cannot tell 50% from 33%', () => {
    // The page never sends fewer than 1,000 (where the two are always told apart), but the
    // grading must still say so honestly for a small run: 42 of 100 fits both claims.
    const graded = correctOf(summary(42, 100 as RunSize));
    expect(graded?.verdict).toBe('inconclusive');
    expect(graded?.grade.supported).toEqual(['b', 'c']);
  });

  it('needs the options before it grades', () => {
    expect(gradeSummary(summary(500, 1000), [], 'b')).toBeNull();
    expect(gradeSummary(null, options, 'b')).toBeNull();
  });
});
