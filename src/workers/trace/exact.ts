/**
 * Exact mode for the page: the engine's budgeted enumeration (src/engine/run/exact.ts) with
 * the page's budget, which grows with the dump's size. The façade, the CLI and the page share
 * the same enumerator and the same limits, in both rule languages.
 */
import type { ResolvedConnection } from '../../engine/network/resolve';
import type { Topology } from '../../engine/network/topology';
import { budgetedExact as engineExact, type BudgetedExact } from '../../engine/run/exact';

export type { BudgetedExact } from '../../engine/run/exact';
export { MAX_EXACT_WALKS, WALK_COST, workUnits } from '../../engine/run/limits';

/**
 * Enumerates every outcome of `connection`, stopping when replays exceed MAX_EXACT_WALKS or
 * their work units (workUnits) exceed `budget`. `onWalk` is told after each replay (for progress).
 */
export function budgetedExact(topology: Topology, connection: ResolvedConnection, budget: number, onWalk: (walks: number) => void): BudgetedExact {
  return engineExact(topology, connection, { budget, onWalk });
}
