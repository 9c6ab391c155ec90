/**
 * The IPv6 side of the kernel suite for the engine's `--rules` mode: one node namespace that
 * loads a kube-proxy IPv6 ruleset (an ip6tables-save dump or a `table ip6 kube-proxy`), a
 * client on its LAN, and two backend namespaces the DNATed connections are forwarded to out of
 * the node's eth0, as the engine's single-node topology forwards them out of the simulation.
 *
 *   client fd00:10::100 (+ fd00:10:244:9::5) ─┐
 *   node   fd00:10::12 (forwarding on)        ├─ br0 fd00:10::1 (fd00:10::/64)
 *   backend-1 fd00:10:244:2::2 :8080          │
 *   backend-2 fd00:10:244:3::2 :8080         ─┘
 *
 * The backends hold their pod-CIDR address directly on their LAN interface and the node has an
 * on-link route for each pod /64, so the node reaches them out of eth0 without another router.
 */
import { describe } from 'vitest';
import { randomBytes } from 'node:crypto';
import { fromRulesText, type ConnectionResult, type Source } from '../../../src/engine/simulate';
import { leftovers, registerPid, registerRun, teardownRun } from './cleanup';
import { compareWithEngine, formatComparison, type Comparison, type ExpectedOutcome } from './compare';
import { kernelSupport } from './environment';
import { inNetns, run } from './exec';
import { tally, type ProbeResult } from './kernelCluster';
import { clientNetns, LAN_BRIDGE, LAN_INTERFACE, lanNetns, lanPort, newRunPrefix, nodeNetns, podNetns } from './names';
import { runConnector, startListener, type ConnectionOutcome, type Listener } from './processes';
import { provideNfacctCounters, type RulesMode } from './rules';

/** The LAN the client, the node and the backends share. */
export const LAN_PREFIX_LENGTH = 64;
/** The LAN bridge's own address: the node's default gateway (a host that does not forward). */
export const LAN_GATEWAY = 'fd00:10::1';
/** The node that loads the rules (the engine's `localIPs[0]`). */
export const NODE_IP = 'fd00:10::12';
/** The client's address on the LAN: off-cluster, so kube-proxy's rules masquerade it. */
export const CLIENT_IP = 'fd00:10::100';
/**
 * A second client address inside the cluster CIDR (kube-proxy's --cluster-cidr,
 * fd00:10:244::/56, in both dumps): a pod of another node, as the rules see it.
 */
export const POD_SOURCE_IP = 'fd00:10:244:9::5';
/** The ServiceCIDR the ClusterIP comes from (nftables mode drops unallocated ones). */
export const SERVICE_CIDR = 'fd00:10:96::/112';
/** The Service's ClusterIP. */
export const CLUSTER_IP = 'fd00:10:96::10';
/** The Service's port on the ClusterIP. */
export const SERVICE_PORT = 80;
/** The endpoints' port (targetPort), where the backends listen. */
export const TARGET_PORT = 8080;
/** The Service's NodePort on the node's address. */
export const NODE_PORT = 30080;

/** One endpoint of the Service: its namespace's name and its pod-CIDR address. */
export interface Backend {
  readonly name: string;
  readonly ip: string;
}

/** The Service's two ready endpoints, on two other nodes' pod CIDRs. */
export const BACKENDS: readonly Backend[] = [
  { name: 'backend-1', ip: 'fd00:10:244:2::2' },
  { name: 'backend-2', ip: 'fd00:10:244:3::2' },
];

/**
 * What kube-proxy's iptables mode leaves in ip6tables on the node for Service default/web
 * (NodePort, externalTrafficPolicy Cluster, ClusterIP fd00:10:96::10 port 80 → 8080, NodePort
 * 30080) with the two BACKENDS, in the engine's IPv4 layout (tests/kernel/harness/engine.ts,
 * style "kube-proxy": built-in chains and jumps included). What differs from the IPv4 dump is
 * what pkg/proxy/iptables/proxier.go does for IPv6: no "block incoming localnet connections"
 * rule in KUBE-FIREWALL and no 127.0.0.0/8 NodePort rule (both only `!isIPv6 &&
 * localhostNodePorts`), `! -d ::1/128` on the nodeports jump (`if isIPv6`), DNAT targets as
 * net.JoinHostPort writes them ("[addr]:port"), and the local detector's IPv6 cluster CIDR.
 * Chain hashes are kube-proxy's (sha256, base32): KUBE-SEP over "default/web:http" + "tcp" +
 * "[ip]:8080".
 */
