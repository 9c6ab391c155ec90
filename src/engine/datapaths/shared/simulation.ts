/**
 * Builds the engine's `Simulation` interface (simulate.ts) over a Balancer, so islands and the
 * CLI do not care which datapath runs. Exact mode replays the walk through every random
 * decision (random/exact.ts enumerate) from a copy of the current state; for a deterministic
 * scheduler (rr, lc, sh, mh) that is one outcome with probability 1 — the next connection's
 * fate given the state — and runs show the sequence.
 */
import type { ExactOutcome } from '../../run/outcome';
import type { NodeProblem, Session, Simulation, WalkOptions } from '../../run/simulation';
import { resolveConnection } from '../../network/resolve';
import type { Topology } from '../../network/topology';
import type { ConnectionResult, ConnectionSpec } from '../../network/types';
import { enumerate } from '../../random/exact';
import { createRng, normalizeSeed, samplingChooser } from '../../random/rng';
import type { Chooser } from '../../random/types';
import { aggregateOutcomes } from '../../run/outcome';
import type { Balancer } from './balancer';
import type { RunOptions } from '../../run/runner';
import { createSequenceRunner, runSequence } from './runner';
import type { DatapathTraceEntry } from './trace';
import { walkDatapath } from './walk';

/** A session of a datapath simulation: connections share the balancer's state. */
export interface DatapathSession extends Session {
  /** Closes the `index`-th connection of this session (0-based) at `now` (default: the session's clock). */
  close(index: number, now?: number): boolean;
  /** The distribution of the next connection's outcome given the session's state (state unchanged). */
  exactNext(connection: ConnectionSpec, options?: WalkOptions): ExactOutcome[];
}

/** A Simulation whose sessions can close connections and predict the next one. */
export interface DatapathSimulation extends Simulation {
  session(seed: number | string): DatapathSession;
  /** The connections of a run (same ports, clock and seed as `run`), one result each, in order. */
  sequence(connection: ConnectionSpec, options: RunOptions): ConnectionResult[];
}

/** What a datapath supplies. */
export interface DatapathParts {
  readonly topology: Topology;
  /** A fresh balancer (empty state). */
  readonly createBalancer: () => Balancer;
  /** The table text shown for a node (ipvsadm -Ln, cilium-dbg service list, ...). */
  readonly rules: (node: string) => string;
  readonly problems: (node?: string) => NodeProblem[];
}

function exactFrom(
  parts: DatapathParts,
  state: Balancer,
  connection: ConnectionSpec,
  options: WalkOptions,
): ExactOutcome[] {
  const resolved = resolveConnection(parts.topology, connection);
  return aggregateOutcomes(
    enumerate((chooser) => {
      const trace: DatapathTraceEntry[] | null = options.trace === false ? null : [];
      return walkDatapath(
        {
          topology: parts.topology,
          balancer: state.clone(),
          chooser,
          now: options.now ?? 0,
          trace,
          steps: trace ? [] : null,
        },
        resolved,
      );
    }),
  );
}

function walkOnce(
  parts: DatapathParts,
  balancer: Balancer,
  chooser: Chooser,
  connection: ConnectionSpec,
  now: number,
  trace: boolean,
): ConnectionResult {
  const t: DatapathTraceEntry[] | null = trace ? [] : null;
  return walkDatapath(
    { topology: parts.topology, balancer, chooser, now, trace: t, steps: t ? [] : null },
    resolveConnection(parts.topology, connection),
  );
}

/** The Simulation of a datapath. */
export function datapathSimulation(parts: DatapathParts): DatapathSimulation {
  const known = (name: string): void => {
    if (!parts.topology.byName.has(name))
      throw new RangeError(`no node "${name}" (nodes: ${parts.topology.nodes.map((x) => x.name).join(', ')})`);
  };
  return {
    nodes: parts.topology.nodes.map((n) => n.name),
    rules(name) {
      known(name);
      return parts.rules(name);
    },
    problems(name) {
      if (name !== undefined) known(name);
      return parts.problems(name);
    },
    exact: (connection, options = {}) => exactFrom(parts, parts.createBalancer(), connection, options),
    sample(connection, seed, options = {}) {
      const chooser = samplingChooser(createRng(normalizeSeed(seed)));
      return walkOnce(parts, parts.createBalancer(), chooser, connection, options.now ?? 0, options.trace === true);
    },
    run: (connection, options) =>
      createSequenceRunner(
        parts.topology,
        parts.createBalancer(),
        Array.isArray(connection)
          ? connection.map((c: ConnectionSpec) => resolveConnection(parts.topology, c))
          : resolveConnection(parts.topology, connection as ConnectionSpec),
        options,
      ),
    sequence: (connection, options) =>
      runSequence(parts.topology, parts.createBalancer(), resolveConnection(parts.topology, connection), options),
    session(seed) {
      const balancer = parts.createBalancer();
      const chooser = samplingChooser(createRng(normalizeSeed(seed)));
      let now = 0;
      return {
        connect(connection, options = {}) {
          now = options.now ?? now;
          const result = walkOnce(parts, balancer, chooser, connection, now, options.trace === true);
          balancer.finish(now, true);
          return result;
        },
        close: (index, at) => balancer.close(index, at ?? now),
        exactNext: (connection, options = {}) =>
          exactFrom(parts, balancer, connection, { ...options, now: options.now ?? now }),
      };
    },
  };
}
