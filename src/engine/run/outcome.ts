/**
 * Groups connection results that mean the same thing (same verdict, destination, deciding
 * rule, masquerade, source seen, path and answer), so exact mode and runs can count them.
 * The client's source port is left out: every connection of a run has its own.
 */
import { joinHostPort } from '../netfilter/ip';
import type { ConnectionResult, Destination } from '../network/types';
import type { Weighted } from '../random/exact';

/** One outcome of exact mode: its probability and a representative result (with trace). */
export interface ExactOutcome {
  readonly probability: number;
  readonly result: ConnectionResult;
}

/** "ip:port" of a destination (the CLI's key). */
export function destinationKey(d: Destination): string {
  return joinHostPort(d.ip, d.port);
}

/** A string that is equal for two results exactly when they belong to the same outcome. */
export function outcomeKey(r: ConnectionResult): string {
  const d = r.destination;
  const dest = d
    ? `${d.kind}|${d.kind === 'external' ? '' : d.kind === 'pod' ? `${d.namespace}/${d.name}@${d.node}` : d.node}|${destinationKey(d)}`
    : '-';
  const rule = r.decidedBy ? `${r.decidedBy.node}|${r.decidedBy.table}|${r.decidedBy.chain}|${r.decidedBy.rule}` : '-';
  const reply = r.reply ? `${r.reply.delivered}|${r.reply.hops.join('>')}|${r.reply.failure ?? ''}` : '-';
  return [r.verdict, dest, rule, r.reason ?? '', r.masquerade, r.sourceSeen?.ip ?? '-', r.hops.join('>'), reply].join(
    '#',
  );
}

/** A result without its trace and steps (what a summary keeps). */
export function withoutTrace(r: ConnectionResult): ConnectionResult {
  return r.trace === null && r.steps === null ? r : { ...r, trace: null, steps: null };
}

/**
 * Exact mode's answer from enumerated walks: results of the same outcome (outcomeKey) add up
 * their probabilities and keep the first walk's result, most likely first. Both rule walks
 * (iptables, nftables) and the other datapaths (IPVS, Cilium) aggregate here.
 */
export function aggregateOutcomes(weighted: readonly Weighted<ConnectionResult>[]): ExactOutcome[] {
  const byKey = new Map<string, { probability: number; result: ConnectionResult }>();
  for (const { probability, value } of weighted) {
    const key = outcomeKey(value);
    const seen = byKey.get(key);
    if (seen) seen.probability += probability;
    else byKey.set(key, { probability, result: value });
  }
  return [...byKey.values()].sort((a, b) => b.probability - a.probability);
}
