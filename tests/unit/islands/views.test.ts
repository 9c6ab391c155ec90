/** Pure helpers of the islands: routes the live diagram draws, rules the sample walked, result rows. */
import { describe, expect, it } from 'vitest';
import { runRoutes, storyRoute } from '../../../src/islands/diagramRoutes';
import { walkedOn } from '../../../src/islands/walked';
import { createLab } from '../../../src/stores/lab/lab';
import { bounceLesson } from '../stores/bounceLesson';
import type { RunSummary } from '../../../src/stores/model';
import { explainRun, resultRows } from '../../../src/stores/results';

const lesson = bounceLesson();
const lab = createLab(lesson);
const at = (policy: string, node: number) => ({ policy, node: `node-${node}` });
const run = (over: Partial<RunSummary>): RunSummary => ({
  scenario: at('Cluster', 2),
  seed: 1,
  total: 1000,
  counts: { 'pod-1': 500, 'pod-2': 500 },
  exact: { 'pod-1': 0.5, 'pod-2': 0.5 },
  tallies: [],
  counters: {},
  ...over,
});

describe('live diagram routes', () => {
  it('draw the request and every pod the run reached', () => {
    expect(runRoutes('node-2', at('Cluster', 2), run({}))).toEqual([
      { kind: 'request', node: 'node-2' },
      { kind: 'deliver', node: 'node-2', pod: 'pod-1' },
      { kind: 'deliver', node: 'node-2', pod: 'pod-2' },
    ]);
  });

  it('draw a drop when every connection was dropped', () => {
    const dropped = run({ scenario: at('Local', 3), counts: { 'pod-1': 0, 'pod-2': 0, timedOut: 1000 } });
    expect(runRoutes('node-3', at('Local', 3), dropped)).toEqual([{ kind: 'dropped', node: 'node-3' }]);
  });

  it('show only the request while the run on screen is for another scenario', () => {
    expect(runRoutes('node-2', at('Local', 2), run({}))).toEqual([{ kind: 'request', node: 'node-2' }]);
    expect(runRoutes('node-1', at('Cluster', 1), null)).toEqual([{ kind: 'request', node: 'node-1' }]);
  });

  it('follow the sample connection', () => {
    expect(storyRoute('node-2', 'pod-1')).toEqual([
      { kind: 'request', node: 'node-2' },
      { kind: 'deliver', node: 'node-2', pod: 'pod-1' },
    ]);
    expect(storyRoute('node-3', null)).toEqual([{ kind: 'dropped', node: 'node-3' }]);
  });
});

describe('the sample connection in the rules view', () => {
  it('numbers the matched nat rules of the node in the order they matched', () => {
    const story = lab.story(at('Cluster', 2), 42, 0);
    const walked = walkedOn(story, 'node-2');
    const order = [...walked.steps.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key);
    expect(order[0]).toBe('PREROUTING 1');
    expect(order).toContain('KUBE-SERVICES 2');
    expect(order.at(-1)).toMatch(/^KUBE-POSTROUTING /);
    expect(walked.missed.has('KUBE-SERVICES 1')).toBe(true);
    expect(walked.chains.has('KUBE-MARK-MASQ')).toBe(true);
    // Filter rules are not part of the nat listing.
    expect([...walked.steps.keys()].some((k) => k.startsWith('FORWARD'))).toBe(false);
  });

  it('marks nothing on a node the connection never reached', () => {
    const story = lab.story(at('Cluster', 2), 42, 0);
    expect(walkedOn(story, 'node-3').steps.size).toBe(0);
  });
});

describe('result rows and the explanation', () => {
  it('list pods in order, then the failures (timed out at least), with the tone of their path', () => {
    expect(resultRows(run({}), lesson)).toEqual([
      { outcome: 'pod-1', count: 500, node: 'node-1', tone: 'forwarded' },
      { outcome: 'pod-2', count: 500, node: 'node-2', tone: 'local' },
      { outcome: 'timedOut', count: 0, node: null, tone: 'dropped' },
    ]);
  });

  it('explain from what the rules allow, not from the option key', () => {
    expect(explainRun(run({}), lesson)).toEqual({
      key: 'whyCluster',
      values: { node: 'node-2', pod: 'pod-2', endpoints: 2 },
    });
    const local = run({ scenario: at('Local', 1), exact: { 'pod-1': 1, 'pod-2': 0 } });
    expect(explainRun(local, lesson)).toEqual({ key: 'whyLocalHere', values: { node: 'node-1', pods: 'pod-1' } });
    const none = run({ scenario: at('Local', 3), exact: { 'pod-1': 0, 'pod-2': 0, timedOut: 1 } });
    expect(explainRun(none, lesson)).toEqual({ key: 'whyLocalNone', values: { node: 'node-3' } });
  });
});
