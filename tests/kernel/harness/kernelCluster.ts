import type { Cluster } from '../../../src/engine/model/types';
import type { Source } from '../../../src/engine/simulate';
import { buildNamespaces, setSysctls } from './build';
import { inNetns, run } from './exec';
import { closeRun, registerPid, registerRun, teardownRun } from './cleanup';
import { newRunPrefix } from './names';
import { planNamespaces, type NamespacePlan } from './plan';
import { runConnector, startListener, type ConnectionOutcome, type Listener } from './processes';
import { dumpRules, loadRules, provideNfacctCounters, withBuiltinJumps, type RulesMode } from './rules';

export type { Source } from '../../../src/engine/simulate';

/** Options for starting a namespace cluster. */
export interface KernelClusterOptions {
  /** The ruleset text to load on each node (the engine's generateIptablesSave output). */
  readonly rulesFor: (nodeName: string) => string;
  readonly mode?: RulesMode;
  readonly clientIP?: string;
  /** More client addresses (for many-client probes such as session affinity). */
  readonly extraClientIPs?: readonly string[];
  /** Sysctls applied in every node namespace after setup (e.g. icmp_ratelimit=0). */
  readonly nodeSysctls?: Readonly<Record<string, string | number>>;
  /** Run prefix; a fresh random one by default. */
  readonly prefix?: string;
}

/** One probe: where to connect, and how many connections. */
export interface ProbeRequest {
  /** The same source shape the engine's simulate() takes. */
  readonly from: Source;
  readonly host: string;
  readonly port: number;
  /** Connections in total (or per client address with `clientIPs`). */
  readonly count: number;
  /**
   * Connect from each of these client addresses in turn (`from` must be the client): every
   * address's r-th connection completes before any address starts its (r+1)-th.
   */
  readonly clientIPs?: readonly string[];
  readonly concurrency?: number;
  readonly timeoutMs?: number;
}

/** What the kernel did with a batch of connections. */
export interface ProbeResult {
  readonly outcomes: readonly ConnectionOutcome[];
  /** Answered connections per pod name. */
  readonly perPod: ReadonlyMap<string, number>;
  /** For each pod, how often each source address was seen. */
  readonly seenSources: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Unanswered connections per failure kind (timeout, refused, unreachable, ...). */
  readonly failures: ReadonlyMap<string, number>;
  readonly elapsedMs: number;
}

/** Tallies connection outcomes per pod, per seen source and per failure kind. */
export function tally(outcomes: readonly ConnectionOutcome[], elapsedMs = 0): ProbeResult {
  const perPod = new Map<string, number>();
  const seenSources = new Map<string, Map<string, number>>();
  const failures = new Map<string, number>();
  for (const o of outcomes) {
    if (o.outcome === 'answered') {
      perPod.set(o.pod, (perPod.get(o.pod) ?? 0) + 1);
      const seen = seenSources.get(o.pod) ?? new Map<string, number>();
      seen.set(o.peer, (seen.get(o.peer) ?? 0) + 1);
      seenSources.set(o.pod, seen);
    } else {
      failures.set(o.outcome, (failures.get(o.outcome) ?? 0) + 1);
    }
  }
  return { outcomes, perPod, seenSources, failures, elapsedMs };
}

/**
 * A cluster made of network namespaces, with kube-proxy's rules loaded into real netfilter and
 * a listener in every pod. Create with `KernelCluster.start`, always `close()` in `finally`
 * (signals and exit are covered by the cleanup module as well).
 */
export class KernelCluster {
  private readonly nextPort = new Map<string, number>();

  private constructor(
    readonly plan: NamespacePlan,
    readonly mode: RulesMode,
    private readonly listeners: Listener[],
    /** Changes the harness made to the given rules before loading them, per node (normally none). */
    readonly adjustments: readonly string[],
  ) {}

