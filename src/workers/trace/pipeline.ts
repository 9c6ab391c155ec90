/**
 * The whole job behind the trace page, as one synchronous function the worker runs (and the
 * tests call directly): recognise the format, parse and compile the dump once, check the work
 * a packet could cause, then exact mode, one sampled packet with its trace, and a sampled run
 * with counters. It never throws for any text: what it cannot do becomes part of the report.
 * Nothing here is engine logic: the dump is parsed once (parseRulesText, kept for the next
 * packet) and walked through the façade's Simulation, exact mode with the page's budget.
 */
import type { Topology } from '../../engine/network/topology';
import {
  ConnectionError,
  fromParsedRules,
  parseRulesText,
  WorkLimitError,
  type ConnectionSpec,
  type ExactOutcome,
  type Simulation,
} from '../../engine/simulate';
import { parseAddress } from '../../engine/rules';
import { isLoopback } from './guess';
import { lineStarts } from './inspect';
import { detectFormat, readableFormats } from './formats';
import type { TraceProgress, TraceReport, TraceRequest, WalkRefusal } from './protocol';
import { sampleWalk, sampledRun } from './sample';
import { rulesFacts } from './rules';
import { outcomeView } from './views';

/** Work units (the engine's workUnits) allowed per dump line for exact mode and the sample: about 100 ms per 1,000 lines. */
export const WORK_PER_LINE = 2_000;
/** The budget of tiny dumps. */
export const MIN_WORK = 200_000;
/** Problems listed at most (the rest are counted). */
export const MAX_PROBLEMS = 500;
/** The node's name in traces. */
export const NODE_NAME = 'node';

/** The evaluation budget of a dump with `lines` lines. */
export function workBudget(lines: number): number {
  return Math.max(MIN_WORK, WORK_PER_LINE * lines);
}

/** Lines as the engine reads them (\n, \r\n and a lone \r all end a line). */
function countLines(text: string): number {
  return lineStarts(text).length;
}

/** The request's packet as a connection: from the node itself when its source is local. */
function connectionOf(request: TraceRequest, fromNode: boolean): ConnectionSpec {
  const { packet } = request;
  return {
    from: fromNode
      ? { kind: 'node', name: NODE_NAME, ip: packet.src }
      : { kind: 'client', ip: packet.src, via: NODE_NAME },
    to: packet.port === null ? { ip: packet.dst } : { ip: packet.dst, port: packet.port },
    protocol: packet.protocol,
  };
}

/** What exact mode found, and the work it took (counted by the per-walk callback). */
interface ExactRun {
  readonly outcomes: ExactOutcome[] | null;
  readonly walks: number;
  readonly evaluations: number;
  readonly longest: number;
}

/**
 * Exact mode within `budget`, or the refusal a connection the rules cannot hold gets (an
 * address that is not the node's, say). A run that spends the budget has no outcomes.
 */
function exactRun(
  simulation: Simulation,
  connection: ConnectionSpec,
  budget: number,
  onWalk: (walks: number) => void,
): ExactRun | WalkRefusal {
  let walks = 0;
  let evaluations = 0;
  let longest = 0;
  const count = (n: number, rules: number): void => {
    walks = n;
    evaluations += rules;
    longest = Math.max(longest, rules);
    onWalk(n);
  };
  try {
    const outcomes = simulation.exact(connection, { trace: false, budget, onWalk: count });
    return { outcomes, walks, evaluations, longest };
  } catch (e) {
    if (e instanceof ConnectionError) return { kind: 'connection', field: e.field, message: e.message };
    if (e instanceof WorkLimitError && e.limit.kind === 'branches')
      return { outcomes: null, walks, evaluations, longest };
    throw e;
  }
}

/** Keeps the last parsed dump, so another packet through the same rules skips the parse. */
export interface TopologyCache {
  text: string;
  localIPs: string;
  topology: Topology;
}

/**
 * Runs the trace page's job on `request`; `onProgress` hears about long phases. An exception
 * from the engine (a bug there, not bad input) becomes an "engine-error" report.
 */
export function traceDump(
  request: TraceRequest,
  onProgress: (p: TraceProgress) => void = () => {},
  cache?: { last: TopologyCache | null },
): TraceReport {
  try {
    return traceOrThrow(request, onProgress, cache);
  } catch (e) {
    if (cache) cache.last = null;
    return { kind: 'engine-error', message: e instanceof Error ? e.message : String(e) };
  }
}

