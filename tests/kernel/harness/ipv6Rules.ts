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
import { readFileSync } from 'node:fs';
import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import { generateNftables } from '../../../src/engine/kubeproxy/nftables';
import type { Cluster } from '../../../src/engine/model';
import { ipv6View, loadManifests } from '../../../src/engine/model';
import { kernelSupport } from './environment';
import { inNetns, run } from './exec';
import { type RulesMode } from './rules';

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
/** More client addresses on the LAN, so a NAT range's hashed pick meets several sources. */
export const EXTRA_CLIENT_IPS: readonly string[] = Array.from({ length: 8 }, (_, i) => `fd00:10::${101 + i}`);
/** Addresses the node holds besides NODE_IP, for an SNAT range (`--to-source [first]-[last]`). */
export const SNAT_POOL = { first: 'fd00:10::20', last: 'fd00:10::23' } as const;
export const SNAT_POOL_IPS: readonly string[] = ['fd00:10::20', 'fd00:10::21', 'fd00:10::22', 'fd00:10::23'];
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

/** A file kept in tests/fixtures/ipv6. */
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/ipv6/${name}`, import.meta.url), 'utf8');

/** The IPv6 proxier's view of tests/fixtures/ipv6/dual-stack.yaml. */
export function dualStackIPv6View(): Cluster {
  const loaded = loadManifests(fixture('dual-stack.yaml'), 'dual-stack.yaml');
  const view = loaded.cluster === undefined ? undefined : ipv6View(loaded.cluster);
  if (view === undefined) throw new Error(`dual-stack.yaml did not load: ${JSON.stringify(loaded.errors)}`);
  return view;
}

/**
 * What kube-proxy's iptables mode leaves in ip6tables on node-1 of tests/fixtures/ipv6/
 * dual-stack.yaml for Service default/web (NodePort, externalTrafficPolicy Cluster, ClusterIP
 * fd00:10:96::10 port 80 → 8080, NodePort 30080) with the two BACKENDS, written by the engine's
 * generator from the cluster's IPv6 view, in kube-proxy's spelling with the built-in chains and
 * jumps. What differs from IPv4 is what pkg/proxy/iptables/proxier.go does for IPv6: no
 * "block incoming localnet connections" rule and no 127.0.0.0/8 NodePort rule, `! -d ::1/128`
 * on the nodeports jump, DNAT targets as "[addr]:port", and the IPv6 cluster CIDR in the local
 * detector. The unit tests pin it to tests/fixtures/ipv6/kube-proxy.ip6tables-save.
 */
export const IP6TABLES_SAVE = generateIptablesSave(dualStackIPv6View(), 'node-1');

/**
 * The same Service in kube-proxy's nftables mode, written by the engine's generator from
 * manifests: tests/fixtures/ipv6/dual-stack.yaml (a dual-stack cluster), its IPv6 view
 * (src/engine/model/family.ts), node-1's `table ip6 kube-proxy` (pkg/proxy/nftables/proxier.go
 * at 531be812 with setupNFTables' IPv6 spellings: `ip6 daddr` / `ip6 saddr`, ipv6_addr sets,
 * `dnat to [addr]:port`, endpoint chain names with the address's colons turned into dots,
 * nodeport-ips holding the node's primary IP, the IPv6 ServiceCIDR in cluster-ips-check's
 * drop). The unit tests pin it to tests/fixtures/ipv6/kube-proxy-ip6.nft, byte for byte.
 */
export const NFT_IP6_RULESET = generatedIp6Ruleset();

function generatedIp6Ruleset(): string {
  return generateNftables(dualStackIPv6View(), 'node-1', { serviceCIDRs: [SERVICE_CIDR] });
}

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
