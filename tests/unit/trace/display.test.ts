import { describe, expect, it } from 'vitest';
import { displayLine } from '../../../src/islands/trace/display';
import { traceMarks, traceRows } from '../../../src/islands/trace/rows';
import type { TraceLine } from '../../../src/workers/trace/protocol';

describe('displayLine', () => {
  it('shows control characters as control pictures and bidi overrides as tags', () => {
    expect(displayLine('a\u0000b\u0007c\u001bd\u007fe').text).toBe('a␀b␇c␛d␡e');
    expect(displayLine('x\u202Eevil\u202Cy\u200Bz').text).toBe('x<U+202E>evil<U+202C>y<U+200B>z');
    expect(displayLine('tab\tstays').text).toBe('tab\tstays');
  });

  it('keeps markup as plain characters (rendering makes them text nodes)', () => {
    expect(displayLine('<script>alert(1)</script>').text).toBe('<script>alert(1)</script>');
  });

  it('cuts long lines and says how much was cut', () => {
    expect(displayLine('y'.repeat(2_500))).toEqual({ text: 'y'.repeat(2_000), cut: 500 });
    expect(displayLine('short')).toEqual({ text: 'short', cut: 0 });
  });
});

const entry = (chain: string, rule: number, matched: boolean, line = rule + 10): TraceLine => ({
  table: 'nat',
  chain,
  rule,
  text: `-A ${chain} rule ${rule}`,
  line,
  hook: 'PREROUTING',
  matched,
  action: matched ? 'jump X' : '',
  direction: 'original',
});

describe('traceRows', () => {
  const trace = [
    entry('A', 1, true),
    ...[1, 2, 3, 4, 5].map((r) => entry('B', r, false)),
    entry('B', 6, true),
    entry('C', 1, false),
    entry('C', 2, false),
  ];

  it('folds runs of four or more misses in one chain, and only those', () => {
    const rows = traceRows(trace, new Set());
    expect(rows.map((r) => (r.kind === 'group' ? `group ${r.entries.length}` : r.entry.chain + r.entry.rule))).toEqual([
      'A1',
      'group 5',
      'B6',
      'C1',
      'C2',
    ]);
  });

  it('lists an opened group rule by rule', () => {
    const rows = traceRows(trace, new Set([1]));
    expect(rows).toHaveLength(trace.length);
    expect(rows.every((r) => r.kind === 'rule')).toBe(true);
  });

  it('marks matched over checked, and a deciding policy on its declaration line', () => {
    const policy: TraceLine = { ...entry('POSTROUTING', 0, true, 4), text: 'policy ACCEPT', action: 'policy ACCEPT' };
    const marks = traceMarks([
      entry('B', 1, false, 20),
      entry('B', 1, true, 20),
      entry('B', 2, false, 21),
      policy,
      entry('X', 0, true, 0),
    ]);
    expect([...marks]).toEqual([
      [20, 'matched'],
      [21, 'checked'],
      [4, 'matched'],
    ]);
  });
});
