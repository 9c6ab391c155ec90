/**
 * The public shapes of the connection walk: what a connection is (from where, to what) and
 * what happened to it (verdict, where it landed, which rule decided, what the pod saw, whether
 * the answer found its way back).
 */
import type { TraceEntry } from '../netfilter/trace';

/** Where a connection starts. */
export type Source =
  /** A host on the LAN outside the cluster (default 192.168.10.100). `via`: the node its packets enter by (default: the owner of a LAN address). */
  | { readonly kind: 'client'; readonly ip?: string; readonly via?: string }
  /** A pod: its packets enter its node through the pod's veth. */
  | { readonly kind: 'pod'; readonly name: string; readonly namespace?: string }
  /** A node itself (locally generated: nat OUTPUT, filter OUTPUT). `ip`: bind to this local address. */
  | { readonly kind: 'node'; readonly name: string; readonly ip?: string };

/** Transport protocols a Service can use. */
export type Transport = 'tcp' | 'udp' | 'sctp';

/** What a walked flow carries: a Service's transports, or an ICMP echo request (a ping). */
export type FlowProtocol = Transport | 'icmp';

/** One connection to walk. */
export interface ConnectionSpec {
  readonly from: Source;
  /** `port` is required for tcp, udp and sctp; an icmp echo request has none and must leave it out. */
  readonly to: { readonly ip: string; readonly port?: number };
  /** Default tcp; icmp sends one echo request (ping). */
  readonly protocol?: FlowProtocol;
  /** The client's source port (default 40000); for icmp, the echo identifier conntrack keys on. */
  readonly sourcePort?: number;
}

/**
 * What a ping (icmp flow) gets back, as `ping` would print it:
 *   reply        an echo reply from `from` (the address pinged), answered by `responder`
 *                ("node node-1", "pod default/pod-1");
 *   unreachable  a destination-unreachable error (ICMP type 3, `code`: 3 port, 13 admin
 *                prohibited, …; ICMPv6 type 1, code 4 port, 1 admin prohibited, …) that `node`
 *                sent from address `from`, because of a REJECT;
 *   none         nothing comes back (`why` says what happened to the request or its answer).
 * `sendFails`: a node pinging from itself was rejected in its own OUTPUT hook; ping then also
 * prints "sendmsg: Operation not permitted" for every request (seen in the kernel suite; a DROP
 * there makes ping print nothing at all).
 */
export type EchoResult =
  | { readonly kind: 'reply'; readonly from: string; readonly responder: string }
  | {
      readonly kind: 'unreachable';
      readonly from: string;
      readonly node: string;
      /** 3 (ICMP destination unreachable) or 1 (ICMPv6 destination unreachable). */
      readonly type: number;
      readonly code: number;
      /** iptables' name of the error, e.g. "icmp-port-unreachable" or "icmp6-port-unreachable". */
      readonly name: string;
      readonly sendFails: boolean;
    }
  | { readonly kind: 'none'; readonly why: string };

/** A rule of one node, as a trace or a verdict names it. */
export interface RuleRef {
  readonly node: string;
  readonly table: string;
  readonly chain: string;
  /** 1-based; 0 for a chain's policy. */
  readonly rule: number;
  readonly text: string;
}

/** Where the first packet of the connection was delivered. */
export type Destination =
  | {
      readonly kind: 'pod';
      readonly namespace: string;
      readonly name: string;
      readonly node: string;
      readonly ip: string;
      readonly port: number;
    }
  /**
   * A node's own network stack (node address, no DNAT). The simulated nodes run no listener,
   * so a real TCP client would be refused (RST) there; the walk stops at delivery.
   */
  | { readonly kind: 'node'; readonly node: string; readonly ip: string; readonly port: number }
  /** Left the cluster: a LAN host or the LAN's default gateway. */
  | { readonly kind: 'external'; readonly ip: string; readonly port: number };

/**
 * What netfilter did to the connection:
 *   DNAT   delivered after a DNAT on some node;
 *   ACCEPT delivered without DNAT, and a filter rule (not a policy) explicitly accepted it;
 *   DROP / REJECT  a rule, a DROP policy or the kernel (martian source, TTL) stopped it;
 *   NONE   delivered without DNAT and no rule intercepted it;
 *   UNKNOWN  the walk reached a rule the engine does not understand (see `reason`).
 */
export type Verdict = 'DNAT' | 'ACCEPT' | 'DROP' | 'REJECT' | 'NONE' | 'UNKNOWN';

/** One step of the packet's journey, for readers and the CLI (only recorded with a trace). */
export interface Step {
  readonly node: string;
  readonly direction: 'original' | 'reply';
  readonly event: 'arrive' | 'send' | 'route' | 'deliver' | 'drop' | 'leave';
  /** Interface involved (incoming for arrive, outgoing for route/send). */
  readonly iface: string;
  readonly src: string;
  readonly dst: string;
  /** Free detail: the next node, the pod, the reason of a drop. */
  readonly detail: string;
}

/** How the answer travelled back. */
export interface ReplyResult {
  /** True when the answer reached the connecting endpoint from the address it connected to. */
  readonly delivered: boolean;
  /** Nodes the answer crossed. */
  readonly hops: readonly string[];
  /** Why it failed (null on success). */
  readonly failure: string | null;
  /** The rule that dropped it, if a rule did. */
  readonly decidedBy: RuleRef | null;
}

/** Everything the walk found out about one connection. */
export interface ConnectionResult {
  readonly verdict: Verdict;
  /** Null when the connection was dropped, rejected or could not be judged. */
  readonly destination: Destination | null;
  /** The rule (or policy) behind DROP / REJECT / ACCEPT; null for kernel decisions and NONE/DNAT. */
  readonly decidedBy: RuleRef | null;
  /** Why, in words, when the kernel rather than a rule decided, or why the walk stopped. */
  readonly reason: string | null;
  /** Nodes the first packet crossed, in order. */
  readonly hops: readonly string[];
  /** Whether a node rewrote the source (SNAT / MASQUERADE) on the way. */
  readonly masquerade: boolean;
  /**
   * The source address and port the destination saw. The port is null when a source NAT drew
   * it at random (kube-proxy's `MASQUERADE --random-fully`): the kernel picks any free port
   * from 1024–65535 then, so no single number is what the destination sees.
   */
  readonly sourceSeen: { readonly ip: string; readonly port: number | null } | null;
  /** The answer's way back; null when the connection was not delivered or left the cluster. */
  readonly reply: ReplyResult | null;
  /** Every rule evaluated, when a trace was asked for. */
  readonly trace: readonly TraceEntry[] | null;
  /** The packet's journey step by step, when a trace was asked for. */
  readonly steps: readonly Step[] | null;
  /** For an icmp flow only: what the ping got back. */
  readonly echo?: EchoResult;
}
