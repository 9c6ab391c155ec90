/** The rules view's stores: which node is shown, and whose counters apply. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/stores/model.ts';

afterEach(() => vi.resetModules());

const run: RunSummary = {
  scenario: { policy: 'Cluster', node: 2 },
  seed: 1,
  total: 1000,
  counts: { 'pod-1': 500, 'pod-2': 500, dropped: 0 },
  exact: { 'pod-1': 0.5, 'pod-2': 0.5, dropped: 0 },
  counters: { 'node-1': [500], 'node-2': [1000, 500] },
};

describe('rules stores', () => {
  it('show the receiving node until the reader picks another, and follow a new receiving node', async () => {
    const { $rulesNode, showRulesOf } = await import('../../../src/stores/rules.ts');
    const { setNode } = await import('../../../src/stores/scenario.ts');
    expect($rulesNode.get()).toBe(2);
    showRulesOf(1);
    expect($rulesNode.get()).toBe(1);
    setNode(3);
    expect($rulesNode.get()).toBe(3);
  });

  it('give counters only for the scenario the run was made with', async () => {
    const { countersFor } = await import('../../../src/stores/rules.ts');
    expect(countersFor(run, { policy: 'Cluster', node: 2 }, 2)).toEqual([1000, 500]);
    expect(countersFor(run, { policy: 'Cluster', node: 2 }, 1)).toEqual([500]);
    expect(countersFor(run, { policy: 'Cluster', node: 2 }, 3)).toBeNull();
    expect(countersFor(run, { policy: 'Local', node: 2 }, 2)).toBeNull();
    expect(countersFor(null, { policy: 'Cluster', node: 2 }, 2)).toBeNull();
  });

  it('load the listing lazily, only once someone looks at it', async () => {
    const { $rules } = await import('../../../src/stores/rules.ts');
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
  });
});
