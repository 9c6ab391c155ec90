/**
 * The vocabulary the lesson's stores and islands share: the reader's settings, the answer
 * ids, and the summary of a finished run. Plain data only, so every value can be persisted,
 * put in a URL or passed to an island as props. Nothing here knows which lesson it serves:
 * the lesson's own data (controls, pods, claims) comes from its LabConfig (lesson.ts).
 */
import type { Tally } from '../engine/lab/evidence';

export type { Tally } from '../engine/lab/evidence';

/** What the reader has set with the controls: control id → value (see engine/lab/controls.ts). */
export type Scenario = Readonly<Record<string, string>>;

/** An answer id; the same four in every lesson and language. */
export type OptionId = 'a' | 'b' | 'c' | 'd';

/** The answer ids in order. */
export const optionIds: readonly OptionId[] = ['a', 'b', 'c', 'd'];

/** How many connections a run may send. */
export type RunSize = 1_000 | 10_000 | 100_000;

/** The run sizes offered, smallest first; the first is the default. */
export const runSizes: readonly RunSize[] = [1_000, 10_000, 100_000];

/** How a connection ended: a pod's name, or "refused", "timedOut", "unknown" (engine/lab/evidence.ts). */
export type Outcome = string;

/** The ends that are not a pod, in display order. */
export const FAILURES: readonly Outcome[] = ['refused', 'timedOut', 'unknown'];

/** True when an outcome names a pod. */
export function isPod(outcome: Outcome): boolean {
  return !FAILURES.includes(outcome);
}

/** pkts counters of one node's nat rules, in the order the rules appear in its dump. */
export type NodeCounters = readonly number[];

/**
 * Everything the page shows about a finished run, enough to redraw and grade it after a
 * reload without the engine: the settings, the seed that replays it, how the connections
 * ended (overall, and tallied by client, entry node and source address for the observables),
 * the exact distribution computed from the rules, and per-rule counters.
 */
export interface RunSummary {
  readonly scenario: Scenario;
  /** A 32-bit unsigned seed; the same seed and settings replay the same run. */
  readonly seed: number;
  readonly total: RunSize;
  /** Observed connections per outcome: every pod of the lesson (0 when none), then failures seen. */
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Exact probability per outcome for one new connection, enumerated from the same rules. */
  readonly exact: Readonly<Record<Outcome, number>>;
  /** The evidence the observables are measured from. */
  readonly tallies: readonly Tally[];
  /** nat-table pkts counters by node name, aligned with that node's rule lines. */
  readonly counters: Readonly<Record<string, NodeCounters>>;
}
