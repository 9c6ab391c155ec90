/**
 * The messages between the trace page and its Web Worker, and the report the worker sends
 * back. Everything here is plain data (structured-clone safe): the page never receives engine
 * objects, and every word a reader sees is chosen by the page from a code, so the report
 * carries codes and values rather than sentences — except the engine's own problem texts.
 */
import type { FanOutSite } from '../../engine/network/cost';
import type { EchoResult } from '../../engine/simulate';
import type { DumpFormat } from './formats';
import type { DumpInfo } from './inspect';

/** Transport protocols the page offers. */
export type TraceProtocol = 'tcp' | 'udp' | 'sctp' | 'icmp';

/** The packet to trace, already validated by the page. */
export interface TracePacket {
  readonly src: string;
  readonly dst: string;
  /** The destination port; null for a ping (icmp), which has none. */
  readonly port: number | null;
  readonly protocol: TraceProtocol;
}

/** One trace request: the dump, the packet, the node's LOCAL addresses and the run size. */
export interface TraceRequest {
  readonly text: string;
  readonly packet: TracePacket;
  /** The node's addresses, the primary (non-loopback) one first. */
  readonly localIPs: readonly string[];
  /** Connections in the sampled run (0: no run). */
  readonly runCount: number;
  /** Seed of the sampled packet and the run. */
  readonly seed: number;
}

/** Where a long job is. `total` 0 means "no count yet" (an indeterminate bar). */
export interface TraceProgress {
  readonly phase: 'parse' | 'exact' | 'sample' | 'run';
  readonly done: number;
  readonly total: number;
  /** Run phase: estimated milliseconds left (from the walks so far), when known. */
  readonly etaMs?: number;
  /** Run phase: connections per second so far. */
  readonly rate?: number;
}

/**
 * Page → worker: trace a request, or inspect rules (format, lines, guess). Large rules never
 * cross in one message, whose copy would hold the page for tens of milliseconds: a loaded file
 * goes as the File itself (a Blob crosses by reference and is read here), a large paste in
 * parts of a few MB, the last one marked.
 */
export type WorkerRequest =
  | { readonly type: 'trace'; readonly id: number; readonly request: TraceRequest }
  | { readonly type: 'inspect'; readonly id: number; readonly text: string }
  | { readonly type: 'inspect-part'; readonly id: number; readonly text: string; readonly last: boolean }
  | { readonly type: 'inspect-file'; readonly id: number; readonly file: Blob };

/** Worker → page. */
export type WorkerResponse =
  | { readonly type: 'inspected'; readonly id: number; readonly info: DumpInfo }
  | { readonly type: 'progress'; readonly id: number; readonly progress: TraceProgress }
  | { readonly type: 'report'; readonly id: number; readonly report: TraceReport }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** A problem of the dump, as the page lists it. */
export interface ProblemView {
  readonly line: number;
  /** The offending text (already shortened by the engine to ~200 characters). */
  readonly text: string;
  readonly message: string;
  readonly level: 'error' | 'note';
}

/** A rule as results name it, with the dump line it came from (0: none, e.g. a policy never declared). */
export interface RuleView {
  readonly table: string;
  readonly chain: string;
  /** 1-based rule number; 0 for the chain's policy or its implicit return. */
  readonly rule: number;
  readonly text: string;
  readonly line: number;
}

/** Where a connection ended up. */
export interface DestinationView {
  /** "node": delivered to this node itself; "external": forwarded out of it. */
  readonly kind: 'node' | 'external' | 'pod';
  readonly ip: string;
  readonly port: number;
}

/** What happened to one connection (no trace). */
export interface OutcomeView {
  readonly verdict: 'DNAT' | 'ACCEPT' | 'DROP' | 'REJECT' | 'NONE' | 'UNKNOWN';
  readonly destination: DestinationView | null;
  readonly masquerade: boolean;
  /** "ip:port", or the address alone when the port was drawn at random (sourcePortRandom). */
  readonly sourceSeen: string | null;
  /** A source NAT with `--random-fully` (or `random`) let the kernel pick the source port. */
  readonly sourcePortRandom: boolean;
  /** For a ping: what `ping` would print (a reply, an unreachable error, or nothing). */
  readonly echo: EchoResult | null;
  readonly decidedBy: RuleView | null;
  /** The engine's reason (English), when the kernel rather than a rule decided or the walk stopped. */
  readonly reason: string | null;
  /** Groups equal outcomes across exact mode and the run. */
  readonly key: string;
}

