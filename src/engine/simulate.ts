/**
 * Façade: running connections through the engine. Outside src/engine (the CLI, the stores,
 * the islands, the trace worker) values come from the engine only through its façades —
 * simulate.ts, lab/index.ts, model/index.ts and rules.ts, as eslint.config.js enforces — so
 * the folders behind them can be rearranged without touching the site. Re-exports only, of
 * modules without top-level effects: a bundle keeps just the names it uses.
 *
 * Here: a simulation of a cluster (kube-proxy's iptables or nftables rules, IPVS, or Cilium's
 * eBPF) or of one pasted ruleset, asked exactly (every random branch with its probability),
 * for one sample, a session or a chunked run; the errors and work limits it answers with.
 */
export { createSimulation, fromParsedRules, fromRulesText, parseRulesText } from './run/simulation';
export type {
  NodeProblem,
  RulesTextOptions,
  Session,
  Simulation,
  SimulationOptions,
  WalkOptions,
} from './run/simulation';
export { createDatapathSimulation } from './datapaths';
export type {
  Datapath,
  DatapathOptions,
  DatapathSession,
  DatapathSimulation,
  IpvsScheduler,
  LbAlgorithm,
  NodePortMode,
} from './datapaths';
export type {
  ConnectionResult,
  ConnectionSpec,
  Destination,
  EchoResult,
  FlowProtocol,
  ReplyResult,
  RuleRef,
  Source,
  Step,
  Transport,
  Verdict,
} from './network/types';
export type {
  RunOptions,
  RunProgress,
  RunSummary,
  RunSummaryWithFlows,
  Runner,
  RuleCounter,
  OutcomeCount,
} from './run/runner';
export { outcomeKey, type ExactOutcome } from './run/outcome';
export { EXPERIENCES, experienceOf, type Experience } from './run/experience';
export type { TraceEntry } from './netfilter/trace';
export type { Problem } from './netfilter/model';
export { ConnectionError } from './network/resolve';
export { rejectType } from './network/echo';
export {
  WorkLimitError,
  describeLimit,
  workUnits,
  MAX_WALK_BOUND,
  EXACT_WORK_BUDGET,
  MAX_EXACT_WALKS,
  WALK_COST,
} from './run/limits';
export type { WorkLimit } from './run/limits';
