/**
 * Exact mode for the page: every random branch of the walk, each with its probability, as the
 * engine's enumerator replays them — with a budget. The façade's exact() allows 100,000
 * outcomes and has no work limit, which a pasted dump could turn into minutes; here every
 * replay is counted, and the enumeration stops with "limit" before the budget is spent.
 */
import { cloneNetworkState, createNetworkState, createWalkContext } from '../../engine/network/context';
import type { ResolvedConnection } from '../../engine/network/resolve';
import type { Topology } from '../../engine/network/topology';
import type { ConnectionResult } from '../../engine/network/types';
import { walkConnection } from '../../engine/network/walk';
import { enumerate, EnumerationLimitError } from '../../engine/random/exact';
import { outcomeKey } from '../../engine/run/outcome';

/** The outcome of a budgeted enumeration. */
export type BudgetedExact =
  | { readonly kind: 'ok'; readonly outcomes: { probability: number; result: ConnectionResult }[]; readonly walks: number; readonly evaluations: number; readonly longest: number }
  | { readonly kind: 'limit'; readonly walks: number; readonly evaluations: number; readonly longest: number };

/** Most replays exact mode makes (a Service with this many endpoints still fits). */
export const MAX_EXACT_WALKS = 20_000;

/**
 * The fixed cost of one walk (context, packet, result, routing), in rule evaluations: measured
 * at ~20–40 µs of CPU for a walk of 20 rules, where one rule costs well under 0.1 µs.
 */
export const WALK_COST = 100;

/** Work units of `walks` walks that evaluated `evaluations` rules in all. */
export function workUnits(walks: number, evaluations: number): number {
  return evaluations + WALK_COST * walks;
}

class BudgetSpent extends Error {}

/**
 * Enumerates every outcome of `connection`, stopping when replays exceed MAX_EXACT_WALKS or
 * their work units (workUnits) exceed `budget`. `onWalk` is told after each replay (for progress).
 */
export function budgetedExact(topology: Topology, connection: ResolvedConnection, budget: number, onWalk: (walks: number) => void): BudgetedExact {
  const state = createNetworkState(topology);
  let walks = 0;
  let evaluations = 0;
  let longest = 0;
  try {
    const weighted = enumerate(
      (chooser) => {
        if (walks >= MAX_EXACT_WALKS || workUnits(walks, evaluations) > budget) throw new BudgetSpent();
        const ctx = createWalkContext(topology, cloneNetworkState(state), chooser, false);
        // The trace is kept only to count the rules this replay evaluated.
        ctx.trace = [];
        const result = walkConnection(ctx, connection);
        walks++;
        evaluations += ctx.trace.length;
        longest = Math.max(longest, ctx.trace.length);
        onWalk(walks);
        return { ...result, trace: null, steps: null };
      },
      MAX_EXACT_WALKS,
    );
    const byKey = new Map<string, { probability: number; result: ConnectionResult }>();
    for (const { probability, value } of weighted) {
      const key = outcomeKey(value);
      const seen = byKey.get(key);
      if (seen) seen.probability += probability;
      else byKey.set(key, { probability, result: value });
    }
    const outcomes = [...byKey.values()].sort((a, b) => b.probability - a.probability);
    return { kind: 'ok', outcomes, walks, evaluations, longest };
  } catch (e) {
    if (e instanceof BudgetSpent || e instanceof EnumerationLimitError) return { kind: 'limit', walks, evaluations, longest };
    throw e;
  }
}
