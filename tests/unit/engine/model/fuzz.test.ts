/** Garbage in, errors out: the loader never throws and never hangs. */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../../src/engine/model/loadManifests';
import { fixture } from './helpers';

function checkResult(text: string): void {
  const result = loadManifests(text, 'fuzz.yaml');
  // Either a cluster with no errors, or errors and no cluster; every problem is a coded message.
  expect(result.cluster === undefined).toBe(result.errors.length > 0);
  for (const e of [...result.errors, ...result.warnings]) {
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.document).toBeGreaterThanOrEqual(0);
  }
}

// Generous timeouts: the machine is shared, and these are correctness tests, not benchmarks.
describe('fuzzed manifests', { timeout: 60_000 }, () => {
  const bounce = fixture('bounce.yaml');

  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), checkResult), { numRuns: 300 });
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => checkResult(JSON.stringify(v))),
      { numRuns: 300 },
    );
  });

  it('objects of known kinds with random fields', () => {
    const kind = fc.constantFrom(
      'Node',
      'Pod',
      'Service',
      'EndpointSlice',
      'KubeProxyConfiguration',
      'List',
      'ConfigMap',
    );
    const apiVersion = fc.constantFrom('v1', 'discovery.k8s.io/v1', 'kubeproxy.config.k8s.io/v1alpha1');
    const field = fc.constantFrom(
      'metadata',
      'spec',
      'status',
      'ports',
      'endpoints',
      'items',
      'addressType',
      'iptables',
      'data',
      'clusterCIDR',
    );
    const doc = fc
      .record({ kind, apiVersion, extra: fc.dictionary(field, fc.jsonValue({ maxDepth: 3 })) })
      .map(({ kind: k, apiVersion: a, extra }) => ({ apiVersion: a, kind: k, ...extra }));
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 4 }), (docs) => checkResult(docs.map((d) => stringify(d)).join('---\n'))),
      { numRuns: 300 },
    );
  });

  it('the bounce fixture with characters deleted, replaced or lines swapped', () => {
    const lines = bounce.split('\n');
    const edit = fc.oneof(
      fc.record({
        op: fc.constant('delete' as const),
        at: fc.nat(bounce.length - 1),
        n: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({
        op: fc.constant('replace' as const),
        at: fc.nat(bounce.length - 1),
        with: fc.string({ maxLength: 6 }),
      }),
      fc.record({ op: fc.constant('swap' as const), a: fc.nat(lines.length - 1), b: fc.nat(lines.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = bounce;
        for (const e of edits) {
          if (e.op === 'delete') text = text.slice(0, e.at) + text.slice(e.at + e.n);
          else if (e.op === 'replace') text = text.slice(0, e.at) + e.with + text.slice(e.at + 1);
          else {
            const ls = text.split('\n');
            const [x, y] = [ls[e.a] ?? '', ls[e.b] ?? ''];
            ls[e.a] = y;
            ls[e.b] = x;
            text = ls.join('\n');
          }
        }
        checkResult(text);
      }),
      { numRuns: 150 },
    );
  });

  it('alias bombs are refused quickly', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const result = loadManifests(bomb);
    expect(result.errors[0]?.code).toBe('yaml-syntax');
  });

  it('oversized input is refused, not parsed', () => {
    const result = loadManifests('#'.repeat(9 * 1024 * 1024));
    expect(result.errors.map((e) => e.code)).toEqual(['input-too-large', 'no-objects']);
  });
});
