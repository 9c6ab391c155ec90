import { joinHostPort } from '../engine/rules';
import type { ConnectionResult, ConnectionSpec, EchoResult, RunSummary, TraceEntry } from '../engine/simulate';
import { escapeText } from '../text/inert';

/** How a connection was described on the command line, for the heading. */
export interface Heading {
  readonly from: string;
  readonly to: string;
  readonly entry?: string;
}

function percent(p: number): string {
  return `${(p * 100).toFixed(2).padStart(6)}%`;
}

/** One line per outcome: verdict, where it landed, what the pod saw, the way there. */
export function describeResult(r: ConnectionResult): string {
  const d = r.destination;
  const where =
    d === null
      ? ''
      : d.kind === 'pod'
        ? ` → pod ${d.namespace}/${d.name} (${joinHostPort(d.ip, d.port)}) on ${d.node}`
        : d.kind === 'node'
          ? ` → node ${d.node} itself (${joinHostPort(d.ip, d.port)})`
          : ` → ${joinHostPort(d.ip, d.port)} outside the cluster`;
  const parts: string[] = [`${r.verdict}${where}`];
  if (r.sourceSeen !== null)
    parts.push(
      `source seen ${joinHostPort(r.sourceSeen.ip, r.sourceSeen.port ?? 'random')}${r.masquerade ? ' (masqueraded)' : ''}`,
    );
  else if (r.masquerade) parts.push('masqueraded');
  if (r.hops.length > 0) parts.push(`hops ${r.hops.join(' → ')}`);
  if (r.decidedBy !== null)
    parts.push(
      `by ${r.decidedBy.node} ${r.decidedBy.table}/${r.decidedBy.chain} #${r.decidedBy.rule}: ${r.decidedBy.text}`,
    );
  if (r.reason !== null) parts.push(`(${r.reason})`);
  if (r.reply !== null && !r.reply.delivered && r.echo === undefined)
    parts.push(`answer lost${r.reply.failure === null ? '' : `: ${r.reply.failure}`}`);
  if (r.echo !== undefined) parts.push(`ping: ${describeEcho(r.echo)}`);
  return parts.join('  ');
}

/** What the ping got back, in ping's terms. */
export function describeEcho(echo: EchoResult): string {
  if (echo.kind === 'reply') return `echo reply from ${echo.from} (${echo.responder} answers)`;
  if (echo.kind === 'none') return `no answer (${echo.why})`;
  const failed = echo.sendFails ? '; sendmsg() fails with EPERM on the sender too' : '';
  const icmp = echo.type === 1 ? 'ICMPv6' : 'ICMP';
  return `${echo.name} (${icmp} type ${echo.type} code ${echo.code}) from ${echo.from}, sent by ${echo.node}${failed}`;
}

/** A trace as `iptables -j TRACE` would show it: node, table:chain:rule, rule text, result. */
export function describeTrace(trace: readonly TraceEntry[]): string[] {
  return trace.map((t) => {
    const where = `${t.node} ${t.table}:${t.chain}:${t.rule === 0 ? 'policy' : t.rule}`;
    const result = t.matched ? `matched${t.action === '' ? '' : ` → ${t.action}`}` : 'no match';
    return `      ${where.padEnd(44)} ${result.padEnd(18)} ${t.text}`;
  });
}

/**
 * The whole human-readable report; `outcomes` null when exact mode was refused. Every line is
 * escaped: rule texts and names come from the input and must not drive the terminal.
 */
export function formatReport(
  heading: Heading,
  spec: ConnectionSpec,
  outcomes: readonly { probability: number; result: ConnectionResult }[] | null,
  sampled: { summary: RunSummary; seed: string } | undefined,
  withTrace: boolean,
): string {
  const lines: string[] = [];
  const entry = heading.entry === undefined ? '' : `, entering ${heading.entry}`;
  const target =
    spec.to.port === undefined
      ? `${spec.to.ip}, ${spec.to.ip.includes(':') ? 'icmpv6' : 'icmp'} echo request`
      : `${joinHostPort(spec.to.ip, spec.to.port ?? 0)}/${spec.protocol ?? 'tcp'}`;
  lines.push(`${heading.from} → ${heading.to} (${target}${entry})`);
  if (outcomes !== null) {
    lines.push('');
    lines.push('Outcomes (every random branch, exact):');
    for (const { probability, result } of outcomes) {
      lines.push(`  ${percent(probability)}  ${describeResult(result)}`);
      if (withTrace && result.trace !== null) lines.push(...describeTrace(result.trace));
    }
  }
  if (sampled !== undefined) {
    const s = sampled.summary;
    lines.push('');
    lines.push(`Sampled ${s.count} connections (seed ${sampled.seed}):`);
    for (const [destination, n] of Object.entries(s.destinations).sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${destination.padEnd(22)} ${String(n).padStart(10)}  ${percent(n / s.count)}`);
    }
    if (s.dropped > 0)
      lines.push(`  ${'dropped'.padEnd(22)} ${String(s.dropped).padStart(10)}  ${percent(s.dropped / s.count)}`);
    if (s.rejected > 0)
      lines.push(`  ${'rejected'.padEnd(22)} ${String(s.rejected).padStart(10)}  ${percent(s.rejected / s.count)}`);
    if (s.unanswered > 0)
      lines.push(
        `  ${'answer lost'.padEnd(22)} ${String(s.unanswered).padStart(10)}  ${percent(s.unanswered / s.count)}`,
      );
  }
  return `${lines.map((line) => escapeText(line)).join('\n')}\n`;
}
