/**
 * What a walk carries between nodes: the per-node evaluation environments (state, counters),
 * the random source, the clock, and the trace sinks. One context serves many connections, so
 * a run allocates its environments once.
 */
import type { EvalEnv } from '../netfilter/compile';
import { RecentLists } from '../netfilter/recent';
import type { TraceEntry } from '../netfilter/trace';
import { cloneNftState, createNftState, type NftState } from '../nftables/state';
import type { Chooser } from '../random/types';
import { counterSlots } from './datapath';
import type { Topology } from './topology';
import type { Step } from './types';

/** State that outlives a connection on each node: recent lists and nth counters. */
export interface NodeState {
  readonly recent: RecentLists;
  readonly nth: Int32Array;
  /** nft dynamic-set elements (session affinity in nftables mode). */
  readonly nft: NftState;
}

/** The state of every node, in topology order. */
export type NetworkState = readonly NodeState[];

/** Fresh state: empty recent lists, nth counters at their initial values. */
export function createNetworkState(topology: Topology): NetworkState {
  return topology.nodes.map((n) => ({
    recent: new RecentLists(),
    nth: n.compiled.nthInitial.slice(),
    nft: createNftState(),
  }));
}

/** A deep copy (exact mode replays every branch from the same state). */
export function cloneNetworkState(state: NetworkState): NetworkState {
  return state.map((s) => ({ recent: s.recent.clone(), nth: s.nth.slice(), nft: cloneNftState(s.nft) }));
}

/** Everything one walk needs. */
export interface WalkContext {
  readonly topology: Topology;
  chooser: Chooser;
  /** Clock, in seconds. */
  now: number;
  /** Rule trace and journey steps, or null (nothing is allocated then). */
  trace: TraceEntry[] | null;
  steps: Step[] | null;
  /** One environment per node, in topology order. */
  readonly envs: EvalEnv[];
  /** Per-node rule counters (null when not counting); counted for first packets only. */
  readonly counters: Float64Array[] | null;
  /** Per-node nft state, in topology order. */
  readonly nft: readonly NftState[];
}

/** Creates a context over a state; `count` allocates per-node counters. */
export function createWalkContext(
  topology: Topology,
  state: NetworkState,
  chooser: Chooser,
  count: boolean,
): WalkContext {
  const counters = count ? topology.nodes.map((n) => new Float64Array(counterSlots(n).length)) : null;
  const envs: EvalEnv[] = topology.nodes.map((n, i) => ({
    chooser,
    now: 0,
    recent: (state[i] as NodeState).recent,
    nth: (state[i] as NodeState).nth,
    trace: null,
    counters: counters ? (counters[i] as Float64Array) : null,
    node: n.name,
    direction: 'original',
    hook: '',
    nextHop: 0,
    sourceNatted: false,
    decider: null,
    error: null,
  }));
  return { topology, chooser, now: 0, trace: null, steps: null, envs, counters, nft: state.map((s) => s.nft) };
}

/** Points every node environment at the context's chooser, clock and trace for a new walk. */
export function prepareEnvs(ctx: WalkContext, direction: 'original' | 'reply'): void {
  for (let i = 0; i < ctx.envs.length; i++) {
    const e = ctx.envs[i] as EvalEnv;
    e.chooser = ctx.chooser;
    e.now = ctx.now;
    e.trace = ctx.trace;
    e.direction = direction;
    e.sourceNatted = false;
    e.decider = null;
    e.error = null;
    // Answers are not counted: counters show connections (first packets), like nat's.
    e.counters = direction === 'reply' || !ctx.counters ? null : (ctx.counters[i] as Float64Array);
  }
}
