/** kube-proxy's TestSortIPTablesRules cases, plus Go's stable sort against a plain stable sort. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSliceStable } from './helpers/goStableSort';
import { sortIPTablesRules } from './helpers/sortRules';

const read = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./kube-proxy-expected/sort/${name}.txt`, import.meta.url)), 'utf8');

describe('sortIPTablesRules (TestSortIPTablesRules)', () => {
  it('basic test using each match type', () => {
    expect(sortIPTablesRules(read('basic.input'))).toBe(read('basic.output'));
  });

  it('correctly match same service name in different styles of comments', () => {
    expect(sortIPTablesRules(read('styles.input'))).toBe(read('styles.output'));
  });

  it('unexpected junk lines are preserved', () => {
    expect(sortIPTablesRules(read('junk.input'))).toBe(read('junk.output'));
  });

  it('extra tables: tables sorted by name, each chain-sorted', () => {
    const block = (name: string): string =>
      [
        `*${name}`,
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-EXTERNAL-SERVICES - [0:0]',
        ':KUBE-FORWARD - [0:0]',
        ':KUBE-NODEPORTS - [0:0]',
        '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
        '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
        'COMMIT',
        '',
      ].join('\n');
    const sorted = (name: string): string =>
      [
        `*${name}`,
        ':KUBE-NODEPORTS - [0:0]',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-EXTERNAL-SERVICES - [0:0]',
        ':KUBE-FORWARD - [0:0]',
        '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
        '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
        'COMMIT',
        '',
      ].join('\n');
    expect(sortIPTablesRules(block('filter') + block('nat') + block('mangle'))).toBe(
      sorted('filter') + sorted('mangle') + sorted('nat'),
    );
  });

  it('rejects text that is not a dump, naming the line', () => {
    expect(() => sortIPTablesRules('*nat\n-A KUBE-X -j ACCEPT\nCOMMIT\n')).toThrow(/line 2/);
    expect(() => sortIPTablesRules('*nat\n:KUBE-X - [0:0]\n')).toThrow(/COMMIT/);
  });
});

describe("Go's sort.SliceStable port", () => {
  it('equals a stable sort for a strict weak order (keys with ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 200 }), (keys) => {
        const items = keys.map((key, index) => ({ key, index }));
        const ours = [...items];
        goSliceStable(ours, (a, b) => a.key < b.key);
        const reference = [...items].sort((a, b) => a.key - b.key);
        expect(ours).toEqual(reference);
      }),
    );
  });
});
