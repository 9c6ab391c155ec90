/**
 * What a lesson's `lab` block says, as plain types the engine reads: the traffic the lab
 * sends, the controls the reader may turn, the observable its question is about, and what
 * each answer claims about that observable. The zod schema in src/lessons/labSchema.ts
 * validates lesson frontmatter into exactly these shapes; docs/lessons.md is the contract.
 */

/** An external host on the LAN, or a pod of the scenario, that opens connections. */
export type ClientSpec =
  | { readonly name: string; readonly ip: string }
  | { readonly name: string; readonly pod: string; readonly namespace?: string | undefined };

/** What a connection is addressed to: a node's NodePort, or the Service's cluster IP. */
export type ConnectionTarget = 'nodePort' | 'clusterIP';

/** One connection of the traffic pattern. */
export interface ConnectionPattern {
  /** A client's name. */
  readonly from: string;
  readonly to: ConnectionTarget;
  /** For `nodePort`: the node whose NodePort it connects to (the entry node). */
  readonly node?: string | undefined;
  /** tcp (default): a connection to the Service's port; icmp: a ping (one echo request) to the cluster IP. */
  readonly protocol?: ConnectionProtocol | undefined;
}

/** What a lesson's connection carries: a TCP connection, or an ICMP echo request (a ping). */
export type ConnectionProtocol = 'tcp' | 'icmp';

/** The datapaths a lesson's datapath control may offer (kube-proxy's modes, and Cilium replacing it). */
export type LabDatapath = 'iptables' | 'nftables' | 'ipvs' | 'cilium';

/** Who connects to what; the pattern is repeated, in order, until the run's size is reached. */
export interface TrafficSpec {
  /** "namespace/name" of the Service the lesson is about. */
  readonly service: string;
  /** Name of the Service port (default: its first port). */
  readonly port?: string | undefined;
  readonly clients: readonly ClientSpec[];
  readonly connections: readonly ConnectionPattern[];
  /** Seconds on the simulated clock between one round and the next (default 1); a round's connections share one time. */
  readonly interval?: number | undefined;
}

/** The controls a lesson may offer; each patches the scenario or the traffic. */
export type ControlSpec =
  | { readonly kind: 'externalTrafficPolicy' }
  | { readonly kind: 'internalTrafficPolicy' }
  | { readonly kind: 'sessionAffinity' }
  | { readonly kind: 'sessionAffinityTimeout'; readonly values: readonly number[] }
  | { readonly kind: 'entryNode'; readonly values?: readonly string[] | undefined }
  | { readonly kind: 'client'; readonly values?: readonly string[] | undefined }
  | { readonly kind: 'datapath'; readonly values?: readonly LabDatapath[] | undefined }
  | { readonly kind: 'endpointReadiness'; readonly pod: string; readonly values?: readonly Readiness[] | undefined };

/** One kind of control. */
export type ControlKind = ControlSpec['kind'];

/** An endpoint's state as the readiness control sets it. */
export type Readiness = 'ready' | 'notReady' | 'terminating';

/** What the question is about, measured from a run. */
export type ObservableSpec =
  /** The share of connections served by `pod`. */
  | { readonly kind: 'podShare'; readonly pod: string }
  /** The source address the serving pod sees (only `pod`'s connections when given). */
  | { readonly kind: 'sourceAddress'; readonly pod?: string | undefined }
  /**
   * What the client experiences: served, refused (REJECT, RST) or timed out (DROP). For a
   * ping: an echo reply, a destination-unreachable error, or no answer at all.
   */
  | { readonly kind: 'clientExperience' }
  /** Per client and entry node, the share of its connections that reached its most-used pod. */
  | { readonly kind: 'stickiness' }
  /**
   * Connections that came back to the pod that opened them (a pod calling its own Service):
   * their share of all connections, and the source address the caller saw on them.
   */
  | { readonly kind: 'callerShare' };

/** One kind of observable. */
export type ObservableKind = ObservableSpec['kind'];

/** How a connection ended, as the client experiences it. */
export type Experience = 'served' | 'refused' | 'timedOut';

/** How stickiness groups connections: per client and entry node, or per client over all entry nodes. */
export type StickyGrouping = 'clientEntry' | 'client';

/**
 * What an option claims about the observable. `share` claims a probability (podShare,
 * stickiness, callerShare); `source` claims the share of connections seen from an address
 * (callerShare: of all connections, those the caller served seen from it); `experience`
 * the share of connections that ended a given way; `stuck` (stickiness) the share of groups
 * — clients, or client and entry node pairs — whose every connection reached one pod;
 * `none` that no other option fits.
 */
export type Claim =
  | { readonly kind: 'share'; readonly value: number }
  | { readonly kind: 'stuck'; readonly per: StickyGrouping; readonly share: number }
  | { readonly kind: 'source'; readonly address: string; readonly share?: number | undefined }
  | { readonly kind: 'experience'; readonly outcome: Experience; readonly share?: number | undefined }
  | { readonly kind: 'none' };

/** The claim kinds each observable accepts (besides `none`, which all accept). */
export const claimKindsOf: Readonly<Record<ObservableKind, readonly Claim['kind'][]>> = {
  podShare: ['share'],
  stickiness: ['share', 'stuck'],
  sourceAddress: ['source'],
  clientExperience: ['experience'],
  // "never/always comes back" (share), or "comes back this often, seen from that address" (source).
  callerShare: ['share', 'source'],
};

/** A lesson's `lab` block. */
export interface LabSpec {
  /** Slug of content/scenarios/<slug>.yaml. */
  readonly scenario: string;
  readonly traffic: TrafficSpec;
  readonly controls: readonly ControlSpec[];
  readonly observable: ObservableSpec;
}

/**
 * Placeholders option texts, the question and `source` claims may use; each follows the
 * reader's current settings (see placeholders.ts for what each one is).
 */
export const placeholderNames = [
  'entryNode',
  'entryNodeIP',
  'entryNodeGateway',
  'pod',
  'podIP',
  'podNode',
  'podNodeIP',
  'client',
  'clientIP',
  'service',
  'clusterIP',
  'servicePort',
  'nodePort',
  'externalTrafficPolicy',
  'internalTrafficPolicy',
  'sessionAffinity',
  'sessionAffinityTimeout',
  'datapath',
] as const;

/** One placeholder name. */
export type PlaceholderName = (typeof placeholderNames)[number];
