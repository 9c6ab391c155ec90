/**
 * What a ping gets back: the walks move an ICMP echo request like any first packet, and this
 * reads their result the way `ping` would report it. Kept apart from the walks so iptables,
 * nftables, IPVS and Cilium all answer with the same rules:
 *   - delivered to a node's own stack or to a pod, the kernel there answers with an echo reply
 *     (net.ipv4.icmp_echo_ignore_all is 0 by default), and the reply walk says whether it
 *     gets back;
 *   - a REJECT sends an ICMP destination-unreachable error (icmp_send() in net/ipv4/icmp.c):
 *     from the address pinged when that address is local on the rejecting node, otherwise
 *     from the node's own source address for the route back to the sender;
 *   - a DROP, or a request that leaves the cluster, comes back with nothing.
 */
import { formatAddress, type Address } from '../netfilter/ip';
import type { ResolvedConnection } from './resolve';
import { routeOn, sourceFor } from './routing';
import type { Topology } from './topology';
import type { ConnectionResult, EchoResult } from './types';

/** ICMP destination-unreachable codes by iptables' --reject-with name (nft spells them without "icmp-"). */
const UNREACHABLE_CODES: Readonly<Record<string, number>> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

/**
 * The error a REJECT rule sends, read from its text: iptables' `--reject-with icmp-…`, nft's
 * `reject with icmp[x] [type] …`. Both default to port unreachable (ipt_REJECT's default, and
 * nft's for the ip family), as do IPVS's ip_vs_leave() and kube-proxy's bare `-j REJECT`.
 */
export function rejectType(ruleText: string): { readonly name: string; readonly code: number } {
  const ipt = /--reject-with\s+(icmp-[a-z-]+)/.exec(ruleText);
  const nft = /\breject with icmpx? (?:type )?([a-z-]+)/.exec(ruleText);
  const name = ipt?.[1] ?? (nft?.[1] ? `icmp-${nft[1]}` : 'icmp-port-unreachable');
  const code = UNREACHABLE_CODES[name];
  return code === undefined ? { name: 'icmp-port-unreachable', code: 3 } : { name, code };
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
    const type = rejectType(result.decidedBy?.text ?? '');
    return {
      kind: 'unreachable',
      from: formatAddress(from),
      node: node.name,
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
