/**
 * A parsed iptables-save dump: tables → chains → rules, each rule keeping its line number and
 * original text (for traces) and its words grouped as iptables groups them (for re-rendering),
 * plus a typed meaning (for the evaluator) when every part of it is understood.
 */
import type { IcmpTypeMatch } from './icmpTypes';
import type { Address, IPFamily, Prefix } from './ip';

/** Something in the dump the engine cannot honour; the line is kept as-is or skipped, never guessed. */
export interface Problem {
  /** 1-based line number in the dump (0 when the problem is not tied to a line). */
  readonly line: number;
  readonly text: string;
  readonly message: string;
  /** "error": the line is skipped or stops any walk that reaches it; "note": informational. */
  readonly level: 'error' | 'note';
}

/** One option of a match or target: `[!] --name arg…` (the form match/target builders read). */
export interface OptionWords {
  readonly name: string;
  readonly negated: boolean;
  readonly args: readonly string[];
}

/**
 * A part of a rule, in the order it was written, so rendering gives the same words back.
 * `quoted` records which words were written in double quotes.
 */
export type RulePart =
  | {
      readonly kind: 'basic';
      readonly flag: string;
      readonly negated: boolean;
      readonly value: string;
      readonly quoted: boolean;
    }
  /** `-m module`; `implicit` when `-p tcp --dport 80` loaded it without one (rendered as written: absent). */
  | { readonly kind: 'match'; readonly module: string; readonly implicit: boolean }
  /** An option of the match or target at index `owner` of the parts (-1: no owner). */
  | {
      readonly kind: 'option';
      readonly owner: number;
      readonly name: string;
      readonly negated: boolean;
      readonly args: readonly string[];
      readonly quoted: readonly boolean[];
    }
  | { readonly kind: 'target'; readonly flag: '-j' | '-g'; readonly name: string };

/** Packet and byte counters as iptables-save -c prints them. */
export interface Counters {
  readonly packets: number;
  readonly bytes: number;
}

/** An address match `[!] -s/-d prefix`. */
export interface AddressSpec {
  readonly prefix: Prefix;
  readonly negated: boolean;
}

/** An interface match `[!] -i/-o name[+]`. */
export interface InterfaceSpec {
  readonly name: string;
  /** A trailing "+" matches every interface whose name starts with `name`. */
  readonly wildcard: boolean;
  readonly negated: boolean;
}

/** An inclusive port range; a single port has first === last. */
export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** A set of port ranges, optionally negated (tcp/udp --dport, multiport --dports). */
export interface PortsSpec {
  readonly ranges: readonly PortRange[];
  readonly negated: boolean;
}

/** Connection-tracking states as a bit set (conntrack --ctstate, state --state). */
export const CtState = {
  INVALID: 1,
  NEW: 2,
  ESTABLISHED: 4,
  RELATED: 8,
  UNTRACKED: 16,
  SNAT: 32,
  DNAT: 64,
} as const;

/** Route types of -m addrtype, as a bit set. */
export const AddrType = {
  UNSPEC: 1,
  UNICAST: 2,
  LOCAL: 4,
  BROADCAST: 8,
  ANYCAST: 16,
  MULTICAST: 32,
  BLACKHOLE: 64,
  UNREACHABLE: 128,
  PROHIBIT: 256,
  THROW: 512,
  NAT: 1024,
  XRESOLVE: 2048,
} as const;

/** The typed meaning of one `-m` match, in rule order. */
export type MatchSpec =
  | {
      readonly kind: 'l4';
      readonly module: 'tcp' | 'udp' | 'sctp';
      readonly protocol: number;
      readonly sport: PortsSpec | null;
      readonly dport: PortsSpec | null;
      /** tcp --syn / --tcp-flags: flags are tested against a connection's first packet (SYN). */
      readonly tcpFlags: { readonly mask: number; readonly compare: number; readonly negated: boolean } | null;
    }
  /** -m icmp --icmp-type / -m icmp6 --icmpv6-type; `type` null for "any". */
  | {
      readonly kind: 'icmp';
      readonly family: 4 | 6;
      readonly type: IcmpTypeMatch | null;
      readonly negated: boolean;
    }
  | {
      readonly kind: 'multiport';
      readonly side: 'src' | 'dst' | 'either';
      readonly ports: PortsSpec;
    }
  | {
      readonly kind: 'addrtype';
      readonly src: { readonly types: number; readonly negated: boolean } | null;
      readonly dst: { readonly types: number; readonly negated: boolean } | null;
      readonly limitIfaceIn: boolean;
      readonly limitIfaceOut: boolean;
    }
  | { readonly kind: 'comment'; readonly text: string }
  | {
      readonly kind: 'statistic-random';
      /** The probability as written. */
      readonly probability: number;
      /** lround(p·2^31): the kernel matches when (random & 0x7FFFFFFF) < threshold. */
      readonly threshold: number;
      readonly negated: boolean;
    }
  | { readonly kind: 'statistic-nth'; readonly every: number; readonly packet: number; readonly negated: boolean }
  | { readonly kind: 'mark'; readonly value: number; readonly mask: number; readonly negated: boolean }
  | {
      readonly kind: 'recent';
      readonly name: string;
      readonly command: 'set' | 'rcheck' | 'update' | 'remove';
      readonly seconds: number;
      readonly hitcount: number;
      readonly reap: boolean;
      readonly rttl: boolean;
      readonly mask: number;
      readonly side: 'src' | 'dst';
      readonly negated: boolean;
    }
  | { readonly kind: 'ctstate'; readonly states: number; readonly negated: boolean }
  | {
      readonly kind: 'set';
      readonly name: string;
      readonly flags: readonly ('src' | 'dst')[];
      readonly negated: boolean;
    }
  | { readonly kind: 'nfacct'; readonly name: string };

