/** The kernel side of the IPv6 `--rules` suite: the namespaces, the node's rules and the probes. */
import { closeRun, registerPid, registerRun, teardownRun } from './cleanup';
import { inNetns, ipBatch, run, sysctl } from './exec';
import { tally, type ProbeResult } from './kernelCluster';
import { clientNetns, LAN_BRIDGE, LAN_INTERFACE, lanNetns, lanPort, newRunPrefix, nodeNetns, podNetns } from './names';
import { runConnector, startListener, type ConnectionOutcome, type Listener } from './processes';
import { tallyPing, type PingTally } from './ping';
import { provideNfacctCounters, type RulesMode } from './rules';
import {
  BACKENDS,
  CLIENT_IP,
  IPV6_DUMPS,
  LAN_GATEWAY,
  LAN_PREFIX_LENGTH,
  LIFT_ICMPV6_LIMITS,
  TARGET_PORT,
  NODE_IP,
  POD_SOURCE_IP,
  SERVICE_CIDR,
  EXTRA_CLIENT_IPS,
  SNAT_POOL_IPS,
  canonicalIP,
  endpointLabel,
} from './ipv6Rules';

/** One batch of connections from the client namespace. */
export interface Ipv6Probe {
  /** Source address to bind: CLIENT_IP or POD_SOURCE_IP. */
  readonly from: string;
  readonly host: string;
  readonly port: number;
  readonly count: number;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
}

// Before an interface comes up: with DAD off its link-local address is usable at once, and
// the node's neighbour solicitations (sent from the link-local address when it forwards) go
// out on the first SYN instead of after a second of tentative state.
const NO_DAD = {
  'net.ipv6.conf.all.accept_dad': 0,
  'net.ipv6.conf.default.accept_dad': 0,
  [`net.ipv6.conf.${LAN_INTERFACE}.accept_dad`]: 0,
};

/**
 * The node, its client and its backends in network namespaces, with a kube-proxy IPv6 ruleset
 * loaded in the node and a listener in every backend. Create with `start`, always `close()`
 * (signals and exit are covered by the cleanup module as well).
 */
export class Ipv6RulesNode {
  private nextPort = 20_000;

  private constructor(
    readonly prefix: string,
    readonly mode: RulesMode,
    private readonly listeners: readonly Listener[],
    /** What the harness changed in the dump before loading it ("" when nothing). */
    readonly adjustment: string,
  ) {}

  /** Builds the namespaces, loads `mode`'s dump into the node and starts the backends' listeners. */
  static async start(mode: RulesMode, prefix = newRunPrefix()): Promise<Ipv6RulesNode> {
    registerRun(prefix);
    try {
      const lan = lanNetns(prefix);
      const node = nodeNetns(prefix, 'node');
      const client = clientNetns(prefix);
      const backends = BACKENDS.map((b) => ({ ...b, netns: podNetns(prefix, 'default', b.name) }));
      const members = [node, client, ...backends.map((b) => b.netns)];
      // One batch makes every namespace and veth; each LAN end is created inside its namespace.
      const root = [lan, ...members].map((n) => `netns add ${n}`);
      members.forEach((m, i) =>
        root.push(`link add ${LAN_INTERFACE} netns ${m} type veth peer name ${lanPort(i)} netns ${lan}`),
      );
      run(['ip', '-batch', '-'], { input: root.map((l) => `${l}\n`).join('') });

      for (const n of [lan, ...members]) sysctl(n, n === lan ? { 'net.ipv6.conf.all.accept_dad': 0 } : NO_DAD);
      // Snooping off: with no MLD querier on this bridge it must flood neighbour discovery.
      ipBatch(lan, [
        'link set lo up',
        `link add ${LAN_BRIDGE} type bridge mcast_snooping 0`,
        `addr add ${LAN_GATEWAY}/${LAN_PREFIX_LENGTH} dev ${LAN_BRIDGE} nodad`,
        `link set ${LAN_BRIDGE} up`,
        // The gateway stands for the world outside the simulation: what the node routes to it is
        // swallowed. Without a route, IPv6 (unlike IPv4 with forwarding off) would answer
        // "no route" (ip6_pkt_discard), an answer from a host the engine does not model.
        'route add blackhole ::/0',
        ...members.flatMap((_, i) => [`link set ${lanPort(i)} master ${LAN_BRIDGE}`, `link set ${lanPort(i)} up`]),
      ]);

      sysctl(node, { 'net.ipv6.conf.all.forwarding': 1, ...LIFT_ICMPV6_LIMITS });
      ipBatch(node, [
        'link set lo up',
        `addr add ${NODE_IP}/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE} nodad`,
        // The SNAT range's addresses are the node's, so the backends' answers come back to it.
        // Deprecated (preferred_lft 0), so the kernel never picks one as a source on its own
        // (RFC 6724 rule 3): MASQUERADE keeps using NODE_IP, as the engine's node does.
        ...SNAT_POOL_IPS.map((ip) => `addr add ${ip}/128 dev ${LAN_INTERFACE} nodad preferred_lft 0`),
        `link set ${LAN_INTERFACE} up`,
        // The backends' pod CIDRs are on-link, so DNATed connections leave by eth0 as the
        // engine's single node forwards them.
        ...BACKENDS.map((b) => `route add ${podPrefix(b.ip)} dev ${LAN_INTERFACE}`),
        `route add ${podPrefix(POD_SOURCE_IP)} via ${CLIENT_IP} dev ${LAN_INTERFACE}`,
        // A real node has a default route; without one a ClusterIP port with no rule would be
        // unroutable before nftables' forward hook could reject it.
        `route add ::/0 via ${LAN_GATEWAY} dev ${LAN_INTERFACE}`,
      ]);

      ipBatch(client, [
        'link set lo up',
        `addr add ${CLIENT_IP}/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE} nodad`,
        `addr add ${POD_SOURCE_IP}/128 dev ${LAN_INTERFACE} nodad`,
        ...EXTRA_CLIENT_IPS.map((ip) => `addr add ${ip}/128 dev ${LAN_INTERFACE} nodad`),
        `link set ${LAN_INTERFACE} up`,
        // kube-proxy's own comment on the ClusterIP masquerade: a static route for the
        // Service range via any node.
        `route add ${SERVICE_CIDR} via ${NODE_IP} dev ${LAN_INTERFACE}`,
      ]);

      for (const b of backends) {
        ipBatch(b.netns, [
          'link set lo up',
          `addr add ${b.ip}/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE} nodad`,
          `link set ${LAN_INTERFACE} up`,
          `route add fd00:10::/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE}`,
          // Un-masqueraded answers (to POD_SOURCE_IP) go back through the node's conntrack.
          `route add ::/0 via ${NODE_IP} dev ${LAN_INTERFACE}`,
        ]);
      }

      let text = IPV6_DUMPS[mode];
      let adjustment = '';
      if (mode === 'iptables') {
        const counted = provideNfacctCounters(node, text);
        text = counted.text;
        adjustment = counted.note;
        run(inNetns(node, ['ip6tables-restore']), { input: text });
      } else {
        run(inNetns(node, ['nft', '-f', '-']), { input: text });
      }

      const listeners = await Promise.all(
        backends.map((b) => startListener(b.netns, endpointLabel(b.ip, TARGET_PORT), [TARGET_PORT], 10_000, '::')),
      );
      for (const l of listeners) if (l.child.pid !== undefined) registerPid(prefix, l.child.pid);
      return new Ipv6RulesNode(prefix, mode, listeners, adjustment);
    } catch (error) {
      teardownRun(prefix);
      throw error;
    }
  }

