/**
 * The simulated network, wired like the kernel-suite namespaces (docs/kernel.md): nodes on one
 * LAN through their `eth0`; each pod on a ptp veth whose node end is named `veth<i>` (the
 * node's i-th pod, 0-based, in cluster order) and holds the podCIDR's .1 as /32; `lo` holds
 * 127.0.0.1/8. Every node routes other nodes' podCIDRs via their node IP (host-gw) and has a
 * default route to the LAN's .1 (a gateway that is not simulated). A node's rules are
 * iptables-save or nft text (auto-detected), so what a reader sees is exactly what is walked.
 */
import { NodeAddresses, type InterfaceAddresses } from '../netfilter/addresses';
import { compileRuleset, type CompiledRuleset } from '../netfilter/compile';
import {
  familyOf,
  formatAddress,
  formatIPv4,
  parseAddress,
  parseIPv4,
  parsePrefix,
  parsePrefix4,
  type Address,
  type Prefix,
  type Prefix4,
} from '../netfilter/ip';
import { formatIPv6 } from '../netfilter/ip6';
import type { Ruleset } from '../netfilter/model';
import { parseIptablesSave } from '../netfilter/parse';
import type { IpSetSpec } from '../netfilter/sets';
import type { Cluster } from '../model/types';
import { compileNft, detectRulesFormat, parseNft, type CompiledNft, type NftRuleset } from '../nftables';
import { splitRulesText } from '../nftables/split';

/** The LAN interface of every node and client. */
export const LAN_INTERFACE = 'eth0';
/** The node end of the veth of a node's `index`-th pod (0-based, cluster order). */
export const podVeth = (index: number): string => `veth${index}`;

/** A pod as the network sees it. */
export interface NetPod {
  readonly namespace: string;
  readonly name: string;
  readonly node: NetNode;
  readonly ip: Address;
  /** The node end of its veth; "" for a hostNetwork pod (its IP is the node's). */
  readonly veth: string;
}

/** A node: addresses, pods, and its rules (text, parsed, compiled). */
export interface NetNode {
  readonly index: number;
  readonly name: string;
  /** eth0's IPv4 address and subnet (null in single-node mode without one). */
  readonly lanIP: number | null;
  readonly lanPrefix: Prefix4 | null;
  /** eth0's IPv6 address and subnet (a pasted dump's node, or a node of a cluster's IPv6 view). */
  readonly lanIP6: bigint | null;
  readonly lanPrefix6: Prefix | null;
  /** The node's pod CIDR, of the topology's family. */
  readonly podCIDR: Prefix | null;
  /** podCIDR .1 (::1 of an IPv6 pod CIDR), the node end of every pod veth. */
  readonly gateway: Address | null;
  readonly pods: NetPod[];
  readonly addresses: NodeAddresses;
  readonly rulesText: string;
  readonly ruleset: Ruleset;
  readonly compiled: CompiledRuleset;
  /** The node's nftables ruleset, when its rules text is nft (then the iptables tables are empty). */
  readonly nft?: NftNode;
}

/** A node's nftables rules: parsed and compiled. */
export interface NftNode {
  readonly ruleset: NftRuleset;
  readonly compiled: CompiledNft;
}

/** Parses a node's rules text: iptables-save, nft, or both (`*table`…`COMMIT` blocks plus nft text). */
function parseRules(raw: string): { ruleset: Ruleset; nft: NftNode | null } {
  // CR-only (old Mac) and CRLF line endings are line endings too; each CR keeps its line number.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (detectRulesFormat(text) === 'iptables' && !/^\s*(table|add|flush|create|insert|delete)\s/m.test(text))
    return { ruleset: parseIptablesSave(text), nft: null };
  const parts = splitRulesText(text);
  const parsed = parseNft(parts.nft);
  return { ruleset: parseIptablesSave(parts.iptables), nft: { ruleset: parsed, compiled: compileNft(parsed) } };
}

/** The whole simulated network. */
export interface Topology {
  readonly nodes: readonly NetNode[];
  readonly byName: ReadonlyMap<string, NetNode>;
  readonly podsByIP: ReadonlyMap<Address, NetPod>;
  readonly nodesByLanIP: ReadonlyMap<Address, NetNode>;
  /** The LAN subnets (from the first node), used for the client's routing. */
  readonly lan: Prefix4 | null;
  readonly lan6: Prefix | null;
  /** The LAN host used when a client source gives no address (IPv4, and IPv6 when the LAN has it). */
  readonly defaultClient: number;
  readonly defaultClient6: bigint | null;
}

