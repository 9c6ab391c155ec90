/**
 * The engine's work limits, and the error that says which one a ruleset crossed. Every limit
 * here is about the *input* (rules that fan out or branch too much), never a bug: the CLI
 * exits 2 on WorkLimitError and the trace page shows its kind and values in the reader's
 * language. One budget serves exact enumeration in both rule languages.
 */
import type { FanOutSite } from '../network/cost';

/** Most rule evaluations the static bound allows for one packet (both directions); exponential fan-out passes it within a few levels. */
export const MAX_WALK_BOUND = 10_000_000;

/** Most paths exact mode replays (a Service with this many endpoints still fits). */
export const MAX_EXACT_WALKS = 20_000;

/**
 * The fixed cost of one walk (context, packet, result, routing), in rule evaluations: measured
 * at ~20–40 µs of CPU for a walk of 20 rules, where one rule costs well under 0.1 µs.
 */
export const WALK_COST = 100;

/** Work units exact mode may spend (rule evaluations + WALK_COST per walk): a few seconds. */
export const EXACT_WORK_BUDGET = 20_000_000;

/** Work units of `walks` walks that evaluated `evaluations` rules in all. */
export function workUnits(walks: number, evaluations: number): number {
  return evaluations + WALK_COST * walks;
}

/** A rule that drew a random decision. */
export interface DecisionRule {
  readonly node: string;
  readonly table: string;
  readonly chain: string;
  readonly rule: number;
  readonly line: number;
}

/** Which limit was crossed, with what the messages need. */
export type WorkLimit =
  /** One packet could meet more rules than MAX_WALK_BOUND: chains call each other too often. */
  | {
      readonly kind: 'fan-out';
      readonly node: string;
      readonly bound: number;
      readonly limit: number;
      readonly site: FanOutSite | null;
    }
  /** Exact mode would replay more paths, or spend more work, than its budget. */
  | {
      readonly kind: 'branches';
      readonly walks: number;
      readonly limit: number;
      readonly decisions: number;
      readonly rules: readonly DecisionRule[];
    };

function where(r: { table: string; chain: string; rule: number; line: number }): string {
  return `${r.table} ${r.chain} rule ${r.rule}${r.line > 0 ? ` (line ${r.line})` : ''}`;
}

/** The limit in one English sentence (the CLI's message; the page words its own). */
export function describeLimit(limit: WorkLimit): string {
  if (limit.kind === 'fan-out') {
    const s = limit.site;
    const site =
      s === null
        ? ''
        : s.calls > 1
          ? `: ${where(s)} and ${s.calls - 1} more rule${s.calls > 2 ? 's' : ''} of ${s.chain} call ${s.target}, which alone can evaluate ${s.targetBound} rules`
          : `: most of it through ${where(s)}, which calls ${s.target}`;
    return `the rules' jumps fan out: one packet could meet up to ${limit.bound >= 1e15 ? 'more than 10^15' : limit.bound} rule evaluations on node ${limit.node} (limit ${limit.limit})${site}`;
  }
  const first = limit.rules[0];
  const last = limit.rules[limit.rules.length - 1];
  const from =
    first === undefined
      ? ''
      : ` (${limit.decisions} random decision${limit.decisions === 1 ? '' : 's'} on one path, from ${where(first)}${last !== undefined && last !== first ? ` to ${where(last)}` : ''})`;
  return `exact mode stopped after ${limit.walks} paths (limit ${limit.limit}): the rules' random choices branch too much to enumerate${from}`;
}

/** The input crossed a work limit: not a bug. `limit` says which, `message` in English. */
export class WorkLimitError extends Error {
  /** `advice` is appended to the message (the CLI adds how to still get an answer). */
  constructor(
    readonly limit: WorkLimit,
    advice = '',
  ) {
    super(`${describeLimit(limit)}${advice}`);
    this.name = 'WorkLimitError';
  }
}