/** One line of the sampled packet's trace. */
export interface TraceLine extends RuleView {
  readonly hook: string;
  readonly matched: boolean;
  readonly action: string;
  readonly direction: 'original' | 'reply';
}

/** One step of the sampled packet's journey. */
export interface StepView {
  readonly direction: 'original' | 'reply';
  readonly event: 'arrive' | 'send' | 'route' | 'deliver' | 'drop' | 'leave';
  readonly iface: string;
  readonly src: string;
  readonly dst: string;
  readonly detail: string;
}

/** Exact mode: every outcome with its probability, or why it could not be computed. */
export type ExactView =
  | { readonly kind: 'ok'; readonly outcomes: readonly (OutcomeView & { readonly probability: number })[] }
  | { readonly kind: 'limit'; readonly walks: number };

/** The sampled packet. */
export interface SampleView {
  readonly seed: number;
  readonly outcome: OutcomeView;
  readonly trace: readonly TraceLine[];
  /** Entries left out of `trace` because the walk was longer than the page shows. */
  readonly omitted: number;
  readonly steps: readonly StepView[];
}

/** A rule's packet counter after the run. */
export interface CounterView extends RuleView {
  readonly packets: number;
}

/** The sampled run. */
export interface RunView {
  readonly count: number;
  readonly outcomes: readonly (OutcomeView & { readonly count: number })[];
  readonly dropped: number;
  readonly rejected: number;
  /** Rules that counted packets, most first (at most MAX_COUNTERS). */
  readonly counters: readonly CounterView[];
  readonly countersOmitted: number;
  /** Whether the decision-tree cache was used (rules without state). */
  readonly cached: boolean;
}

/** Why the walk was not run at all. */
export type WalkRefusal =
  /** One packet could meet more rules than the budget allows (chains calling each other a lot). */
  | {
      readonly kind: 'too-costly';
      readonly estimate: number;
      readonly budget: number;
      readonly site: FanOutSite | null;
    }
  /** The packet does not fit the node (e.g. a local source with a foreign address): field + engine message. */
  | { readonly kind: 'connection'; readonly field: string; readonly message: string }
  /** The dump holds no table the walk uses (nat, filter). */
  | { readonly kind: 'no-tables' };

/**
 * Work performed, for the budget (and the fuzz tests that check it): walks and the rules they
 * evaluated; a walk's fixed cost is WALK_COST evaluations (the engine's workUnits, src/engine/run/limits.ts).
 */
export interface WorkCount {
  readonly exactWalks: number;
  readonly exactEvaluations: number;
  readonly sampleEvaluations: number;
  /** Work units of the run: walks it made (cache exploration or full walks) × (longest walk + WALK_COST). */
  readonly runUnitsBound: number;
  /** The static bound on one walk (every rule matching, every jump taken). */
  readonly walkBound: number;
}

/** Milliseconds spent per phase, measured in the worker. */
export interface Timings {
  readonly parse: number;
  readonly exact: number;
  readonly sample: number;
  readonly run: number;
  readonly total: number;
}

/** Everything the page shows after a trace. */
export type TraceReport =
  | { readonly kind: 'empty' }
  /** A format the engine cannot read yet (nft), or not a dump at all (iptables -L output). */
  | { readonly kind: 'unsupported'; readonly format: Exclude<DumpFormat, 'iptables-save' | 'empty'> }
  /** The engine threw while reading or walking the rules: a bug there, reported with its message. */
  | { readonly kind: 'engine-error'; readonly message: string }
  | {
      readonly kind: 'traced';
      readonly lines: number;
      readonly problems: readonly ProblemView[];
      /** Problems beyond those listed. */
      readonly problemsOmitted: number;
      readonly errorCount: number;
      /** Jump loops the parser found (also among `problems`). */
      readonly loops: readonly ProblemView[];
      /** Some chain's name starts with KUBE-. */
      readonly kube: boolean;
      readonly tables: readonly string[];
      readonly rules: number;
      readonly refusal: WalkRefusal | null;
      readonly exact: ExactView | null;
      readonly sample: SampleView | null;
      readonly run: RunView | null;
      /** The source is one of the node's addresses, so the packet was traced as the node's own. */
      readonly fromNode: boolean;
      /** The rules were parsed for an earlier request and reused (timings.parse is then ~0). */
      readonly reusedParse: boolean;
      readonly work: WorkCount;
      readonly timings: Timings;
    };
