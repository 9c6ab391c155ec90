/**
 * The IPv6 half of a dual-stack cluster as network namespaces, wired as the engine's scenario
 * mode wires it (src/engine/network/topology.ts on the cluster's IPv6 view): every node on one
 * /64 LAN by its IPv6 InternalIP, a ptp veth per pod whose node end holds the pod CIDR's ::1 as
 * /128, a route per other node's IPv6 pod CIDR via that node (host-gw), a default route to the
 * LAN's ::1 (a gateway that swallows what it gets, as the simulation's leaves it), the IPv6
 * proxier's rules (ip6tables-restore, or nft's `table ip6 kube-proxy`) loaded on every node, a
 * listener on "::" in every pod, and a client at the LAN's ::100.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Cluster } from '../../../src/engine/model/types';
import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import { generateNftables } from '../../../src/engine/kubeproxy/nftables';
import { closeRun, registerPid, registerRun, teardownRun } from './cleanup';
import { inNetns, ipBatch, run, sysctl } from './exec';
import { canonicalIP, LIFT_ICMPV6_LIMITS, SERVICE_CIDR } from './ipv6Rules';
import { tally, type ProbeResult } from './kernelCluster';
import * as names from './names';
import { tallyPing, type PingTally } from './ping';
import { runConnector, startListener, type ConnectionOutcome, type Listener } from './processes';
import { provideNfacctCounters, type RulesMode } from './rules';

/** Where a probe starts: the LAN client (through an entry node for Service addresses) or a pod. */
export type Ipv6From =
  { readonly kind: 'client'; readonly via: string } | { readonly kind: 'pod'; readonly name: string };

/** One batch of TCP connections. */
export interface Ipv6ClusterProbe {
  readonly from: Ipv6From;
  readonly host: string;
  readonly port: number;
  readonly count: number;
}

const NO_DAD = { 'net.ipv6.conf.all.accept_dad': 0, 'net.ipv6.conf.default.accept_dad': 0 };

