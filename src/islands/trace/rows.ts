/**
 * Groups a long trace for reading: a run of rules in one chain that did not match (kube-proxy's
 * KUBE-SERVICES can hold thousands) becomes one row that can be opened.
 */
import type { TraceLine } from '../../workers/trace/protocol';

/** A row of the trace table: one rule, or a run of rules that did not match. */
export type TraceRow =
  | { readonly kind: 'rule'; readonly index: number; readonly entry: TraceLine }
  | { readonly kind: 'group'; readonly id: number; readonly first: number; readonly entries: readonly TraceLine[] };

/** Runs of at least this many non-matching rules are grouped. */
export const GROUP_MIN = 4;

/** The rows of `trace`; groups whose id is in `open` are listed rule by rule. */
export function traceRows(trace: readonly TraceLine[], open: ReadonlySet<number>): TraceRow[] {
  const rows: TraceRow[] = [];
  let i = 0;
  while (i < trace.length) {
    const e = trace[i] as TraceLine;
    let j = i;
    if (!e.matched) {
      while (j + 1 < trace.length) {
        const n = trace[j + 1] as TraceLine;
        if (n.matched || n.chain !== e.chain || n.table !== e.table || n.hook !== e.hook || n.direction !== e.direction)
          break;
        j++;
      }
    }
    const length = j - i + 1;
    if (length >= GROUP_MIN && !open.has(i)) {
      rows.push({ kind: 'group', id: i, first: i, entries: trace.slice(i, j + 1) });
    } else {
      for (let k = i; k <= j; k++) rows.push({ kind: 'rule', index: k, entry: trace[k] as TraceLine });
    }
    i = j + 1;
  }
  return rows;
}

/**
 * Lines of the rules the sampled packet matched and checked (matched wins). A chain policy
 * that decided marks the chain's declaration line.
 */
export function traceMarks(trace: readonly TraceLine[]): Map<number, 'matched' | 'checked'> {
  const marks = new Map<number, 'matched' | 'checked'>();
  for (const e of trace) {
    if (e.line <= 0) continue;
    if (e.matched) marks.set(e.line, 'matched');
    else if (!marks.has(e.line)) marks.set(e.line, 'checked');
  }
  return marks;
}