function traceOrThrow(
  request: TraceRequest,
  onProgress: (p: TraceProgress) => void,
  cache: { last: TopologyCache | null } | undefined,
): TraceReport {
  const started = performance.now();
  const format = detectFormat(request.text);
  if (format === 'empty') return { kind: 'empty' };
  if (!readableFormats.has(format))
    return { kind: 'unsupported', format: format as Exclude<typeof format, 'iptables-save' | 'empty'> };
  onProgress({ phase: 'parse', done: 0, total: 0 });
  const lines = countLines(request.text);
  const localKey = request.localIPs.join(',');
  const reused =
    cache?.last && cache.last.text === request.text && cache.last.localIPs === localKey ? cache.last.topology : null;
  const topology = reused ?? parseRulesText(request.text, { localIPs: request.localIPs, nodeName: NODE_NAME });
  if (cache) cache.last = { text: request.text, localIPs: localKey, topology };
  const facts = rulesFacts(topology.nodes[0]!);
  const { problems, lineOf, bound } = facts;
  const parsed = performance.now();
  const budget = workBudget(lines);
  // Compared as addresses: "FD00::12" and "fd00:0::12" are the same IPv6 address.
  const srcAddress = parseAddress(request.packet.src);
  const fromNode =
    isLoopback(request.packet.src) ||
    (srcAddress !== null && request.localIPs.some((ip) => parseAddress(ip) === srcAddress));
  const base = {
    kind: 'traced' as const,
    lines,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemsOmitted: Math.max(0, problems.length - MAX_PROBLEMS),
    errorCount: problems.filter((p) => p.level === 'error').length,
    loops: facts.loops.slice(0, MAX_PROBLEMS),
    kube: facts.kube,
    tables: facts.tables,
    rules: facts.rules,
    fromNode,
    reusedParse: reused !== null,
  };
  const work = { exactWalks: 0, exactEvaluations: 0, sampleEvaluations: 0, runUnitsBound: 0, walkBound: bound };
  const timings = (exact: number, sample: number, run: number) => ({
    parse: parsed - started,
    exact,
    sample,
    run,
    total: performance.now() - started,
  });
  const refuse = (refusal: WalkRefusal): TraceReport => ({
    ...base,
    refusal,
    exact: null,
    sample: null,
    run: null,
    work,
    timings: timings(0, 0, 0),
  });

  if (!facts.walkable) return refuse({ kind: 'no-tables' });
  // A walk crosses each built-in chain at most twice (the packet, then its answer).
  if (2 * bound > budget) return refuse({ kind: 'too-costly', estimate: bound, budget, site: facts.site });
  // The bound was just checked against the budget: the simulation need not check it again.
  const simulation = fromParsedRules(topology, budget);
  const connection = connectionOf(request, fromNode);

  const t0 = performance.now();
  let lastTick = t0;
  const exact = exactRun(simulation, connection, budget, (walks) => {
    const now = performance.now();
    if (now - lastTick > 50) {
      lastTick = now;
      onProgress({ phase: 'exact', done: walks, total: 0 });
    }
  });
  if ('kind' in exact) return refuse(exact);
  const t1 = performance.now();
  onProgress({ phase: 'sample', done: 0, total: 1 });
  const sample = sampleWalk(simulation, connection, request.seed, lineOf);
  const t2 = performance.now();
  const longest = Math.max(exact.longest, sample.evaluations);
  const run =
    request.runCount > 0
      ? sampledRun(simulation, connection, request, lineOf, longest, exact.outcomes ? exact.walks : null, onProgress)
      : null;
  const t3 = performance.now();
  return {
    ...base,
    refusal: null,
    exact: exact.outcomes
      ? {
          kind: 'ok',
          outcomes: exact.outcomes.map(({ probability, result }) => ({ probability, ...outcomeView(result, lineOf) })),
        }
      : { kind: 'limit', walks: exact.walks },
    sample: sample.view,
    run: run?.view ?? null,
    work: {
      ...work,
      exactWalks: exact.walks,
      exactEvaluations: exact.evaluations,
      sampleEvaluations: sample.evaluations,
      runUnitsBound: run?.unitsBound ?? 0,
    },
    timings: timings(t1 - t0, t2 - t1, t3 - t2),
  };
}