/** Options for building a cluster network. */
export interface TopologyOptions {
  /** Prefix length of the LAN the node IPs sit on (default 24). */
  readonly lanPrefixLength?: number;
  /** The default external client (default 192.168.10.100, the bounce client). */
  readonly clientIP?: string;
  /** ipsets, per node name, for rules that use -m set. */
  readonly sets?: Readonly<Record<string, Readonly<Record<string, IpSetSpec>>>>;
}

function address(text: string, what: string): number {
  const v = parseIPv4(text);
  if (v === null) throw new RangeError(`${what}: "${text}" is not an IPv4 address`);
  return v;
}

/** An address of the cluster's family (IPv6 in the IPv6 view of a dual-stack cluster). */
function familyAddress(text: string, what: string, family: 4 | 6): Address {
  const v = family === 4 ? parseIPv4(text) : parseAddress(text);
  if (v === null || familyOf(v) !== family) throw new RangeError(`${what}: "${text}" is not an IPv${family} address`);
  return v;
}

function finish(
  nodes: NetNode[],
  lan: Prefix4 | null,
  client: number,
  lan6: Prefix | null = null,
  client6: bigint | null = null,
): Topology {
  const podsByIP = new Map<Address, NetPod>();
  const nodesByLanIP = new Map<Address, NetNode>();
  const byName = new Map<string, NetNode>();
  for (const n of nodes) {
    byName.set(n.name, n);
    if (n.lanIP !== null) nodesByLanIP.set(n.lanIP, n);
    if (n.lanIP6 !== null) nodesByLanIP.set(n.lanIP6, n);
    for (const p of n.pods) if (p.veth !== '') podsByIP.set(p.ip, p);
  }
  // hostNetwork pods share the node address; they are found through the node.
  for (const n of nodes) for (const p of n.pods) if (p.veth === '' && !podsByIP.has(p.ip)) podsByIP.set(p.ip, p);
  return { nodes, byName, podsByIP, nodesByLanIP, lan, lan6, defaultClient: client, defaultClient6: client6 };
}

/**
 * Builds the network of a cluster; `rulesFor(node)` gives each node's iptables-save text.
 * Throws RangeError naming the node or pod when an address does not parse or fit.
 */
export function clusterTopology(
  cluster: Cluster,
  rulesFor: (node: string) => string,
  options: TopologyOptions = {},
): Topology {
  // The IPv6 view of a dual-stack cluster (model/family.ts) is walked as a network of its own:
  // the nodes' IPv6 InternalIPs on a /64 LAN, IPv6 pod CIDRs, and pods' IPv6 addresses.
  const family = cluster.ipFamily === 'IPv6' ? 6 : 4;
  const lanLength = family === 4 ? (options.lanPrefixLength ?? 24) : 64;
  const nodes: NetNode[] = [];
  // Nodes often carry identical dumps; parsing is the costly part and its result is shared.
  const parsed = new Map<string, { ruleset: Ruleset; nft: NftNode | null }>();
  for (const [index, node] of cluster.nodes.entries()) {
    const lanIP = familyAddress(node.internalIP, `node ${node.name} internalIP`, family);
    const lanPrefix = parsePrefix(`${node.internalIP}/${lanLength}`) as Prefix;
    const podCIDR = parsePrefix(node.podCIDR);
    if (!podCIDR || familyOf(podCIDR.addr) !== family)
      throw new RangeError(`node ${node.name} podCIDR: "${node.podCIDR}" is not an IPv${family} prefix`);
    const gateway = typeof podCIDR.addr === 'number' ? (podCIDR.addr + 1) >>> 0 : podCIDR.addr + 1n;
    const local = cluster.pods.filter((p) => p.nodeName === node.name);
    const interfaces: InterfaceAddresses[] = [
      { name: 'lo', addresses: family === 4 ? ['127.0.0.1/8'] : ['127.0.0.1/8', '::1/128'] },
      { name: LAN_INTERFACE, addresses: [`${node.internalIP}/${lanLength}`] },
    ];
    let vethIndex = 0;
    const vethOf = new Map<string, string>();
    for (const p of local) {
      if (p.ip === node.internalIP) continue;
      const veth = podVeth(vethIndex++);
      vethOf.set(`${p.namespace}/${p.name}`, veth);
      interfaces.push({ name: veth, addresses: [`${formatAddress(gateway)}/${family === 4 ? 32 : 128}`] });
    }
    const rulesText = rulesFor(node.name);
    const { ruleset, nft } = parsed.get(rulesText) ?? parseRules(rulesText);
    parsed.set(rulesText, { ruleset, nft });
    const addresses = new NodeAddresses(interfaces);
    const sets = options.sets?.[node.name];
    const compiled = compileRuleset(ruleset, { addresses, ...(sets ? { sets } : {}) });
    const netNode: NetNode = {
      index,
      name: node.name,
      lanIP: typeof lanIP === 'number' ? lanIP : null,
      lanPrefix: family === 4 ? (lanPrefix as Prefix4) : null,
      lanIP6: typeof lanIP === 'bigint' ? lanIP : null,
      lanPrefix6: family === 6 ? lanPrefix : null,
      podCIDR,
      gateway,
      pods: [],
      addresses,
      rulesText,
      ruleset,
      compiled,
      ...(nft ? { nft } : {}),
    };
    for (const p of local) {
      netNode.pods.push({
        namespace: p.namespace,
        name: p.name,
        node: netNode,
        ip: familyAddress(p.ip, `pod ${p.namespace}/${p.name} ip`, family),
        veth: vethOf.get(`${p.namespace}/${p.name}`) ?? '',
      });
    }
    nodes.push(netNode);
  }
  const lan = nodes[0]?.lanPrefix ?? null;
  const lan6 = nodes[0]?.lanPrefix6 ?? null;
  // The IPv6 LAN's default client is its ::100, as the bounce client is the IPv4 LAN's .100.
  const client6 = lan6 ? (lan6.addr as bigint) | 0x100n : null;
  return finish(nodes, lan, address(options.clientIP ?? '192.168.10.100', 'client ip'), lan6, client6);
}

