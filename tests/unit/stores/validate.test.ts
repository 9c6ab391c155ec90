import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/stores/model';
import { parseJson, toAnswer, toRunSummary as check, toScenario as checkScenario } from '../../../src/stores/validate';
import { bounceLesson } from './bounceLesson';

// Stored runs are checked against the lesson they claim to belong to: bounce here.
const lesson = bounceLesson();
const toRunSummary = (value: unknown) => check(value, lesson);
const toScenario = (value: unknown) => checkScenario(value, lesson);

const good: RunSummary = {
  scenario: { policy: 'Cluster', node: 'node-2' },
  seed: 42,
  total: 1000,
  counts: { 'pod-1': 493, 'pod-2': 507 },
  exact: { 'pod-1': 0.5, 'pod-2': 0.5 },
  tallies: [
    { client: 'client', entry: 'node-2', end: 'pod-1', source: '192.168.10.12', count: 493 },
    { client: 'client', entry: 'node-2', end: 'pod-2', source: '10.244.2.1', count: 507 },
  ],
  counters: { 'node-1': [493, 0], 'node-2': [1000, 507, 493] },
};

describe('what comes back from storage', () => {
  it('accepts a well-formed run summary as it is', () => {
    expect(toRunSummary(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it.each<[string, (s: Record<string, unknown>) => unknown]>([
    ['a missing field', ({ seed: _seed, ...rest }) => rest],
    ['an unknown policy', (s) => ({ ...s, scenario: { policy: 'Magic', node: 'node-2' } })],
    ['a node the lesson does not have', (s) => ({ ...s, scenario: { policy: 'Local', node: 'node-4' } })],
    [
      'a control the lesson does not have',
      (s) => ({ ...s, scenario: { policy: 'Local', node: 'node-2', affinity: 'ClientIP' } }),
    ],
    ['a negative seed', (s) => ({ ...s, seed: -1 })],
    ['a seed over 32 bits', (s) => ({ ...s, seed: 2 ** 32 })],
    ['a run size the page does not offer', (s) => ({ ...s, total: 999 })],
    ['counts that do not add up to the total', (s) => ({ ...s, counts: { 'pod-1': 1, 'pod-2': 2 } })],
    ['counts that disagree with the tallies', (s) => ({ ...s, counts: { 'pod-1': 507, 'pod-2': 493 } })],
    ['a fractional count', (s) => ({ ...s, counts: { 'pod-1': 492.5, 'pod-2': 507.5 } })],
    ['an outcome name that is not a pod', (s) => ({ ...s, counts: { '<b>': 1000 }, exact: { '<b>': 1 } })],
    ['a pod the lesson does not have', (s) => ({ ...s, counts: { 'pod-1': 493, 'pod-9': 507 } })],
    [
      'a tally from a client the lesson does not have',
      (s) => ({ ...s, tallies: [{ client: 'eve', entry: 'node-2', end: 'pod-1', source: '', count: 1000 }] }),
    ],
    [
      'a tally through a node the lesson does not have',
      (s) => ({ ...s, tallies: [{ client: 'client', entry: 'node-9', end: 'pod-1', source: '', count: 1000 }] }),
    ],
    ['exact probabilities that do not sum to 1', (s) => ({ ...s, exact: { 'pod-1': 0.5, 'pod-2': 0.6 } })],
    ['exact over a pod the lesson does not have', (s) => ({ ...s, exact: { 'pod-1': 0.5, 'pod-3': 0.5 } })],
    ['a counter larger than a run can make', (s) => ({ ...s, counters: { 'node-2': [99999] } })],
    ['counters that are not numbers', (s) => ({ ...s, counters: { 'node-2': ['1'] } })],
    ['an array instead of an object', () => [good]],
  ])('refuses %s', (_, mutate) => {
    expect(toRunSummary(mutate(JSON.parse(JSON.stringify(good)) as Record<string, unknown>))).toBeNull();
  });

  // The good summary with one field replaced by anything at all.
  const mutated = fc
    .tuple(fc.constantFrom(...Object.keys(good)), fc.anything())
    .map(([key, value]) => ({ ...good, [key]: value }) as unknown);

  it('never throws on arbitrary JSON, and what it accepts is consistent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constant(good), mutated), (value) => {
        const summary = toRunSummary(value);
        if (summary) {
          expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(summary.total);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('turns broken JSON into undefined, not an exception', () => {
    expect(parseJson('{"scenario":')).toBeUndefined();
    expect(toRunSummary(parseJson('not json'))).toBeNull();
  });

  it('reads answers and scenarios strictly', () => {
    expect(toAnswer('c')).toBe('c');
    expect(toAnswer('C')).toBeNull();
    expect(toAnswer('')).toBeNull();
    expect(toScenario({ policy: 'Local', node: 'node-3' })).toEqual({ policy: 'Local', node: 'node-3' });
    expect(toScenario({ policy: 'Local', node: 3 })).toBeNull();
    expect(toScenario({ policy: 'Local' })).toBeNull();
  });
});