export const IP6TABLES_SAVE = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-EXTERNAL-SERVICES - [0:0]
:KUBE-FIREWALL - [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-PROXY-CANARY - [0:0]
:KUBE-PROXY-FIREWALL - [0:0]
:KUBE-SERVICES - [0:0]
-A INPUT -j KUBE-FIREWALL
-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
-A OUTPUT -j KUBE-FIREWALL
-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-EXT-CDGGSHYLG3RE2FKL - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-PROXY-CANARY - [0:0]
:KUBE-SEP-44OAPYS4LDTTYJA2 - [0:0]
:KUBE-SEP-EDTVLQCLB6GUJ7UZ - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-SVC-CDGGSHYLG3RE2FKL - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ
-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SEP-44OAPYS4LDTTYJA2 -m comment --comment default/web:http -s fd00:10:244:2::2 -j KUBE-MARK-MASQ
-A KUBE-SEP-44OAPYS4LDTTYJA2 -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination [fd00:10:244:2::2]:8080
-A KUBE-SEP-EDTVLQCLB6GUJ7UZ -m comment --comment default/web:http -s fd00:10:244:3::2 -j KUBE-MARK-MASQ
-A KUBE-SEP-EDTVLQCLB6GUJ7UZ -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination [fd00:10:244:3::2]:8080
-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d fd00:10:96::10 --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d fd00:10:96::10 --dport 80 ! -s fd00:10:244::/56 -j KUBE-MARK-MASQ
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> [fd00:10:244:2::2]:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-44OAPYS4LDTTYJA2
-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> [fd00:10:244:3::2]:8080" -j KUBE-SEP-EDTVLQCLB6GUJ7UZ
COMMIT
`;

/**
 * The same Service in kube-proxy's nftables mode (pkg/proxy/nftables/proxier.go at 531be812,
 * the version src/engine/kubeproxy/nftables/generate.ts follows), as the `nft -f` transaction
 * the engine writes for IPv4 with setupNFTables' IPv6 spellings: `table ip6`, `ip6 daddr` /
 * `ip6 saddr`, ipv6_addr set types, `dnat to [addr]:port`, endpoint chain names with the
 * address's colons turned into dots (servicePortEndpointChainNameBase), nodeport-ips holding
 * the node's primary IP (nftables mode's default --nodeport-addresses), and the IPv6
 * ServiceCIDR in cluster-ips-check's drop.
 */
export const NFT_IP6_RULESET = `add table ip6 kube-proxy { comment "rules for kube-proxy" ; }
add set ip6 kube-proxy cluster-ips { type ipv6_addr ; comment "Active ClusterIPs" ; }
add set ip6 kube-proxy nodeport-ips { type ipv6_addr ; comment "IPs that accept NodePort traffic" ; }
add map ip6 kube-proxy no-endpoint-services { type ipv6_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }
add map ip6 kube-proxy no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }
add map ip6 kube-proxy firewall-ips { type ipv6_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }
add map ip6 kube-proxy service-ips { type ipv6_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }
add map ip6 kube-proxy service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }
add chain ip6 kube-proxy filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }
add chain ip6 kube-proxy filter-output-pre-dnat { type filter hook output priority -110 ; }
add chain ip6 kube-proxy filter-input { type filter hook input priority 0 ; }
add chain ip6 kube-proxy filter-forward { type filter hook forward priority 0 ; }
add chain ip6 kube-proxy filter-output { type filter hook output priority 0 ; }
add chain ip6 kube-proxy nat-prerouting { type nat hook prerouting priority -100 ; }
add chain ip6 kube-proxy nat-output { type nat hook output priority -100 ; }
add chain ip6 kube-proxy nat-postrouting { type nat hook postrouting priority 100 ; }
add chain ip6 kube-proxy nodeport-endpoints-check
add chain ip6 kube-proxy service-endpoints-check
add chain ip6 kube-proxy firewall-check
add chain ip6 kube-proxy services
add chain ip6 kube-proxy masquerading
add chain ip6 kube-proxy cluster-ips-check
add chain ip6 kube-proxy mark-for-masquerade
add chain ip6 kube-proxy reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }
add chain ip6 kube-proxy endpoint-E2AUZJFF-default/web/tcp/http__fd00.10.244.2..2/8080
add chain ip6 kube-proxy endpoint-2CWOPNYH-default/web/tcp/http__fd00.10.244.3..2/8080
add chain ip6 kube-proxy service-SUSTUHLJ-default/web/tcp/http
add chain ip6 kube-proxy external-SUSTUHLJ-default/web/tcp/http
add rule ip6 kube-proxy filter-prerouting-pre-dnat ct state new jump firewall-check
add rule ip6 kube-proxy filter-output-pre-dnat ct state new jump firewall-check
add rule ip6 kube-proxy filter-input ct state new jump nodeport-endpoints-check
add rule ip6 kube-proxy filter-input ct state new jump service-endpoints-check
add rule ip6 kube-proxy filter-forward ct state new jump service-endpoints-check
add rule ip6 kube-proxy filter-forward ct state new jump cluster-ips-check
add rule ip6 kube-proxy filter-output ct state new jump service-endpoints-check
add rule ip6 kube-proxy filter-output ct state new jump cluster-ips-check
add rule ip6 kube-proxy nat-prerouting jump services
add rule ip6 kube-proxy nat-output jump services
add rule ip6 kube-proxy nat-postrouting jump masquerading
add rule ip6 kube-proxy nodeport-endpoints-check ip6 daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports
add rule ip6 kube-proxy service-endpoints-check ip6 daddr . meta l4proto . th dport vmap @no-endpoint-services
add rule ip6 kube-proxy firewall-check ip6 daddr . meta l4proto . th dport vmap @firewall-ips
add rule ip6 kube-proxy services ip6 daddr . meta l4proto . th dport vmap @service-ips
add rule ip6 kube-proxy services ip6 daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports
add rule ip6 kube-proxy masquerading mark and 0x00004000 == 0 return
add rule ip6 kube-proxy masquerading mark set mark xor 0x00004000
add rule ip6 kube-proxy masquerading masquerade fully-random
add rule ip6 kube-proxy cluster-ips-check ip6 daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"
add rule ip6 kube-proxy cluster-ips-check ip6 daddr { fd00:10:96::/112 } drop comment "Drop traffic to unallocated ClusterIPs"
add rule ip6 kube-proxy mark-for-masquerade mark set mark or 0x00004000
add rule ip6 kube-proxy reject-chain reject
add rule ip6 kube-proxy endpoint-E2AUZJFF-default/web/tcp/http__fd00.10.244.2..2/8080 ip6 saddr fd00:10:244:2::2 jump mark-for-masquerade
add rule ip6 kube-proxy endpoint-E2AUZJFF-default/web/tcp/http__fd00.10.244.2..2/8080 meta l4proto tcp dnat to [fd00:10:244:2::2]:8080
add rule ip6 kube-proxy endpoint-2CWOPNYH-default/web/tcp/http__fd00.10.244.3..2/8080 ip6 saddr fd00:10:244:3::2 jump mark-for-masquerade
add rule ip6 kube-proxy endpoint-2CWOPNYH-default/web/tcp/http__fd00.10.244.3..2/8080 meta l4proto tcp dnat to [fd00:10:244:3::2]:8080
add rule ip6 kube-proxy service-SUSTUHLJ-default/web/tcp/http ip6 daddr fd00:10:96::10 ip6 saddr != fd00:10:244::/56 jump mark-for-masquerade
add rule ip6 kube-proxy service-SUSTUHLJ-default/web/tcp/http numgen random mod 2 vmap { 0 : goto endpoint-E2AUZJFF-default/web/tcp/http__fd00.10.244.2..2/8080 , 1 : goto endpoint-2CWOPNYH-default/web/tcp/http__fd00.10.244.3..2/8080 }
add rule ip6 kube-proxy external-SUSTUHLJ-default/web/tcp/http jump mark-for-masquerade
add rule ip6 kube-proxy external-SUSTUHLJ-default/web/tcp/http goto service-SUSTUHLJ-default/web/tcp/http
add element ip6 kube-proxy cluster-ips { fd00:10:96::10 }
add element ip6 kube-proxy nodeport-ips { fd00:10::12 }
add element ip6 kube-proxy service-ips { fd00:10:96::10 . tcp . 80 : goto service-SUSTUHLJ-default/web/tcp/http }
add element ip6 kube-proxy service-nodeports { tcp . 30080 : goto external-SUSTUHLJ-default/web/tcp/http }
`;

/** The dump each mode loads into the node and hands to the engine. */
export const IPV6_DUMPS: Readonly<Record<RulesMode, string>> = {
  iptables: IP6TABLES_SAVE,
  nftables: NFT_IP6_RULESET,
};

/**
 * Lifts the node's ICMP limits so every REJECT reaches the client. IPv6 has its own
 * per-destination limit; the namespace-wide token bucket is shared with IPv4 and set there.
 */
export const LIFT_ICMPV6_LIMITS: Readonly<Record<string, number>> = {
  'net.ipv6.icmp.ratelimit': 0,
  'net.ipv4.icmp_msgs_per_sec': 1_000_000,
  'net.ipv4.icmp_msgs_burst': 1_000_000,
};

/** An address as RFC 5952 writes it (lower case, longest zero run as "::"), IPv4 unchanged. */
export function canonicalIP(ip: string): string {
  if (!ip.includes(':')) return ip;
  // The WHATWG URL parser serializes IPv6 hosts exactly as RFC 5952 prescribes.
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

/** How a backend is named on both sides of a comparison: its address and port, "[ip]:port". */
export function endpointLabel(ip: string, port: number): string {
  return `[${canonicalIP(ip)}]:${port}`;
}

let support: { readonly iptables: string; readonly nftables: string } | undefined;

function probeIpv6(): { readonly iptables: string; readonly nftables: string } {
  // Linux, root and iproute2 are checked by the IPv4 probe; its iptables-restore check is
  // not ours, so only a failure before that point counts here.
  const base = kernelSupport().reason;
  if (base !== '' && !base.includes('iptables-restore')) return { iptables: base, nftables: base };
  const ns = `ktprobe6-${randomBytes(3).toString('hex')}`;
  const made = run(['ip', 'netns', 'add', ns], { allowFailure: true });
  if (made.status !== 0) {
    const why = `\`ip netns add\` failed: ${made.stderr.trim()}`;
    return { iptables: why, nftables: why };
  }
  try {
    // What the dumps lean on beyond plain matching: statistic, a bracketed IPv6 DNAT target,
    // MASQUERADE --random-fully; numgen and an ip6 dnat for nftables.
    const ip6 = run(inNetns(ns, ['ip6tables-restore']), {
      allowFailure: true,
      input:
        '*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n' +
        '-A PREROUTING -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination [fd00::1]:80\n' +
        '-A POSTROUTING -j MASQUERADE --random-fully\nCOMMIT\n',
    });
    const nft = run(inNetns(ns, ['nft', '-f', '-']), {
      allowFailure: true,
      input:
        'table ip6 probe {\n chain c {\n  type nat hook prerouting priority -100;\n' +
        '  numgen random mod 2 vmap { 0 : accept, 1 : accept }\n  meta l4proto tcp dnat to [fd00::1]:80\n }\n}\n',
    });
    return {
      iptables: ip6.status === 0 ? '' : `ip6tables-restore failed inside a namespace: ${ip6.stderr.trim()}`,
      nftables:
        nft.status === 0 ? '' : `nft (table ip6) failed inside a namespace: ${nft.stderr.trim() || 'not installed'}`,
    };
  } finally {
    run(['ip', 'netns', 'del', ns], { allowFailure: true });
  }
}

