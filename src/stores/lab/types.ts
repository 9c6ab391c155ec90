/**
 * What the lesson needs from the routing engine, in the shape the islands draw. The lab
 * module that implements it is loaded with a dynamic import, so the engine stays out of the
 * page's eager JavaScript; only these types are shared.
 */
import type { Datapath } from '../../engine/simulate';
import type { NodeCounters, Outcome, Scenario, Tally } from '../model';

/** One token of a rule line, for syntax colouring. */
export interface RuleToken {
  readonly kind: 'table' | 'chain' | 'policy' | 'flag' | 'value' | 'comment' | 'target' | 'keyword' | 'space' | 'text';
  readonly text: string;
}

/** One line of `iptables-save -t nat` output, or ("text") of a dump in another format (nft, ipvsadm, cilium-dbg). */
export interface RulesLine {
  readonly kind: 'table' | 'chain' | 'rule' | 'commit' | 'text';
  readonly text: string;
  readonly tokens: readonly RuleToken[];
  /** The chain declared (":CHAIN") or appended to ("-A CHAIN"). */
  readonly chain?: string;
  /** For rules: the 1-based position in its chain, as `iptables -L --line-numbers` counts. */
  readonly rule?: number;
  /** For rules: the index into the node's counters. */
  readonly counter?: number;
  /** What the line does, as an explanation key and the values its text needs. */
  readonly explain?: Explanation;
}

/** A reference to a translated explanation ("rules.explain.<key>") with its placeholders. */
export interface Explanation {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The rules of one node: its nat table (iptables), or its whole dump (nft, IPVS, Cilium). */
export interface RulesListing {
  readonly node: string;
  /** The datapath whose rules these are: iptables shows its nat table, the others their whole dump. */
  readonly format: Datapath;
  /** The rules strings' key of the sentence that introduces this format's listing. */
  readonly lead: 'lead' | 'leadNftables' | 'leadIpvs' | 'leadCilium';
  readonly lines: readonly RulesLine[];
}

/** A sentence of the narration: a key of the "path" strings and its values. */
export interface Narration {
  readonly key:
    | 'arrive'
    | 'arrivePod'
    | 'arrivePing'
    | 'dnat'
    | 'route'
    | 'masq'
    | 'deliver'
    | 'drop'
    | 'kept'
    | 'unreachable'
    | 'noAnswer';
  readonly values: Readonly<Record<string, string>>;
}

/** What happened to the packet at one hop, as the engine records it (the playground's trace). */
export interface HopRow {
  readonly kind: 'hop';
  readonly node: string;
  readonly direction: 'original' | 'reply';
  readonly event: 'arrive' | 'send' | 'route' | 'deliver' | 'drop' | 'leave';
  /** Incoming interface for arrive, outgoing for route and send. */
  readonly iface: string;
  readonly src: string;
  readonly dst: string;
  /** The engine's detail: the next node, the pod, the reason of a drop. */
  readonly detail: string;
}

/**
 * One row of the trace table: a rule the packet met, an event told as a sentence (the lesson),
 * or a hop of the packet, request or answer (the playground).
 */
export type TraceRow =
  | {
      readonly kind: 'rule';
      readonly node: string;
      readonly hook: string;
      readonly table: string;
      readonly chain: string;
      /** 1-based; 0 for a chain's policy or its implicit return. */
      readonly rule: number;
      readonly text: string;
      readonly matched: boolean;
      /** What the rule did when it matched ("jump KUBE-SVC-…", "DNAT to …"); "" otherwise. */
      readonly action: string;
    }
  | { readonly kind: 'event'; readonly node: string; readonly say: Narration }
  | HopRow;

/** One connection followed from the client to where it ended. */
export interface ConnectionStory {
  /** Which sample of this seed it is (0, 1, …); "show another" moves to the next. */
  readonly sample: number;
  readonly outcome: Outcome;
  /** The client's source port, which tells connections apart. */
  readonly sport: number;
  /** The node that received the request. */
  readonly receiving: string;
  /** The pod that got it (null when dropped). */
  readonly pod: string | null;
  /** The node that pod runs on. */
  readonly podNode: string | null;
  /** The one-line summary: a key of the trace strings and its values (besides `{n}`). */
  readonly summary: {
    readonly key: 'summaryPod' | 'summaryDropped' | 'summaryUnreachable' | 'summaryNoReply' | 'summaryEchoReply';
    readonly values: Readonly<Record<string, string | number>>;
  };
  /** The narration, one sentence per event, for the diagram's text alternative. */
  readonly narration: readonly Narration[];
  /** Every rule and event in order, for the trace view and the rules highlight. */
  readonly rows: readonly TraceRow[];
  /** Nodes the reply crossed on its way back, when the engine walked one and it arrived. */
  readonly replyHops?: readonly string[] | null;
}

/** A run in progress: call step() until it returns the total, then finish(). */
export interface RunJob {
  readonly total: number;
  /** Sends up to `count` more connections; returns how many have been sent in all. */
  step(count: number): number;
  /** Counts per outcome, the tallies and the nat counters per node, after the last step. */
  finish(): {
    readonly counts: Readonly<Record<Outcome, number>>;
    readonly tallies: readonly Tally[];
    readonly counters: Readonly<Record<string, NodeCounters>>;
  };
}

/** The engine façade as the lesson uses it. */
export interface Lab {
  /** The lesson this lab runs. */
  readonly slug: string;
  /** The nat table of `node` in this scenario. */
  rules(scenario: Scenario, node: string): RulesListing;
  /** The exact probability of every outcome of one new connection. */
  exact(scenario: Scenario): Readonly<Record<Outcome, number>>;
  /** A run of `total` connections drawn from `seed`. */
  startRun(scenario: Scenario, seed: number, total: number): RunJob;
  /** The `sample`-th example connection of `seed`, with every rule it met. */
  story(scenario: Scenario, seed: number, sample: number): ConnectionStory;
}
