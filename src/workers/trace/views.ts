/**
 * Turns engine results into the plain views the page shows, each rule tagged with the dump
 * line it came from (traces name rules by table, chain and number; rules.ts finds the line).
 */
import { joinHostPort } from '../../engine/rules';
import type { TraceEntry } from '../../engine/netfilter/trace';
import type { ConnectionResult, RuleRef, Step } from '../../engine/network/types';
import { outcomeKey } from '../../engine/simulate';
import type { OutcomeView, RuleView, StepView, TraceLine } from './protocol';

/** Finds the dump line of a rule (or, for rule 0, of its chain's declaration). */
export type LineOf = (table: string, chain: string, rule: number) => number;

/** A rule reference with its line. */
export function ruleView(
  ref: RuleRef | { table: string; chain: string; rule: number; text: string },
  lineOf: LineOf,
): RuleView {
  return {
    table: ref.table,
    chain: ref.chain,
    rule: ref.rule,
    text: ref.text,
    line: lineOf(ref.table, ref.chain, ref.rule),
  };
}

/** What happened to one connection, without its trace. */
export function outcomeView(r: ConnectionResult, lineOf: LineOf): OutcomeView {
  const d = r.destination;
  return {
    verdict: r.verdict,
    destination: d ? { kind: d.kind, ip: d.ip, port: d.port } : null,
    masquerade: r.masquerade,
    // A ping has no port: the echo identifier conntrack keys on is not one to show.
    sourceSeen: r.sourceSeen
      ? r.sourceSeen.port === null || r.echo !== undefined
        ? r.sourceSeen.ip
        : joinHostPort(r.sourceSeen.ip, r.sourceSeen.port)
      : null,
    sourcePortRandom: r.sourceSeen !== null && r.sourceSeen.port === null,
    echo: r.echo ?? null,
    decidedBy: r.decidedBy ? ruleView(r.decidedBy, lineOf) : null,
    reason: r.reason,
    key: outcomeKey(r),
  };
}

/** One trace entry with its line (none for the implicit return at a user chain's end). */
export function traceLine(e: TraceEntry, lineOf: LineOf): TraceLine {
  return {
    table: e.table,
    chain: e.chain,
    rule: e.rule,
    text: e.text,
    line: e.rule === 0 && e.action === 'return' ? 0 : lineOf(e.table, e.chain, e.rule),
    hook: e.hook,
    matched: e.matched,
    action: e.action,
    direction: e.direction,
  };
}

/** One journey step. */
export function stepView(s: Step): StepView {
  return { direction: s.direction, event: s.event, iface: s.iface, src: s.src, dst: s.dst, detail: s.detail };
}