  /**
   * Opens `count` independent connections from the client namespace, bound to `from`, and
   * tallies them per backend ("[ip]:port") and seen source. Source ports never repeat within a
   * run, so each connection is a new conntrack flow and kube-proxy's random choice is fresh.
   */
  async probe(request: Ipv6Probe): Promise<ProbeResult> {
    const firstPort = this.nextPort;
    this.nextPort += request.count;
    if (this.nextPort > 60_999) throw new Error('probe: too many connections in one run');
    const started = performance.now();
    const outcomes = await runConnector(clientNetns(this.prefix), {
      host: request.host,
      port: request.port,
      perAddress: request.count,
      localAddresses: [request.from],
      rounds: false,
      concurrency: request.concurrency ?? 100,
      // Two SYN retransmissions' worth, as the IPv4 suite waits (kernelCluster.ts).
      timeoutMs: request.timeoutMs ?? 3_500,
      firstPort,
    });
    return tally(outcomes.map(canonicalPeer), performance.now() - started);
  }

  /**
   * Sends `count` pings (ICMPv6 echo requests, 0.2 s apart, waiting 1 s for the last) to `ip`
   * from the client (bound to CLIENT_IP) or from the node itself, and tallies what came back.
   */
  ping(from: 'client' | 'node', ip: string, count: number): PingTally {
    const netns = from === 'client' ? clientNetns(this.prefix) : nodeNetns(this.prefix, 'node');
    const bind = from === 'client' ? ['-I', CLIENT_IP] : [];
    const argv = ['ping', '-6', '-n', '-c', String(count), '-i', '0.2', '-W', '1', ...bind, ip];
    const result = run(inNetns(netns, argv), { allowFailure: true });
    return tallyPing(`${result.stdout}\n${result.stderr}`);
  }

  /** Runs `ip6tables ARGS` in the node (iptables mode: a rule added beside kube-proxy's). */
  ip6tables(args: readonly string[]): void {
    run(inNetns(nodeNetns(this.prefix, 'node'), ['ip6tables', ...args]));
  }

  /** What the node's netfilter holds, as `ip6tables-save` or `nft list ruleset` prints it. */
  savedRules(): string {
    const node = nodeNetns(this.prefix, 'node');
    return run(inNetns(node, this.mode === 'iptables' ? ['ip6tables-save'] : ['nft', 'list', 'ruleset'])).stdout;
  }

  /** Stops the listeners and deletes every namespace; resolves to anything left behind. */
  close(): Promise<string[]> {
    return closeRun(this.prefix, this.listeners);
  }
}

/** The /64 a pod-CIDR address sits in (the backends' and the pod-like client's routes). */
function podPrefix(ip: string): string {
  const groups = canonicalIP(ip).split('::')[0]!.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function canonicalPeer(o: ConnectionOutcome): ConnectionOutcome {
  return o.outcome === 'answered' ? { ...o, peer: canonicalIP(o.peer) } : o;
}
