/**
 * The Simulation of the rule walks: a cluster (every node's rules generated as kube-proxy
 * writes them, iptables-save or nft) or one pasted ruleset, asked about connections — exactly
 * (every random branch with its probability), one sampled connection, a session of them, or
 * a chunked run of many. The interface is shared with the other datapaths (datapaths/), and
 * reached from outside the engine through the façade, simulate.ts.
 */
import { generateIptablesSave } from '../kubeproxy';
import { generateNftables, type NftablesOptions } from '../kubeproxy/nftables';
import { ipv6View } from '../model/family';
import type { Cluster } from '../model/types';
import { createNetworkState, createWalkContext, type NetworkState } from '../network/context';
import { walkCost } from '../network/cost';
import { resolveConnection } from '../network/resolve';
import { clusterTopology, singleNodeTopology, type Topology, type TopologyOptions } from '../network/topology';
import type { ConnectionResult, ConnectionSpec } from '../network/types';
import { walkConnection } from '../network/walk';
import type { Problem } from '../netfilter/model';
import type { IpSetSpec } from '../netfilter/sets';
import { createRng, normalizeSeed, samplingChooser } from '../random/rng';
import type { Chooser } from '../random/types';
import { dualStackSimulation } from './dualStack';
import { budgetedExact } from './exact';
import { MAX_WALK_BOUND, WorkLimitError } from './limits';
import type { ExactOutcome } from './outcome';
import { createRunner, type RunOptions, type Runner } from './runner';

/** Options shared by exact and sample. */
export interface WalkOptions {
  /** Record every rule evaluated and the journey's steps (default: exact true, sample false). */
  readonly trace?: boolean;
  /** Clock in seconds (recent's --seconds); default 0. */
  readonly now?: number;
  /** Exact mode only: work units allowed (default EXACT_WORK_BUDGET; see limits.ts workUnits). */
  readonly budget?: number;
  /** Exact mode only: told after each replay, with the replays so far and the rules this one evaluated. */
  readonly onWalk?: (walks: number, rules: number) => void;
}

/** A problem of one node's rules. */
export interface NodeProblem extends Problem {
  readonly node: string;
}

/** A simulated cluster (or single node) that connections can be asked about. */
export interface Simulation {
  /** Node names, in cluster order. */
  readonly nodes: readonly string[];
  /** The iptables-save text walked on a node (throws RangeError for an unknown node). */
  rules(node: string): string;
  /** What could not be used in the rules (all nodes, or one). */
  problems(node?: string): NodeProblem[];
  /**
   * Every outcome with its probability, aggregated by result, each with one trace. Throws
   * WorkLimitError when the rules fan out or branch beyond the work budget.
   */
  exact(connection: ConnectionSpec, options?: WalkOptions): ExactOutcome[];
  /** One connection with the random choices drawn from `seed`. */
  sample(connection: ConnectionSpec, seed: number | string, options?: WalkOptions): ConnectionResult;
  /**
   * A chunked run of many connections (counts and rule counters): of one spec, or of a round
   * of specs taken in turn (several clients or entry nodes), counted per spec too.
   */
  run(connection: ConnectionSpec | readonly ConnectionSpec[], options: RunOptions): Runner;
  /** Connections one after another with state kept between them (session affinity). */
  session(seed: number | string): Session;
}

/** A sequence of connections sharing the nodes' state (recent lists) and one random stream. */
export interface Session {
  /** Walks one connection at time `now` (seconds, default: the previous time). */
  connect(connection: ConnectionSpec, options?: WalkOptions): ConnectionResult;
}

/** Options of createSimulation. */
export interface SimulationOptions extends TopologyOptions {
  /** Rules to walk instead of the generated ones, per node (iptables-save or nft text, auto-detected). */
  readonly rules?: Readonly<Record<string, string>>;
  /**
   * Which kube-proxy mode generates the rules: iptables (iptables-save) or nftables (the
   * `table ip kube-proxy` transaction). Default: nftables when cluster.proxy.mode says so.
   */
  readonly mode?: 'iptables' | 'nftables';
  /** nftables-mode inputs that are not in the model (service CIDRs, mark text). */
  readonly nftables?: NftablesOptions;
}