/** A NAT mapping `[addr[-addr]][:port[-port]]`. */
export interface NatRangeSpec {
  /** Bounds of one family (IPv4 numbers or IPv6 bigints), or null when the mapping keeps the address. */
  readonly addresses: { readonly first: Address; readonly last: Address } | null;
  readonly ports: PortRange | null;
}

/** The typed meaning of a rule's target. */
export type TargetSpec =
  | { readonly kind: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { readonly kind: 'REJECT'; readonly rejectWith: string }
  | { readonly kind: 'LOG'; readonly prefix: string }
  | {
      readonly kind: 'MARK';
      /** mark = (mark & ~mask) ^ value, the kernel's xmark form. */ readonly value: number;
      readonly mask: number;
    }
  | { readonly kind: 'DNAT'; readonly range: NatRangeSpec; readonly persistent: boolean }
  | { readonly kind: 'SNAT'; readonly range: NatRangeSpec; readonly persistent: boolean; readonly randomFully: boolean }
  | { readonly kind: 'MASQUERADE'; readonly ports: PortRange | null; readonly randomFully: boolean }
  | { readonly kind: 'jump' | 'goto'; readonly chain: string }
  /**
   * NOTRACK or `CT --notrack` (raw table): the packet gets no conntrack entry, so it is
   * UNTRACKED from here on and the NAT hooks leave it alone (nf_nat_inet_fn() has no ct).
   */
  | { readonly kind: 'notrack'; readonly name: 'NOTRACK' | 'CT' }
  /** Targets that change nothing the walk observes (TRACE, …). */
  | { readonly kind: 'noop'; readonly name: string };

/** The typed meaning of a whole rule. */
export interface RuleSpec {
  readonly src: AddressSpec | null;
  readonly dst: AddressSpec | null;
  readonly inInterface: InterfaceSpec | null;
  readonly outInterface: InterfaceSpec | null;
  /** IP protocol number (0 = any) and negation. */
  readonly protocol: { readonly number: number; readonly negated: boolean } | null;
  /** `-f` (only later fragments; a connection's first packet never is one). */
  readonly fragment: { readonly negated: boolean } | null;
  readonly matches: readonly MatchSpec[];
  readonly target: TargetSpec | null;
}

/** One rule of a chain. */
export interface Rule {
  /** 1-based position in its chain, as `iptables -L --line-numbers` counts. */
  readonly number: number;
  readonly line: number;
  /** The line as written in the dump (without a leading `[pkts:bytes]`). */
  readonly text: string;
  readonly parts: readonly RulePart[];
  readonly counters: Counters | null;
  /**
   * The supported prefix of the rule's meaning. When `unsupported` is set, the matches listed
   * here are the ones before the first part the engine does not understand; a packet that
   * passes them all reaches the unknown part and the walk stops there instead of guessing.
   */
  readonly spec: RuleSpec;
  readonly unsupported: string | null;
}

/** A chain: built-in ones have a policy. */
export interface Chain {
  readonly name: string;
  /** ACCEPT or DROP for built-in chains, null for user chains. */
  readonly policy: 'ACCEPT' | 'DROP' | null;
  /** The `[pkts:bytes]` of the declaration, when one was written. */
  readonly counters: Counters | null;
  /** Line of the `:CHAIN` / `-N` declaration; 0 for a built-in chain the dump never declared. */
  readonly line: number;
  readonly rules: readonly Rule[];
}

/** One `*table` section. */
export interface Table {
  readonly name: string;
  readonly chains: Map<string, Chain>;
}

/** A whole dump. */
export interface Ruleset {
  readonly tables: Map<string, Table>;
  /** Header comments and the like are dropped; problems say what could not be used. */
  readonly problems: readonly Problem[];
  /** The packets these tables see: IPv4 (an iptables-save dump) or IPv6 (ip6tables-save). */
  readonly family: IPFamily;
}

/** Chains each table has built in, with a policy. */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};