/** Why the IPv6 rules suite cannot run in `mode` here ("" when it can); probed once per process. */
export function ipv6SkipReason(mode: RulesMode): string {
  support ??= probeIpv6();
  return support[mode];
}

/**
 * `describe` for an IPv6 `--rules` scenario: runs where ip6tables (or nft's ip6 family) works
 * inside a namespace, otherwise registers it as skipped with the reason in its name and on the
 * console, so a skip is never mistaken for a pass.
 */
export function describeIpv6Rules(name: string, body: () => void, mode: RulesMode): void {
  const reason = ipv6SkipReason(mode);
  if (reason === '') {
    describe(`${name} [${mode}, IPv6]`, body);
  } else {
    console.warn(`kernel suite: SKIPPED "${name}" [${mode}, IPv6]: ${reason}`);
    describe.skip(`${name} [${mode}, IPv6] — SKIPPED: ${reason}`, body);
  }
}

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

function batch(netns: string, lines: readonly string[]): void {
  run(['ip', '-n', netns, '-batch', '-'], { input: lines.map((l) => `${l}\n`).join('') });
}

function sysctl(netns: string, settings: Readonly<Record<string, string | number>>): void {
  run(inNetns(netns, ['sysctl', '-q', '-w', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)]));
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
      batch(lan, [
        'link set lo up',
        `link add ${LAN_BRIDGE} type bridge mcast_snooping 0`,
        `addr add ${LAN_GATEWAY}/${LAN_PREFIX_LENGTH} dev ${LAN_BRIDGE} nodad`,
        `link set ${LAN_BRIDGE} up`,
        ...members.flatMap((_, i) => [`link set ${lanPort(i)} master ${LAN_BRIDGE}`, `link set ${lanPort(i)} up`]),
      ]);

      sysctl(node, { 'net.ipv6.conf.all.forwarding': 1, ...LIFT_ICMPV6_LIMITS });
      batch(node, [
        'link set lo up',
        `addr add ${NODE_IP}/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE} nodad`,
        `link set ${LAN_INTERFACE} up`,
        // The backends' pod CIDRs are on-link, so DNATed connections leave by eth0 as the
        // engine's single node forwards them.
        ...BACKENDS.map((b) => `route add ${podPrefix(b.ip)} dev ${LAN_INTERFACE}`),
        `route add ${podPrefix(POD_SOURCE_IP)} via ${CLIENT_IP} dev ${LAN_INTERFACE}`,
        // A real node has a default route; without one a ClusterIP port with no rule would be
        // unroutable before nftables' forward hook could reject it.
        `route add ::/0 via ${LAN_GATEWAY} dev ${LAN_INTERFACE}`,
      ]);

      batch(client, [
        'link set lo up',
        `addr add ${CLIENT_IP}/${LAN_PREFIX_LENGTH} dev ${LAN_INTERFACE} nodad`,
        `addr add ${POD_SOURCE_IP}/128 dev ${LAN_INTERFACE} nodad`,
        `link set ${LAN_INTERFACE} up`,
        // kube-proxy's own comment on the ClusterIP masquerade: a static route for the
        // Service range via any node.
        `route add ${SERVICE_CIDR} via ${NODE_IP} dev ${LAN_INTERFACE}`,
      ]);

      for (const b of backends) {
        batch(b.netns, [
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

  /** Stops the listeners and deletes every namespace; resolves to anything left behind. */
  async close(): Promise<string[]> {
    const pids = this.listeners.flatMap((l) => (l.child.pid === undefined ? [] : [l.child.pid]));
    const exited = this.listeners.map(
      (l) =>
        new Promise<void>((resolve) => {
          if (l.child.exitCode !== null || l.child.signalCode !== null) return resolve();
          l.child.once('exit', () => resolve());
          setTimeout(resolve, 2_000);
        }),
    );
    teardownRun(this.prefix);
    await Promise.all(exited);
    return leftovers(this.prefix, pids);
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

/**
 * What a client and a backend observe of one engine outcome in `--rules` mode. A connection
 * the node forwards out of eth0 leaves the simulation as an "external" destination: its
 * address and port after DNAT name the backend that answers, and `sourceSeen` is what that
 * backend sees (the node's address after MASQUERADE). Delivery to the node's own stack is
 * refused by a RST (nothing listens there), like a REJECT; a DROP leaves no answer.
 */
export function rulesModeObservable(result: ConnectionResult, probability: number): ExpectedOutcome {
  switch (result.verdict) {
    case 'UNKNOWN':
      return { kind: 'other', label: `engine cannot judge: ${result.reason ?? 'unknown rule'}`, probability };
    case 'DROP':
      return { kind: 'no-answer', probability };
    case 'REJECT':
      return { kind: 'refused', probability };
    default:
      break;
  }
  const destination = result.destination;
  if (destination === null)
    return { kind: 'other', label: `engine: ${result.verdict} without a destination`, probability };
  if (destination.kind === 'node') return { kind: 'refused', probability };
  if (destination.kind === 'pod')
    return { kind: 'other', label: `engine: a pod ${destination.name} in --rules mode`, probability };
  if (result.sourceSeen === null)
    return { kind: 'other', label: `engine: ${destination.ip} sees no source`, probability };
  return {
    kind: 'pod',
    pod: endpointLabel(destination.ip, destination.port),
    source: canonicalIP(result.sourceSeen.ip),
    probability,
  };
}

/** The engine's exact outcomes for one new connection, through `--rules` mode on `dump`. */
export function engineExpectation(dump: string, from: string, host: string, port: number): ExpectedOutcome[] {
  const simulation = fromRulesText(dump, { localIPs: [NODE_IP] });
  const source: Source = { kind: 'client', ip: from };
  return simulation
    .exact({ from: source, to: { ip: host, port } }, { trace: false })
    .map((o) => rulesModeObservable(o.result, o.probability));
}

/** A kernel probe judged against the engine: the χ² comparison and its side-by-side table. */
export interface Ipv6Verdict {
  readonly comparison: Comparison;
  readonly report: string;
}

/** Compares what the kernel did in `probe` with the engine's prediction for the same request. */
export function judgeWithEngine(mode: RulesMode, request: Ipv6Probe, probe: ProbeResult): Ipv6Verdict {
  const expected = engineExpectation(IPV6_DUMPS[mode], request.from, request.host, request.port);
  const comparison = compareWithEngine(probe, expected);
  const title = `[${mode}, IPv6] ${request.from} → [${request.host}]:${request.port}, ${request.count} connections (${probe.elapsedMs.toFixed(0)} ms in the kernel)`;
  return { comparison, report: formatComparison(title, comparison) };
}
