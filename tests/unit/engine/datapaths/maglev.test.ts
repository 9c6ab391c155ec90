/** Cilium's Maglev table against cilium/cilium pkg/maglev/maglev_test.go, and its properties. */
import { describe, expect, it } from 'vitest';
import { MAGLEV_DEFAULT_TABLE_SIZE, maglevTable, tupleHash } from '../../../../src/engine/datapaths/cilium';
import { murmur3x64128, utf8 } from '../../../../src/engine/datapaths/shared/hash';

// mkAddr(i) of maglev_test.go: IPv4 address i (big-endian), port i, TCP.
const mk = (i: number, weight: number, id: number): { id: number; addr: string; weight: number } => ({
  id,
  addr: `0.0.0.${i}:${i}/TCP`,
  weight,
});

function runLength(t: Int32Array): string {
  const runs: string[] = [];
  let cur = t[0];
  let n = 0;
  for (const id of t) {
    if (id === cur) n++;
    else {
      runs.push(`${cur}(${n})`);
      cur = id;
      n = 1;
    }
  }
  runs.push(`${cur}(${n})`);
  return runs.join(',');
}

describe('Maglev lookup table', () => {
  it('MurmurHash3_x64_128 gives the reference values', () => {
    expect(murmur3x64128(utf8('hello'), 0).map((h) => h.toString(16))).toEqual([
      'cbd8a7b341bd9b02',
      '5b1e906a48ae1d19',
    ]);
    expect(murmur3x64128(utf8('The quick brown fox jumps over the lazy dog'), 0).map((h) => h.toString(16))).toEqual([
      'e34bbc7bbc071b6c',
      '7a433ca9c49a9347',
    ]);
  });

  it('reproduces Cilium TestReproducible bit for bit (M = 251, weighted backends)', () => {
    const expected =
      '2(5),3(1),2(3),1(1),2(2),0(1),2(1),3(1),2(1),3(1),2(1),1(1),2(7),1(1),2(14),3(1),2(1),' +
      '1(2),2(12),3(1),2(3),1(1),2(4),3(1),2(8),3(1),2(2),1(1),2(16),1(2),2(3),3(1),2(11),1(2),2(4),3(1),2(3),' +
      '1(1),2(4),3(1),2(1),0(1),1(1),2(8),1(1),2(7),1(1),2(4),3(1),2(1),3(1),2(9),1(2),2(5),1(1),2(7),3(1),2(1),' +
      '3(1),1(1),2(8),1(1),2(4),0(1),2(1),1(1),2(5),3(1),2(3),1(1),2(4),3(1),2(3),1(1),2(12),0(1),3(1),2(3),3(1),' +
      '2(4),3(1),2(2),1(1),2(7)';
    expect(runLength(maglevTable([mk(1, 2, 0), mk(3, 13, 1), mk(4, 111, 2), mk(5, 10, 3)], 251))).toBe(expected);
  });

  it('reproduces Cilium TestWeightedBackendWithRemoval slot counts (16, 98, 832, 75 of 1021)', () => {
    const t = maglevTable([mk(1, 2, 1), mk(2, 13, 2), mk(3, 111, 3), mk(4, 10, 4)], 1021);
    const count = (id: number): number => t.filter((x) => x === id).length;
    expect([1, 2, 3, 4].map(count)).toEqual([16, 98, 832, 75]);
  });

  it('balance: with the default M = 16381 every backend holds M/N slots within 1%', () => {
    for (const n of [2, 3, 7, 10]) {
      const t = maglevTable(
        Array.from({ length: n }, (_, i) => ({ id: i + 1, addr: `10.244.${i % 3}.${10 + i}:8080/TCP`, weight: 100 })),
      );
      expect(t.length).toBe(MAGLEV_DEFAULT_TABLE_SIZE);
      for (let id = 1; id <= n; id++) {
        const slots = t.filter((x) => x === id).length;
        expect(Math.abs(slots - MAGLEV_DEFAULT_TABLE_SIZE / n) / (MAGLEV_DEFAULT_TABLE_SIZE / n)).toBeLessThan(0.01);
      }
    }
  });

  it('consistency: removing one of 10 backends moves its own slots and under 1% of the others', () => {
    const all = Array.from({ length: 10 }, (_, i) => ({
      id: i + 1,
      addr: `10.244.${i % 3}.${10 + i}:8080/TCP`,
      weight: 100,
    }));
    const before = maglevTable(all);
    const after = maglevTable(all.filter((b) => b.id !== 4));
    let moved = 0;
    let changedOthers = 0;
    before.forEach((id, slot) => {
      if (after[slot] !== id) moved++;
      if (id !== 4 && after[slot] !== id) changedOthers++;
    });
    expect(after.includes(4)).toBe(false);
    expect(moved / before.length).toBeLessThan(0.1 + 0.01); // ~1/N
    expect(changedOthers / before.length).toBeLessThan(0.01);
  });

  it('order of the backends does not matter (sorted by hash string, as on every node)', () => {
    const bs = [mk(7, 100, 1), mk(2, 100, 2), mk(9, 100, 3)];
    expect(maglevTable([...bs].reverse(), 1021)).toEqual(maglevTable(bs, 1021));
  });

  it('a table size Cilium refuses is an error naming the option', () => {
    expect(() => maglevTable([mk(1, 1, 1)], 1000)).toThrow(/cilium\.maglevTableSize: 1000/);
  });

  it('the 5-tuple hash ignores the destination address and changes with the source port', () => {
    const a = tupleHash(0xc0a80a64, 40000, 30080, 6);
    expect(tupleHash(0xc0a80a64, 40000, 30080, 6)).toBe(a);
    expect(tupleHash(0xc0a80a64, 40001, 30080, 6)).not.toBe(a);
  });
});