/** The /64 an address sits in ("fd00:10::12" → "fd00:10::/64"). */
function lan64(ip: string): string {
  const groups = canonicalIP(ip).split('::')[0]!.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The first host of a /64 or longer prefix ("fd00:10:244:2::/64" → "fd00:10:244:2::1"). */
function firstHost(cidr: string): string {
  return canonicalIP(`${cidr.split('/')[0]!.replace(/::$/, '')}::1`);
}

/** The LAN client's address, the LAN's ::100 (the engine's default IPv6 client). */
export function clientIPv6(view: Cluster): string {
  return canonicalIP(`${lan64(view.nodes[0]!.internalIP).split('::')[0]}::100`);
}

/** An IPv6 namespace cluster; create with `start`, always `close()`. */
export class Ipv6Cluster {
  private nextPort = 20_000;

  private constructor(
    readonly prefix: string,
    private readonly view: Cluster,
    private readonly listeners: readonly Listener[],
    /** What the harness changed in a dump before loading it ("" when nothing). */
    readonly adjustment: string,
  ) {}

  /** Builds the namespaces of `view` (a cluster's IPv6 view) and loads `mode`'s rules on every node. */
  static async start(view: Cluster, mode: RulesMode, prefix = names.newRunPrefix()): Promise<Ipv6Cluster> {
    registerRun(prefix);
    try {
      const lan = names.lanNetns(prefix);
      const client = names.clientNetns(prefix);
      const nodes = view.nodes.map((n) => ({ ...n, netns: names.nodeNetns(prefix, n.name) }));
      const pods = view.pods.map((p, i) => ({ ...p, netns: names.podNetns(prefix, p.namespace, p.name), index: i }));
      const lanMembers = [...nodes.map((n) => n.netns), client];
      const root = [lan, ...lanMembers, ...pods.map((p) => p.netns)].map((n) => `netns add ${n}`);
      lanMembers.forEach((m, i) =>
        root.push(`link add ${names.LAN_INTERFACE} netns ${m} type veth peer name ${names.lanPort(i)} netns ${lan}`),
      );
      const vethOf = new Map<string, string>();
      for (const node of nodes) {
        view.pods
          .filter((p) => p.nodeName === node.name)
          .forEach((p, i) => vethOf.set(`${p.namespace}/${p.name}`, names.podVethOnNode(i)));
      }
      for (const pod of pods) {
        const node = nodes.find((n) => n.name === pod.nodeName)!;
        const veth = vethOf.get(`${pod.namespace}/${pod.name}`)!;
        root.push(`link add ${names.POD_INTERFACE} netns ${pod.netns} type veth peer name ${veth} netns ${node.netns}`);
      }
      run(['ip', '-batch', '-'], { input: root.map((l) => `${l}\n`).join('') });
      // Before any link comes up: without DAD, link-local addresses are usable at once, so
      // the first packets do not wait a second for neighbour discovery. The veths exist
      // already, so `default` does not reach them; each gets its own setting.
      const dadOff = (ifaces: readonly string[]): Record<string, number> => ({
        ...NO_DAD,
        ...Object.fromEntries(ifaces.map((i) => [`net.ipv6.conf.${i}.accept_dad`, 0])),
      });
      sysctl(lan, NO_DAD);
      sysctl(client, dadOff([names.LAN_INTERFACE]));
      for (const node of nodes) {
        const veths = view.pods
          .filter((p) => p.nodeName === node.name)
          .map((p) => vethOf.get(`${p.namespace}/${p.name}`)!);
        sysctl(node.netns, dadOff([names.LAN_INTERFACE, ...veths]));
      }
      for (const pod of pods) sysctl(pod.netns, dadOff([names.POD_INTERFACE]));

      const lanCidr = lan64(view.nodes[0]!.internalIP);
      const gateway = firstHost(lanCidr);
      ipBatch(lan, [
        'link set lo up',
        `link add ${names.LAN_BRIDGE} type bridge mcast_snooping 0`,
        `addr add ${gateway}/64 dev ${names.LAN_BRIDGE} nodad`,
        `link set ${names.LAN_BRIDGE} up`,
        // The world outside: what reaches it is swallowed (IPv6 would answer "no route").
        'route add blackhole ::/0',
        ...lanMembers.flatMap((_, i) => [
          `link set ${names.lanPort(i)} master ${names.LAN_BRIDGE}`,
          `link set ${names.lanPort(i)} up`,
        ]),
      ]);

      for (const node of nodes) {
        sysctl(node.netns, { 'net.ipv6.conf.all.forwarding': 1, ...LIFT_ICMPV6_LIMITS });
        const podGateway = firstHost(node.podCIDR);
        const lines = [
          'link set lo up',
          `addr add ${node.internalIP}/64 dev ${names.LAN_INTERFACE} nodad`,
          `link set ${names.LAN_INTERFACE} up`,
        ];
        for (const pod of pods.filter((p) => p.nodeName === node.name)) {
          const veth = vethOf.get(`${pod.namespace}/${pod.name}`)!;
          lines.push(
            `addr add ${podGateway}/128 dev ${veth} nodad`,
            `link set ${veth} up`,
            `route add ${pod.ip}/128 dev ${veth}`,
          );
        }
        for (const other of nodes.filter((o) => o !== node))
          lines.push(`route add ${other.podCIDR} via ${other.internalIP} dev ${names.LAN_INTERFACE}`);
        lines.push(`route add ::/0 via ${gateway} dev ${names.LAN_INTERFACE}`);
        ipBatch(node.netns, lines);
      }
      for (const pod of pods) {
        const podGateway = firstHost(nodes.find((n) => n.name === pod.nodeName)!.podCIDR);
        ipBatch(pod.netns, [
          'link set lo up',
          `addr add ${pod.ip}/128 dev ${names.POD_INTERFACE} nodad`,
          `link set ${names.POD_INTERFACE} up`,
          `route add ${podGateway}/128 dev ${names.POD_INTERFACE}`,
          `route add ::/0 via ${podGateway} dev ${names.POD_INTERFACE}`,
        ]);
      }
      ipBatch(client, [
        'link set lo up',
        `addr add ${clientIPv6(view)}/64 dev ${names.LAN_INTERFACE} nodad`,
        `link set ${names.LAN_INTERFACE} up`,
      ]);

      const notes = new Set<string>();
      for (const node of nodes) {
        if (mode === 'iptables') {
          const counted = provideNfacctCounters(node.netns, generateIptablesSave(view, node.name));
          if (counted.note) notes.add(counted.note);
          run(inNetns(node.netns, ['ip6tables-restore']), { input: counted.text });
        } else {
          run(inNetns(node.netns, ['nft', '-f', '-']), { input: generateNftables(view, node.name) });
        }
      }

      const ports = (ip: string): number[] => [
        ...new Set(
          view.endpointSlices.flatMap((s) =>
            s.endpoints.some((e) => e.addresses.includes(ip)) ? s.ports.map((p) => p.port) : [],
          ),
        ),
      ];
      const listeners = await Promise.all(pods.map((p) => startListener(p.netns, p.name, ports(p.ip), 10_000, '::')));
      for (const l of listeners) if (l.child.pid !== undefined) registerPid(prefix, l.child.pid);
      return new Ipv6Cluster(prefix, view, listeners, [...notes].join('; '));
    } catch (error) {
      teardownRun(prefix);
      throw error;
    }
  }

  /**
   * Opens `count` new connections from a pod or the client (whose route to the Service range
   * goes through `via`, the entry node), and tallies them per pod and seen source.
   */
  async probe(request: Ipv6ClusterProbe): Promise<ProbeResult> {
    const firstPort = this.nextPort;
    this.nextPort += request.count;
    const from = request.from;
    let netns: string;
    let local: string;
    if (from.kind === 'client') {
      netns = names.clientNetns(this.prefix);
      local = clientIPv6(this.view);
      const via = this.view.nodes.find((n) => n.name === from.via)!;
      // kube-proxy's comment on ClusterIP masquerade: a static route to the Service range via a node.
      run(inNetns(netns, ['ip', '-6', 'route', 'replace', SERVICE_CIDR, 'via', via.internalIP]));
    } else {
      const pod = this.view.pods.find((p) => p.name === from.name)!;
      netns = names.podNetns(this.prefix, pod.namespace, pod.name);
      local = pod.ip;
    }
    const started = performance.now();
    const outcomes = await runConnector(netns, {
      host: request.host,
      port: request.port,
      perAddress: request.count,
      localAddresses: [local],
      rounds: false,
      concurrency: 100,
      timeoutMs: 3_500,
      firstPort,
    });
    return tally(outcomes.map(canonicalPeer), performance.now() - started);
  }

  /** Sends `count` pings from pod `name` to `ip` (0.2 s apart, 1 s for the last) and tallies the answers. */
  ping(name: string, ip: string, count: number): PingTally {
    const pod = this.view.pods.find((p) => p.name === name)!;
    const argv = ['ping', '-6', '-n', '-c', String(count), '-i', '0.2', '-W', '1', ip];
    const result = run(inNetns(names.podNetns(this.prefix, pod.namespace, pod.name), argv), { allowFailure: true });
    return tallyPing(`${result.stdout}\n${result.stderr}`);
  }

  /** Stops the listeners and deletes every namespace; resolves to anything left behind. */
  close(): Promise<string[]> {
    return closeRun(this.prefix, this.listeners);
  }
}

/**
 * The IPv6 cluster of `view` for the enclosing describe block: started in beforeAll (saying
 * what the harness had to change in a dump), closed in afterAll, failing if anything with the
 * run's prefix is left behind. As useScenario (harness/scenario.ts) is for IPv4 clusters.
 */
export function useIpv6Cluster(view: () => Cluster, mode: RulesMode, label: string): () => Ipv6Cluster {
  let cluster: Ipv6Cluster | undefined;
  beforeAll(async () => {
    cluster = await Ipv6Cluster.start(view(), mode);
    if (cluster.adjustment) console.warn(`kernel suite: ${label} [${mode}]: ${cluster.adjustment}`);
  }, 60_000);
  afterAll(async () => {
    if (!cluster) return;
    expect(await cluster.close(), 'namespaces or processes left behind').toEqual([]);
  });
  return () => {
    if (!cluster) throw new Error('the IPv6 cluster did not start');
    return cluster;
  };
}

function canonicalPeer(o: ConnectionOutcome): ConnectionOutcome {
  return o.outcome === 'answered' ? { ...o, peer: canonicalIP(o.peer) } : o;
}
