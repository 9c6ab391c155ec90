/**
 * Grading wired end to end: the bounce lesson's content files, the engine's rules and walk, a
 * run of connections, the stores' grading. Each option comes out correct in the scenario that
 * makes it so, and nothing in the chain knows the answer beforehand.
 */
import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../src/engine/lab/config';
import { deriveMissingEndpointSlices } from '../../../src/engine/model/deriveEndpointSlices';
import { gradeSummary } from '../../../src/stores/grade';
import { createLab } from '../../../src/stores/lab/lab';
import type { Lab } from '../../../src/stores/lab/types';
import type { OptionId, RunSize, RunSummary, Scenario } from '../../../src/stores/model';
import { bounceLesson } from './bounceLesson';

const lesson = bounceLesson();

/** Runs `total` connections through the lab to completion, as the page does. */
function run(lab: Lab, scenario: Scenario, seed: number, total: RunSize = 10_000): RunSummary {
  const job = lab.startRun(scenario, seed, total);
  while (job.step(5_000) < total);
  const { counts, tallies, counters } = job.finish();
  return { scenario, seed, total, counts, exact: lab.exact(scenario), tallies, counters };
}

const bounce = (): Lab => createLab(lesson);
const at = (policy: string, node: number): Scenario => ({ policy, node: `node-${node}` });

/** The bounce lesson with a third replica, pod-3 on node-3: three pods spread evenly. */
function threePods(): LabConfig {
  const base = lesson.cluster;
  const template = base.pods[1]!;
  const pods = [...base.pods, { ...template, name: 'pod-3', nodeName: 'node-3', ip: '10.244.3.2' }];
  const { slices } = deriveMissingEndpointSlices(base.services, pods, []);
  return { ...lesson, cluster: { ...base, pods, endpointSlices: slices } };
}

/** The bounce lesson with pod-2 failing its readiness probe. */
function notReady(): LabConfig {
  const base = lesson.cluster;
  const pods = base.pods.map((p) => (p.name === 'pod-2' ? { ...p, ready: false } : p));
  const { slices } = deriveMissingEndpointSlices(base.services, pods, []);
  return { ...lesson, cluster: { ...base, pods, endpointSlices: slices } };
}

const correctOf = (summary: RunSummary, picked: OptionId | null = 'a', config: LabConfig = lesson) => {
  const graded = gradeSummary(summary, config, picked);
  return (
    graded && { ...graded, correct: graded.grade.verdict.kind === 'decided' ? graded.grade.verdict.correct : null }
  );
};

describe('the grade follows the evidence of a run through the engine', () => {
  it.each([1, 2, 3])('ETP Local, request to node 2: always pod 2, so a (seed %i)', (seed) => {
    const summary = run(bounce(), at('Local', 2), seed);
    expect(summary.counts['pod-2']).toBe(10_000);
    expect(correctOf(summary)?.correct).toBe('a');
  });

  it.each([1, 2, 3])('ETP Cluster, request to node 2: about half, so b (seed %i)', (seed) => {
    const summary = run(bounce(), at('Cluster', 2), seed);
    expect(summary.exact['pod-2']).toBeCloseTo(0.5, 12);
    expect(correctOf(summary)?.correct).toBe('b');
  });

  it.each([1, 2, 3])('three pods, one per node, ETP Cluster: about a third, so c (seed %i)', (seed) => {
    const config = threePods();
    const summary = run(createLab(config), at('Cluster', 2), seed);
    expect(Object.keys(summary.counts).sort()).toEqual(['pod-1', 'pod-2', 'pod-3']);
    // kube-proxy writes --probability 0.3333333333 (ten decimals), and the exact value says so.
    expect(summary.exact['pod-2']).toBeCloseTo(1 / 3, 9);
    expect(correctOf(summary, 'a', config)?.correct).toBe('c');
  });

  it.each([1, 2, 3])('pod 2 failing its readiness probe: pod 2 gets nothing, so d (seed %i)', (seed) => {
    const config = notReady();
    const summary = run(createLab(config), at('Cluster', 2), seed);
    expect(summary.counts['pod-2']).toBe(0);
    expect(correctOf(summary, 'a', config)?.correct).toBe('d');
  });

  it('ETP Local, request to node 3 (no pod): every connection times out, so d', () => {
    const summary = run(bounce(), at('Local', 3), 4);
    expect(summary.counts['timedOut']).toBe(10_000);
    expect(summary.exact['timedOut']).toBe(1);
    expect(correctOf(summary)?.correct).toBe('d');
  });

  it('switching the same cluster from Cluster to Local changes the answer from b to a', () => {
    const lab = bounce();
    expect(correctOf(run(lab, at('Cluster', 2), 9))?.correct).toBe('b');
    expect(correctOf(run(lab, at('Local', 2), 9))?.correct).toBe('a');
  });

  it('judges the reader against the run: right, wrong, or not answered (no verdict, nothing revealed)', () => {
    const summary = run(bounce(), at('Cluster', 2), 11);
    expect(gradeSummary(summary, lesson, 'b')?.verdict).toBe('correct');
    expect(gradeSummary(summary, lesson, 'c')?.verdict).toBe('wrong');
    const unanswered = gradeSummary(summary, lesson, null);
    expect(unanswered?.verdict).toBe('unanswered');
    expect(unanswered?.correct).toBeNull();
  });

  it('a changed answer after the first graded one is a second try', () => {
    const summary = run(bounce(), at('Cluster', 2), 11);
    expect(gradeSummary(summary, lesson, 'b', { answer: 'a', right: false })?.first).toEqual({
      answer: 'a',
      right: false,
    });
    expect(gradeSummary(summary, lesson, 'a', { answer: 'a', right: false })?.first).toBeNull();
  });

  it('the same seed replays the same run', () => {
    const lab = bounce();
    expect(run(lab, at('Cluster', 2), 77)).toEqual(run(lab, at('Cluster', 2), 77));
  });
});

describe('grading on synthetic counts', () => {
  const summary = (pod2: number, total: RunSize, dropped = 0): RunSummary => ({
    scenario: at('Cluster', 2),
    seed: 1,
    total,
    counts: { 'pod-1': total - pod2 - dropped, 'pod-2': pod2, timedOut: dropped },
    exact: { 'pod-1': 0.5, 'pod-2': 0.5 },
    tallies: [
      { client: 'client', entry: 'node-2', end: 'pod-1', source: '192.168.10.12', count: total - pod2 - dropped },
      { client: 'client', entry: 'node-2', end: 'pod-2', source: '10.244.2.1', count: pod2 },
      { client: 'client', entry: 'node-2', end: 'timedOut', source: '', count: dropped },
    ],
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

  it('needs a lesson and a run before it grades', () => {
    expect(gradeSummary(summary(500, 1000), null, 'b')).toBeNull();
    expect(gradeSummary(null, lesson, 'b')).toBeNull();
  });
});
