/** The rules view's stores: which node is shown, and whose counters apply. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/stores/model';
import { bounceLesson } from './bounceLesson';

afterEach(() => vi.resetModules());

/** Fresh store modules with bounce as the page's lesson. */
async function rules() {
  (await import('../../../src/stores/lesson')).setLesson(bounceLesson());
  return import('../../../src/stores/rules');
}

const at = (policy: string, node: number) => ({ policy, node: `node-${node}` });
const run: RunSummary = {
  scenario: at('Cluster', 2),
  seed: 1,
  total: 1000,
  counts: { 'pod-1': 500, 'pod-2': 500 },
  exact: { 'pod-1': 0.5, 'pod-2': 0.5 },
  tallies: [],
  counters: { 'node-1': [500], 'node-2': [1000, 500] },
};

describe('rules stores', () => {
  it('show the receiving node until the reader picks another, and follow a new receiving node', async () => {
    const { $rulesNode, showRulesOf } = await rules();
    const { setSetting } = await import('../../../src/stores/scenario');
    expect($rulesNode.get()).toBe('node-2');
    showRulesOf('node-1');
    expect($rulesNode.get()).toBe('node-1');
    setSetting('node', 'node-3');
    expect($rulesNode.get()).toBe('node-3');
  });

  it('give counters only for the scenario the run was made with', async () => {
    const { countersFor } = await rules();
    expect(countersFor(run, at('Cluster', 2), 'node-2')).toEqual([1000, 500]);
    expect(countersFor(run, at('Cluster', 2), 'node-1')).toEqual([500]);
    expect(countersFor(run, at('Cluster', 2), 'node-3')).toBeNull();
    expect(countersFor(run, at('Local', 2), 'node-2')).toBeNull();
    expect(countersFor(null, at('Cluster', 2), 'node-2')).toBeNull();
  });

  it('load the listing lazily, only once someone looks at it', async () => {
    const { $rules } = await rules();
    expect($rules.get()).toEqual({ state: 'loading' });
    const ready = new Promise((resolve) => {
      const stop = $rules.subscribe((v) => {
        if (v.state !== 'loading') {
          resolve(v);
          queueMicrotask(stop);
        }
      });
    });
    const value = (await ready) as { state: string; value: { node: string; lines: unknown[] } };
    expect(value.state).toBe('ready');
    expect(value.value.node).toBe('node-2');
    expect(value.value.lines.length).toBeGreaterThan(20);
  }, 30_000);
});
