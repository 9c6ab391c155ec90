/**
 * What a ping gets back: the walks move an ICMP echo request like any first packet, and this
 * reads their result the way `ping` would report it. Kept apart from the walks so iptables,
 * nftables, IPVS and Cilium all answer with the same rules:
 *   - delivered to a node's own stack or to a pod, the kernel there answers with an echo reply
 *     (net.ipv4.icmp_echo_ignore_all and net.ipv6.icmp.echo_ignore_all are 0 by default), and
 *     the reply walk says whether it gets back;
 *   - a REJECT sends an ICMP destination-unreachable error (icmp_send() in net/ipv4/icmp.c;
 *     ICMPv6 type 1 from icmp6_send() in net/ipv6/icmp.c, which picks its source the same way):
 *     from the address pinged when that address is local on the rejecting node, otherwise
 *     from the node's own source address for the route back to the sender;
 *   - a DROP, or a request that leaves the cluster, comes back with nothing.
 */
import { familyOf, formatAddress, type Address } from '../netfilter/ip';
import type { ResolvedConnection } from './resolve';
import { routeOn, sourceFor } from './routing';
import type { Topology } from './topology';
import type { ConnectionResult, EchoResult } from './types';

/** ICMP destination-unreachable codes (type 3) by iptables' --reject-with name. */
const UNREACHABLE_CODES: Readonly<Record<string, number>> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

/** ICMPv6 destination-unreachable codes (type 1) by ip6tables' --reject-with name (ip6t_REJECT). */
const UNREACHABLE_CODES_V6: Readonly<Record<string, number>> = {
  'icmp6-no-route': 0,
  'icmp6-adm-prohibited': 1,
  'icmp6-addr-unreachable': 3,
  'icmp6-port-unreachable': 4,
  'icmp6-policy-fail': 5,
  'icmp6-reject-route': 6,
};

/** ip6tables' short spellings of the same errors (libip6t_REJECT.c accepts both). */
const V6_ALIASES: Readonly<Record<string, string>> = {
  'no-route': 'icmp6-no-route',
  'adm-prohibited': 'icmp6-adm-prohibited',
  'addr-unreach': 'icmp6-addr-unreachable',
  'port-unreach': 'icmp6-port-unreachable',
};

/** nft's names, per family: `icmp type X`, `icmpv6 type X`, and `icmpx type X` (nft_reject_inet). */
const NFT_V4: Readonly<Record<string, string>> = {
  'net-unreachable': 'icmp-net-unreachable',
  'host-unreachable': 'icmp-host-unreachable',
  'prot-unreachable': 'icmp-proto-unreachable',
  'port-unreachable': 'icmp-port-unreachable',
  'net-prohibited': 'icmp-net-prohibited',
  'host-prohibited': 'icmp-host-prohibited',
  'admin-prohibited': 'icmp-admin-prohibited',
};
const NFT_V6: Readonly<Record<string, string>> = {
  'no-route': 'icmp6-no-route',
  'admin-prohibited': 'icmp6-adm-prohibited',
  'addr-unreachable': 'icmp6-addr-unreachable',
  'port-unreachable': 'icmp6-port-unreachable',
  'policy-fail': 'icmp6-policy-fail',
  'reject-route': 'icmp6-reject-route',
};
/** icmpx's four family-neutral errors, as each family sends them (nft_reject_icmpv4_code / icmpv6_code). */
const NFT_ICMPX: Readonly<Record<string, readonly [string, string]>> = {
  'no-route': ['icmp-net-unreachable', 'icmp6-no-route'],
  'port-unreachable': ['icmp-port-unreachable', 'icmp6-port-unreachable'],
  'host-unreachable': ['icmp-host-unreachable', 'icmp6-addr-unreachable'],
  'admin-prohibited': ['icmp-admin-prohibited', 'icmp6-adm-prohibited'],
};

/** A destination-unreachable error: its ICMP type (3, or 1 for ICMPv6), code and iptables name. */
export interface UnreachableType {
  readonly type: number;
  readonly code: number;
  readonly name: string;
}

