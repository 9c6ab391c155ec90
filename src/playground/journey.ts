/**
 * The playground's sample connection as the rows the shared trace view draws: every hop of
 * the request and of the answer, with the rules the packet met on each node between them, in
 * the order the kernel meets them (the hooks before routing, routing, the hooks after it).
 * The engine records hops and rules in two lists, so this interleaves them by that order.
 */
import type { Step, TraceEntry } from '../engine/simulate';
import type { HopRow, TraceRow } from '../stores/lab/types';

/** Hooks a packet walks before the routing decision (arriving, or made on the node itself). */
const BEFORE_ROUTING = new Set(['PREROUTING', 'OUTPUT']);

function hopRow(s: Step): HopRow {
  return { kind: 'hop', ...s };
}

function ruleRow(t: TraceEntry): TraceRow {
  const { node, hook, table, chain, rule, text, matched, action } = t;
  return { kind: 'rule', node, hook, table, chain, rule, text, matched, action };
}

/** Events after which the packet has left the hooks before routing behind. */
const AFTER_PREROUTING = new Set<Step['event']>(['route', 'send', 'deliver', 'drop', 'leave']);

/**
 * The rows of one connection: every hop in the engine's order; a node's rules at its first
 * visit in that direction, those before routing ahead of its route (or of how it ended) and
 * the others after it.
 */
export function journeyRows(steps: readonly Step[], trace: readonly TraceEntry[]): TraceRow[] {
  const rows: TraceRow[] = [];
  const shown = new Set<TraceEntry>();
  const rules = (node: string, direction: Step['direction'], before: boolean): TraceRow[] => {
    const found = trace.filter(
      (t) => !shown.has(t) && t.node === node && t.direction === direction && BEFORE_ROUTING.has(t.hook) === before,
    );
    for (const t of found) shown.add(t);
    return found.map(ruleRow);
  };
  let visit = '';
  let stage = 0; // 0: before routing, 1: routed (after-routing rules pending), 2: all rules shown
  for (const step of steps) {
    const key = `${step.node} ${step.direction}`;
    if (key !== visit) {
      if (stage < 2 && visit !== '') rows.push(...rulesOfVisit(visit, stage));
      visit = key;
      stage = 0;
    }
    if (stage === 0 && AFTER_PREROUTING.has(step.event)) {
      rows.push(...rules(step.node, step.direction, true));
      stage = 1;
    }
    if (stage === 1 && step.event !== 'route') {
      rows.push(...rules(step.node, step.direction, false));
      stage = 2;
    }
    rows.push(hopRow(step));
  }
  if (stage < 2 && visit !== '') rows.push(...rulesOfVisit(visit, stage));
  // Rules on a node no hop names still belong in the table.
  rows.push(...trace.filter((t) => !shown.has(t)).map(ruleRow));
  return rows;

  function rulesOfVisit(key: string, from: number): TraceRow[] {
    const [node = '', direction = 'original'] = key.split(' ') as [string, Step['direction']];
    return [...(from === 0 ? rules(node, direction, true) : []), ...rules(node, direction, false)];
  }
}