function build(topology: Topology, fillVia: boolean, walkBound: number): Simulation {
  const node = (name: string): Topology['nodes'][number] => {
    const n = topology.byName.get(name);
    if (!n) throw new RangeError(`no node "${name}" (nodes: ${topology.nodes.map((x) => x.name).join(', ')})`);
    return n;
  };
  // Single-node mode: a client's packets always enter the one node.
  const only = topology.nodes[0];
  const resolve = (spec: ConnectionSpec): ReturnType<typeof resolveConnection> =>
    resolveConnection(
      topology,
      fillVia && only && spec.from.kind === 'client' && spec.from.via === undefined
        ? { ...spec, from: { ...spec.from, via: only.name } }
        : spec,
    );
  // One sampled walk (sample, and each connection of a session): the state it changes, its
  // random stream, its clock, and the trace and journey steps when asked for.
  const walkOnce = (
    state: NetworkState,
    chooser: Chooser,
    connection: ConnectionSpec,
    now: number,
    trace: boolean,
  ): ConnectionResult => {
    const ctx = createWalkContext(topology, state, chooser, false);
    ctx.now = now;
    if (trace) {
      ctx.trace = [];
      ctx.steps = [];
    }
    return walkConnection(ctx, resolve(connection));
  };
  // The static bound on one packet's work, per node, checked before any walk (computed once).
  let checked = false;
  const checkFanOut = (): void => {
    if (checked) return;
    for (const n of topology.nodes) {
      const cost = walkCost(n);
      const limit = Math.max(walkBound, 4 * cost.rules);
      // A walk crosses each hook at most twice (the packet, then its answer).
      if (2 * cost.bound > limit)
        throw new WorkLimitError({
          kind: 'fan-out',
          node: n.name,
          bound: cost.bound,
          limit: limit / 2,
          site: cost.site,
        });
    }
    checked = true;
  };
  return {
    nodes: topology.nodes.map((n) => n.name),
    rules: (name) => node(name).rulesText,
    problems: (name) =>
      (name === undefined ? topology.nodes : [node(name)]).flatMap((n) => [
        ...n.ruleset.problems.map((p) => ({ ...p, node: n.name })),
        ...(n.nft?.compiled.problems ?? []).map((p) => ({ ...p, level: 'error' as const, node: n.name })),
      ]),
    exact(connection, options = {}) {
      checkFanOut();
      const result = budgetedExact(topology, resolve(connection), {
        trace: options.trace !== false,
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.budget !== undefined ? { budget: options.budget } : {}),
        ...(options.onWalk ? { onWalk: options.onWalk } : {}),
      });
      if (result.kind === 'limit') throw new WorkLimitError(result.limit);
      return result.outcomes;
    },
    sample(connection, seed, options = {}) {
      checkFanOut();
      return walkOnce(
        createNetworkState(topology),
        samplingChooser(createRng(normalizeSeed(seed))),
        connection,
        options.now ?? 0,
        options.trace === true,
      );
    },
    run: (connection, options) => (
      checkFanOut(),
      createRunner(topology, isRound(connection) ? connection.map(resolve) : resolve(connection), options)
    ),
    session(seed) {
      checkFanOut();
      const state = createNetworkState(topology);
      const chooser = samplingChooser(createRng(normalizeSeed(seed)));
      let now = 0;
      return {
        connect(connection, options = {}) {
          now = options.now ?? now;
          return walkOnce(state, chooser, connection, now, options.trace === true);
        },
      };
    },
  };
}

function isRound(c: ConnectionSpec | readonly ConnectionSpec[]): c is readonly ConnectionSpec[] {
  return Array.isArray(c);
}

/**
 * A simulation of a whole cluster: each node walks `generateIptablesSave(cluster, node)` (or,
 * in nftables mode, `generateNftables(cluster, node)`)
 * (or `options.rules[node]` when given). Throws RangeError for addresses that do not parse.
 */
export function createSimulation(cluster: Cluster, options: SimulationOptions = {}): Simulation {
  const rules = options.rules ?? {};
  const nft = (options.mode ?? (cluster.proxy.mode === 'nftables' ? 'nftables' : 'iptables')) === 'nftables';
  const generate = (c: Cluster, n: string): string =>
    nft ? generateNftables(c, n, options.nftables ?? {}) : generateIptablesSave(c, n);
  const ipv4 = build(
    clusterTopology(cluster, (n) => rules[n] ?? generate(cluster, n), options),
    false,
    MAX_WALK_BOUND,
  );
  if (cluster.ipFamily === 'IPv6') return ipv4;
  // IPv6 destinations walk the IPv6 proxier's rules over the cluster's IPv6 network. Given
  // rules (options.rules) are one family's text, so they stay with the IPv4 walk.
  return dualStackSimulation(ipv4, () => {
    const view = ipv6View(cluster);
    return view
      ? build(
          clusterTopology(view, (n) => generate(view, n), options),
          false,
          MAX_WALK_BOUND,
        )
      : null;
  });
}

/** Options of fromRulesText. */
export interface RulesTextOptions {
  /** Addresses that count as LOCAL on the node (--local-ip); the first is its primary. */
  readonly localIPs: readonly string[];
  /** Name shown in traces (default "node"). */
  readonly nodeName?: string;
  /** ipsets for rules that use -m set. */
  readonly sets?: Readonly<Record<string, IpSetSpec>>;
}

/**
 * A pasted ruleset parsed and compiled into its one node, for a caller that keeps the parse
 * between simulations (the trace page, when only the packet changes): see fromParsedRules.
 */
export function parseRulesText(text: string, options: RulesTextOptions): Topology {
  return singleNodeTopology(text, {
    localIPs: options.localIPs,
    ...(options.nodeName !== undefined ? { nodeName: options.nodeName } : {}),
    ...(options.sets ? { sets: options.sets } : {}),
  });
}

/**
 * fromRulesText over a ruleset already parsed (parseRulesText). `walkBound` is the most rule
 * evaluations one packet may cause, both ways (default MAX_WALK_BOUND): a caller that checks
 * the bound itself, against its own budget, passes that budget.
 */
export function fromParsedRules(parsed: Topology, walkBound = MAX_WALK_BOUND): Simulation {
  return build(parsed, true, walkBound);
}

/**
 * A single node from a pasted ruleset — iptables-save, or nftables (`nft list ruleset` output
 * or `nft -f` input), detected from the text — (the CLI's --rules mode): clients' packets
 * enter it on eth0; what is not local is forwarded out eth0 and leaves the simulation.
 */
export function fromRulesText(text: string, options: RulesTextOptions): Simulation {
  return fromParsedRules(parseRulesText(text, options));
}
