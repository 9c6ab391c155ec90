/**
 * Exact mode with a budget: every random branch of a walk, each with its probability, as the
 * enumerator replays them — counting every replay and every rule it evaluates, so a ruleset
 * whose random choices multiply (statistic rules nested 20 deep) stops with "limit" and the
 * rules that drew, instead of running for minutes. Simulation.exact (run/simulation.ts) is the
 * one caller, for the CLI, the islands and the trace page's worker alike, with the same budget
 * in both rule languages.
 */
import { cloneNetworkState, createNetworkState, createWalkContext } from '../network/context';
import type { ResolvedConnection } from '../network/resolve';
import type { Topology } from '../network/topology';
import { walkConnection } from '../network/walk';
import { enumerate, EnumerationLimitError } from '../random/exact';
import { createRng, samplingChooser } from '../random/rng';
import type { Chooser } from '../random/types';
import { ruleLine } from '../network/lines';
import { EXACT_WORK_BUDGET, MAX_EXACT_WALKS, workUnits, type DecisionRule, type WorkLimit } from './limits';
import { aggregateOutcomes, type ExactOutcome } from './outcome';

/** How to enumerate. */
export interface ExactOptions {
  /** Work units allowed (default EXACT_WORK_BUDGET). */
  readonly budget?: number;
  /** Paths replayed at most (default MAX_EXACT_WALKS). */
  readonly maxWalks?: number;
  /** Keep each outcome's trace and steps (default false). */
  readonly trace?: boolean;
  /** Clock in seconds (default 0). */
  readonly now?: number;
  /** Told after each replay: the replays so far and the rules this one evaluated. */
  readonly onWalk?: (walks: number, rules: number) => void;
}

/** The outcome of a budgeted enumeration. */
export type BudgetedExact =
  | {
      readonly kind: 'ok';
      readonly outcomes: ExactOutcome[];
      readonly walks: number;
      readonly evaluations: number;
      readonly longest: number;
    }
  | {
      readonly kind: 'limit';
      readonly limit: WorkLimit;
      readonly walks: number;
      readonly evaluations: number;
      readonly longest: number;
    };

class BudgetSpent extends Error {}

/** The rules that drew random decisions on one sampled path (for the limit message). */
export function decisionRules(topology: Topology, connection: ResolvedConnection): DecisionRule[] {
  const ctx = createWalkContext(topology, createNetworkState(topology), samplingChooser(createRng(1)), false);
  ctx.trace = [];
  const marks: number[] = [];
  const inner = ctx.chooser;
  // The rule being evaluated when a decision is drawn is the next one the trace records.
  const spy: Chooser = {
    bernoulli: (p) => (marks.push(ctx.trace?.length ?? 0), inner.bernoulli(p)),
    uniform: (n) => (marks.push(ctx.trace?.length ?? 0), inner.uniform(n)),
  };
  ctx.chooser = spy;
  walkConnection(ctx, connection);
  const trace = ctx.trace;
  return marks.flatMap((i) => {
    const e = trace[i];
    if (!e) return [];
    const node = topology.byName.get(e.node);
    return [
      {
        node: e.node,
        table: e.table,
        chain: e.chain,
        rule: e.rule,
        line: node ? ruleLine(node, e.table, e.chain, e.rule) : 0,
      },
    ];
  });
}

/** Enumerates every outcome of `connection`, within the budget (see ExactOptions). */
export function budgetedExact(
  topology: Topology,
  connection: ResolvedConnection,
  options: ExactOptions = {},
): BudgetedExact {
  const budget = options.budget ?? EXACT_WORK_BUDGET;
  const maxWalks = options.maxWalks ?? MAX_EXACT_WALKS;
  const state = createNetworkState(topology);
  let walks = 0;
  let evaluations = 0;
  let longest = 0;
  try {
    const weighted = enumerate((chooser) => {
      if (walks >= maxWalks || workUnits(walks, evaluations) > budget) throw new BudgetSpent();
      const ctx = createWalkContext(topology, cloneNetworkState(state), chooser, false);
      ctx.now = options.now ?? 0;
      // The trace counts the rules this replay evaluated (and is kept when asked for).
      ctx.trace = [];
      if (options.trace) ctx.steps = [];
      const result = walkConnection(ctx, connection);
      walks++;
      evaluations += ctx.trace.length;
      longest = Math.max(longest, ctx.trace.length);
      options.onWalk?.(walks, ctx.trace.length);
      return options.trace ? result : { ...result, trace: null, steps: null };
    }, maxWalks);
    return { kind: 'ok', outcomes: aggregateOutcomes(weighted), walks, evaluations, longest };
  } catch (e) {
    if (!(e instanceof BudgetSpent || e instanceof EnumerationLimitError)) throw e;
    const rules = decisionRules(topology, connection);
    const limit: WorkLimit = { kind: 'branches', walks, limit: maxWalks, decisions: rules.length, rules };
    return { kind: 'limit', limit, walks, evaluations, longest };
  }
}