/**
 * The error a REJECT rule sends to a packet of `family`, read from its text: iptables'
 * `--reject-with icmp-…` / ip6tables' `icmp6-…`, nft's `reject with icmp|icmpv6|icmpx [type] …`.
 * All default to port unreachable (ipt_REJECT's and ip6t_REJECT's default, and nft's for the
 * ip and ip6 families), as do IPVS's ip_vs_leave() and kube-proxy's bare `-j REJECT`.
 */
export function rejectType(ruleText: string, family: 4 | 6 = 4): UnreachableType {
  const ipt = /--reject-with\s+([a-z0-9-]+)/.exec(ruleText)?.[1];
  const nft = /\breject with (icmpx|icmpv6|icmp) (?:type )?([a-z-]+)/.exec(ruleText);
  let name: string | undefined = ipt === undefined ? undefined : family === 6 ? (V6_ALIASES[ipt] ?? ipt) : ipt;
  if (nft) {
    const [, kind, word] = nft as unknown as [string, string, string];
    name = kind === 'icmpx' ? NFT_ICMPX[word]?.[family === 4 ? 0 : 1] : (kind === 'icmp' ? NFT_V4 : NFT_V6)[word];
  }
  const codes = family === 4 ? UNREACHABLE_CODES : UNREACHABLE_CODES_V6;
  const fallback = family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable';
  const code = name === undefined ? undefined : codes[name];
  return code === undefined || name === undefined
    ? { type: family === 4 ? 3 : 1, code: codes[fallback] as number, name: fallback }
    : { type: family === 4 ? 3 : 1, code, name };
}

/**
 * The ping's answer for a walked icmp flow. `last` is the request as it was when the walk
 * ended (its source and destination after any NAT); `errorFrom`, when not 0, is a REJECT's
 * error source the datapath knows better (IPVS: the kube-ipvs0 address itself).
 */
export function echoOf(
  topology: Topology,
  c: ResolvedConnection,
  result: ConnectionResult,
  last: { readonly src: Address; readonly dst: Address },
  errorFrom: Address = 0,
): EchoResult {
  const d = result.destination;
  const stopNode = topology.byName.get(result.decidedBy?.node ?? result.hops[result.hops.length - 1] ?? '');
  if (result.verdict === 'REJECT') {
    const node = stopNode;
    if (!node) return { kind: 'none', why: 'rejected, but the engine cannot tell which node sent the error' };
    // Rejected on the sending node before the request looped back (its OUTPUT hook): ping
    // reports the error and a failed sendmsg() for each request (docs/kernel.md).
    const sendFails =
      c.origin.kind === 'node' && node === c.origin.node && errorFrom === 0 && !node.addresses.isLocal(last.dst);
    const from =
      errorFrom !== 0
        ? errorFrom
        : node.addresses.isLocal(last.dst)
          ? last.dst
          : sourceFor(node, routeOn(topology, node, last.src), last.src);
    if (from === null) return { kind: 'none', why: `${node.name} has no address to send the ICMP error from` };
    const type = rejectType(result.decidedBy?.text ?? '', familyOf(c.dst));
    return {
      kind: 'unreachable',
      from: formatAddress(from),
      node: node.name,
      type: type.type,
      code: type.code,
      name: type.name,
      sendFails,
    };
  }
  if (d === null) {
    const by = result.decidedBy;
    // Whole sentences per case, so the trace page can put each into Korean.
    const why = !by
      ? (result.reason ?? 'the echo request is stopped')
      : result.verdict === 'DROP'
        ? `${by.node} ${by.table}/${by.chain} drops the echo request`
        : `${by.node} ${by.table}/${by.chain} stops the echo request`;
    return { kind: 'none', why };
  }
  if (d.kind === 'external') {
    const last = result.hops[result.hops.length - 1];
    return {
      kind: 'none',
      why:
        last === undefined
          ? `nothing rewrote the echo request: it leaves the cluster toward ${d.ip}, and nothing the engine models answers there`
          : `nothing rewrote the echo request: it leaves the cluster by ${last} toward ${d.ip}, and nothing the engine models answers there`,
    };
  }
  if (result.reply !== null && !result.reply.delivered)
    return {
      kind: 'none',
      why: `the echo reply is lost: ${result.reply.failure ?? 'it does not get back'}`,
    };
  const responder = d.kind === 'pod' ? `pod ${d.namespace}/${d.name}` : `node ${d.node}`;
  return { kind: 'reply', from: formatAddress(c.dst), responder };
}
