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

/** Who sent the sample: an outside client (to a NodePort), a pod (to a ClusterIP), or a pod's ping. */
export type StoryOrigin = 'client' | 'pod' | 'ping';

/** The first sentence: who opens the connection, or sends the ping, and to what. */
function arrival(origin: StoryOrigin, src: string, dst: string, node: string): Narration {
  if (origin === 'client') return { key: 'arrive', values: { src, dst, node } };
  return {
    key: origin === 'ping' ? 'arrivePing' : 'arrivePod',
    values: { src, dst: origin === 'ping' ? ipOf(dst) : dst, node },
  };
}

/** The story of `result`, the `sample`-th example connection; `receiving` took the request. */
export function buildStory(
  result: ConnectionResult,
  sample: number,
  sport: number,
  receiving: string,
  origin: StoryOrigin = 'client',
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
    if (s.event === 'arrive' && s.node === receiving) return arrival(origin, ipOf(s.src), s.dst, node);
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
  if (first) narration.push(arrival(origin, ipOf(first.src), first.dst, shortNode(first.node)));
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
    const echo = result.echo;
    // A ping that is rejected gets an ICMP error back; one that leaves the cluster gets nothing.
    const say: Narration =
      echo?.kind === 'unreachable'
        ? { key: 'unreachable', values: { node: shortNode(echo.node), reason, from: echo.from, name: echo.name } }
        : echo?.kind === 'none' && result.destination?.kind === 'external'
          ? { key: 'noAnswer', values: { node: shortNode(where), dst: result.destination.ip } }
          : { key: 'drop', values: { node: shortNode(where), reason } };
    narration.push(say);
    rows.push({ kind: 'event', node: where, say });
  }
  // For a ping, what came back; for a connection, who served it.
  const echo = result.echo;
  const summary: ConnectionStory['summary'] =
    echo?.kind === 'unreachable'
      ? { key: 'summaryUnreachable', values: { from: echo.from } }
      : echo?.kind === 'none'
        ? { key: 'summaryNoReply', values: {} }
        : echo?.kind === 'reply'
          ? { key: 'summaryEchoReply', values: { pod: pod?.name ?? echo.responder } }
          : pod
            ? { key: 'summaryPod', values: { sport, pod: pod.name, node: pod.node } }
            : { key: 'summaryDropped', values: { sport } };
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
    summary,
  };
}