  /** Builds the namespaces, loads every node's rules and starts the pod listeners. */
  static async start(cluster: Cluster, options: KernelClusterOptions): Promise<KernelCluster> {
    const prefix = options.prefix ?? newRunPrefix();
    const mode = options.mode ?? 'iptables';
    const plan = planNamespaces(cluster, {
      prefix,
      ...(options.clientIP ? { clientIP: options.clientIP } : {}),
      ...(options.extraClientIPs ? { extraClientIPs: options.extraClientIPs } : {}),
    });
    registerRun(prefix);
    try {
      buildNamespaces(plan);
      const adjustments: string[] = [];
      for (const node of plan.nodes) {
        let text = options.rulesFor(node.name);
        if (mode === 'iptables') {
          const prepared = withBuiltinJumps(text);
          if (prepared.addedBuiltinJumps) adjustments.push(`${node.name}: added kube-proxy's built-in chain jumps`);
          const counted = provideNfacctCounters(node.netns, prepared.text);
          if (counted.note) adjustments.push(`${node.name}: ${counted.note}`);
          text = counted.text;
        }
        try {
          loadRules(node.netns, mode, text);
        } catch (error) {
          throw new Error(`loading ${mode} rules on node ${node.name} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        // kube-proxy itself sets route_localnet so localhost:<nodePort> reaches the DNAT rules.
        if (mode === 'iptables' && cluster.proxy.localhostNodePorts) {
          setSysctls(node.netns, { 'net.ipv4.conf.all.route_localnet': 1 });
        }
        if (options.nodeSysctls) setSysctls(node.netns, options.nodeSysctls);
      }
      const listeners = await Promise.all(
        plan.pods.filter((p) => p.tcpPorts.length > 0).map((p) => startListener(p.netns, p.name, p.tcpPorts)),
      );
      for (const l of listeners) if (l.child.pid !== undefined) registerPid(prefix, l.child.pid);
      return new KernelCluster(plan, mode, listeners, adjustments);
    } catch (error) {
      teardownRun(prefix);
      throw error;
    }
  }

  /** The namespace a source lives in, and the address to bind ("" lets the route choose). */
  locate(source: Source): { netns: string; bind: string } {
    if (source.kind === 'client') {
      const client = this.plan.client;
      const ip = source.ip ?? client.ip;
      if (ip !== client.ip && !client.extraIPs.includes(ip)) {
        throw new Error(`source client ip ${ip} is not an address of the client namespace (start with extraClientIPs)`);
      }
      return { netns: client.netns, bind: ip === client.ip ? '' : ip };
    }
    if (source.kind === 'node') {
      const node = this.plan.nodes.find((n) => n.name === source.name);
      if (!node)
        throw new Error(
          `source node "${source.name}" is not in the cluster (${this.plan.nodes.map((n) => n.name).join(', ')})`,
        );
      return { netns: node.netns, bind: source.ip ?? '' };
    }
    const pod = this.plan.pods.find(
      (p) => p.name === source.name && (source.namespace === undefined || p.key === `${source.namespace}/${p.name}`),
    );
    if (!pod)
      throw new Error(
        `source pod "${source.name}" is not in the cluster (${this.plan.pods.map((p) => p.key).join(', ')})`,
      );
    return { netns: pod.netns, bind: '' };
  }

  /**
   * Points the client's default route at a node (the engine's `via`) or back at the LAN
   * gateway, so a client can reach ClusterIPs through a node as in the engine's model.
   */
  routeClientVia(via: string | undefined): void {
    const gateway = via === undefined ? this.plan.lan.gateway : this.plan.nodes.find((n) => n.name === via)?.ip;
    if (gateway === undefined) throw new Error(`source client via: no node "${via}"`);
    run(inNetns(this.plan.client.netns, ['ip', 'route', 'replace', 'default', 'via', gateway]));
  }

  /** Sets sysctls inside one node's namespace. */
  setNodeSysctls(nodeName: string, settings: Readonly<Record<string, string | number>>): void {
    setSysctls(this.locate({ kind: 'node', name: nodeName }).netns, settings);
  }

  /** The node's live ruleset (iptables-save [-c] or nft list ruleset). */
  rulesOf(nodeName: string, counters = true): string {
    return dumpRules(this.locate({ kind: 'node', name: nodeName }).netns, this.mode, counters);
  }

  /**
   * Opens `count` independent connections from the source to host:port and tallies what the
   * kernel did. Source ports never repeat within a run, so every connection is a new conntrack
   * flow and the random choice is made afresh (or, with affinity, looked up afresh).
   */
  async probe(request: ProbeRequest): Promise<ProbeResult> {
    const from = request.from;
    const { netns, bind } = this.locate(from);
    const clientIPs = request.clientIPs ?? [];
    if (clientIPs.length > 0 && from.kind !== 'client') throw new Error('probe: clientIPs needs a client source');
    for (const ip of clientIPs) this.locate({ kind: 'client', ip });
    const localAddresses = clientIPs.length > 0 ? clientIPs : bind ? [bind] : [];
    const total = request.count * Math.max(1, clientIPs.length);
    const firstPort = this.nextPort.get(netns) ?? 20_000;
    if (firstPort + total > 60_999) throw new Error(`probe: too many connections from ${netns} in one run`);
    this.nextPort.set(netns, firstPort + total);
    if (from.kind === 'client') this.routeClientVia(from.via);
    const started = performance.now();
    const outcomes = await runConnector(netns, {
      host: request.host,
      port: request.port,
      perAddress: request.count,
      localAddresses,
      rounds: clientIPs.length > 0,
      concurrency: request.concurrency ?? 200,
      // Long enough for two SYN retransmissions (1 s, then 3 s): on a loaded machine a SYN can
      // be lost to a full accept queue, and a 1 s limit then reports a healthy path as a drop.
      timeoutMs: request.timeoutMs ?? 3_500,
      firstPort,
    });
    return tally(outcomes, performance.now() - started);
  }

  /** Process ids of the pod listeners (for leftover checks). */
  listenerPids(): number[] {
    return this.listeners.flatMap((l) => (l.child.pid === undefined ? [] : [l.child.pid]));
  }

  /** Connections each pod's listener accepted (answered or not), by pod name. */
  acceptedByPod(): Map<string, number> {
    return new Map(this.listeners.map((l) => [l.pod, l.peers.length]));
  }

  /** Stops the listeners and deletes every namespace; resolves to anything left behind. */
  close(): Promise<string[]> {
    return closeRun(this.plan.prefix, this.listeners);
  }
}
