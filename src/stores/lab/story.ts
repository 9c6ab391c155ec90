/**
 * Turns one traced connection from the engine into the story the page tells: the rows of
 * the trace table (rules and events, in the order the kernel meets them on each node) and
 * a narration, one sentence per event, for the diagram's text alternative.
 */
import type { ConnectionResult, Step, TraceEntry } from '../../engine/simulate';
import { endOf } from '../../engine/lab';
import type { ConnectionStory, Narration, TraceRow } from './types';

import { shortNode } from '../entry';

export { shortNode } from '../entry';

function ruleRow(t: TraceEntry): TraceRow {
  return {
    kind: 'rule',
    node: t.node,
    hook: t.hook,
    table: t.table,
    chain: t.chain,
    rule: t.rule,
    text: t.text,
    matched: t.matched,
    action: t.action,
  };
}

/** The addresses of an "ip:port" pair. */
const ipOf = (endpoint: string): string => endpoint.split(':')[0] ?? endpoint;

/**
 * Orders one node's rows as the kernel meets them: the packet arrives, walks nat
 * PREROUTING, is routed, then walks the hooks after routing (filter FORWARD/INPUT, nat
 * POSTROUTING/INPUT) and is sent on or delivered. The engine records steps and rules in two
 * lists, so this interleaves them by that fixed hook order.
 */
function nodeRows(
  node: string,
  steps: readonly Step[],
  trace: readonly TraceEntry[],
  say: (s: Step) => Narration | null,
): TraceRow[] {
  const events = (kinds: readonly Step['event'][]) =>
    steps
      .filter((s) => s.node === node && kinds.includes(s.event))
      .flatMap((s): TraceRow[] => {
        const n = say(s);
        return n ? [{ kind: 'event', node, say: n }] : [];
      });
  const rules = trace.filter((t) => t.node === node);
  return [
    ...events(['arrive']),
    ...rules.filter((t) => t.hook === 'PREROUTING').map(ruleRow),
    ...events(['route']),
    ...rules.filter((t) => t.hook !== 'PREROUTING').map(ruleRow),
    ...events(['send', 'deliver', 'drop', 'leave']),
  ];
}

/** The story of `result`, the `sample`-th example connection; `receiving` took the request. */
export function buildStory(
  result: ConnectionResult,
  sample: number,
  sport: number,
  receiving: string,
): ConnectionStory {
  const steps = (result.steps ?? []).filter((s) => s.direction === 'original');
  const trace = (result.trace ?? []).filter((t) => t.direction === 'original');
  const pod = result.destination?.kind === 'pod' ? result.destination : null;
  const dnat = trace.find((t) => t.table === 'nat' && t.action.startsWith('DNAT'));
  const masq = trace.find(
    (t) => t.table === 'nat' && (t.action.startsWith('MASQUERADE') || t.action.startsWith('SNAT')),
  );
  const seen = result.sourceSeen?.ip ?? '';

  const say = (s: Step): Narration | null => {
    const node = shortNode(s.node);
    if (s.event === 'arrive' && s.node === receiving)
      return { key: 'arrive', values: { src: ipOf(s.src), dst: s.dst, node } };
    if (s.event === 'route' && s.detail.startsWith('via '))
      return { key: 'route', values: { from: node, to: shortNode(s.detail.slice(4)) } };
    if (s.event === 'deliver' && pod) return { key: 'deliver', values: { pod: pod.name, node, src: seen } };
    return null;
  };

  const rows: TraceRow[] = [];
  for (const node of [...new Set(result.hops)]) rows.push(...nodeRows(node, steps, trace, say));
  // Rules that decided on a node the hops do not list (none today) still belong in the table.
  const shown = new Set(result.hops);
  rows.push(...trace.filter((t) => !shown.has(t.node)).map(ruleRow));

  const narration: Narration[] = [];
  const first = steps.find((s) => s.event === 'arrive');
  if (first)
    narration.push({ key: 'arrive', values: { src: ipOf(first.src), dst: first.dst, node: shortNode(first.node) } });
  if (dnat && pod)
    narration.push({ key: 'dnat', values: { node: shortNode(dnat.node), pod: pod.name, to: `${pod.ip}:${pod.port}` } });
  if (masq) narration.push({ key: 'masq', values: { node: shortNode(masq.node), src: seen } });
  for (const s of steps) {
    if (s.event === 'route' && s.detail.startsWith('via '))
      narration.push({ key: 'route', values: { from: shortNode(s.node), to: shortNode(s.detail.slice(4)) } });
  }
  if (pod) {
    narration.push({ key: 'deliver', values: { pod: pod.name, node: shortNode(pod.node), src: seen } });
    if (!result.masquerade) narration.push({ key: 'kept', values: {} });
  } else {
    const where = result.decidedBy?.node ?? result.hops[result.hops.length - 1] ?? receiving;
    const reason = result.decidedBy
      ? `${result.decidedBy.table} ${result.decidedBy.chain}: ${result.decidedBy.text}`
      : (result.reason ?? result.verdict);
    narration.push({ key: 'drop', values: { node: shortNode(where), reason } });
    rows.push({ kind: 'event', node: where, say: { key: 'drop', values: { node: shortNode(where), reason } } });
  }
  return {
    sample,
    outcome: endOf(result),
    sport,
    receiving,
    pod: pod?.name ?? null,
    podNode: pod?.node ?? null,
    narration,
    rows,
    replyHops: result.reply?.delivered ? [...result.reply.hops] : null,
  };
}