/** Options for the single-node network of a pasted dump. */
export interface SingleNodeOptions {
  /** Addresses that count as LOCAL on the node (all on eth0), IPv4 or IPv6; the first of each family is its primary. */
  readonly localIPs: readonly string[];
  /** Node name shown in traces (default "node"). */
  readonly nodeName?: string;
  /** Prefix length of the first IPv4 local address's LAN (default 24; an IPv6 LAN is a /64). */
  readonly lanPrefixLength?: number;
  readonly sets?: Readonly<Record<string, IpSetSpec>>;
}

/**
 * One node from a pasted dump: lo (127.0.0.1/8 and ::1) plus eth0 holding `localIPs`, the
 * first address of each family with its LAN prefix and the rest as host addresses. Without
 * pods or peers, every destination that is not local is forwarded out eth0 and leaves the
 * simulated network.
 */
export function singleNodeTopology(rulesText: string, options: SingleNodeOptions): Topology {
  const name = options.nodeName ?? 'node';
  if (options.localIPs.length === 0) throw new RangeError('localIPs: give at least one address of the node');
  const ips = options.localIPs.map((ip, i) => {
    const v = parseAddress(ip);
    if (v === null) throw new RangeError(`localIPs[${i}]: "${ip}" is not an IPv4 or IPv6 address`);
    return v;
  });
  const length = options.lanPrefixLength ?? 24;
  const first4 = ips.find((ip): ip is number => typeof ip === 'number') ?? null;
  const first6 = ips.find((ip): ip is bigint => typeof ip === 'bigint') ?? null;
  const eth0 = ips.map((ip, i) => {
    const text = options.localIPs[i] as string;
    if (ip === first4) return `${text}/${length}`;
    return ip === first6 ? `${text}/64` : `${text}/${typeof ip === 'number' ? 32 : 128}`;
  });
  const addresses = new NodeAddresses([
    { name: 'lo', addresses: ['127.0.0.1/8', '::1/128'] },
    { name: LAN_INTERFACE, addresses: eth0 },
  ]);
  const { ruleset, nft } = parseRules(rulesText);
  const compiled = compileRuleset(ruleset, { addresses, ...(options.sets ? { sets: options.sets } : {}) });
  const lanPrefix = first4 === null ? null : parsePrefix4(`${formatIPv4(first4)}/${length}`);
  const lanPrefix6 = first6 === null ? null : parsePrefix(`${formatIPv6(first6)}/64`);
  const node: NetNode = {
    index: 0,
    name,
    lanIP: first4,
    lanPrefix,
    lanIP6: first6,
    lanPrefix6,
    podCIDR: null,
    gateway: null,
    pods: [],
    addresses,
    rulesText,
    ruleset,
    compiled,
    ...(nft ? { nft } : {}),
  };
  // The default client is the LAN's host .100 (::100 on an IPv6 LAN), as in the bounce lab.
  const client = lanPrefix ? (lanPrefix.addr | 100) >>> 0 : (parseIPv4('192.168.10.100') as number);
  const client6 = lanPrefix6 ? (lanPrefix6.addr as bigint) | 0x100n : null;
  return finish([node], lanPrefix, client, lanPrefix6, client6);
}
