/**
 * The packet the evaluator looks at: the first packet of a connection, as one node's netfilter
 * hooks see it. Mutable on purpose — NAT and MARK targets rewrite it in place, and the walk
 * reuses one object per connection so evaluation allocates nothing.
 */
import { ECHO_REQUEST } from './icmpTypes';
import type { Address } from './ip';

/** IP protocol numbers of the transports a Service can use, and of ICMP (ping). */
export const IPPROTO = { tcp: 6, udp: 17, sctp: 132, icmp: 1, icmpv6: 58 } as const;

/** Whether a walked flow of this protocol is a ping: an ICMP (IPv4) or ICMPv6 echo request. */
export const isEcho = (proto: number): boolean => proto === IPPROTO.icmp || proto === IPPROTO.icmpv6;

/** TCP flag bits; a connection's first packet carries SYN only. */
export const TCP_SYN = 2;

/** One packet at one hook of one node. */
export interface Packet {
  /** Addresses: IPv4 as unsigned 32-bit numbers, IPv6 as bigints (./ip.ts); both of one family. */
  src: Address;
  dst: Address;
  sport: number;
  dport: number;
  /** IP protocol number (6 tcp, 17 udp, 132 sctp, 1 icmp, 58 ipv6-icmp). */
  proto: number;
  /** Incoming interface ("" at OUTPUT), outgoing interface ("" at PREROUTING/INPUT). */
  inIface: string;
  outIface: string;
  /** skb->mark; it never leaves the node. */
  mark: number;
  /** Conntrack state bits as -m conntrack sees them (CtState: NEW, plus DNAT once DNATed). */
  ctstate: number;
  /** TCP flags of this packet. */
  tcpFlags: number;
  /** ICMP/ICMPv6 type of a ping's packet (echo request or reply); -1 for any other protocol. */
  icmpType: number;
  /**
   * True once a source NAT with a random port (`--random-fully`, `--random`, nft
   * `fully-random`/`random`) rewrote it: the kernel then draws the port (nf_nat_core.c,
   * NF_NAT_RANGE_PROTO_RANDOM_ALL), so `sport` is no longer a port anyone will see.
   */
  sportRandom: boolean;
}

/** A fresh first packet of a connection (state NEW, SYN for TCP, an echo request for ICMP, mark 0). */
export function newPacket(src: Address, dst: Address, sport: number, dport: number, proto: number): Packet {
  return {
    src,
    dst,
    sport,
    dport,
    proto,
    inIface: '',
    outIface: '',
    mark: 0,
    ctstate: 2,
    tcpFlags: proto === 6 ? TCP_SYN : 0,
    icmpType: proto === IPPROTO.icmp ? ECHO_REQUEST[4] : proto === IPPROTO.icmpv6 ? ECHO_REQUEST[6] : -1,
    sportRandom: false,
  };
}
