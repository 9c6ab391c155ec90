/**
 * What a service datapath (IPVS, Cilium's eBPF) does to a packet on one node, seen from the
 * generic walk (walk.ts): leave it alone, stop it, or translate it to a backend — possibly
 * with a source rewrite and, for Cilium DSR, with the reverse translation done on the
 * backend's node. A balancer keeps its own state (rr position, lc counters, conntrack-like
 * connection lists); `clone` gives exact mode an independent copy to replay branches from.
 */
import type { Chooser } from '../../random/types';
import type { NetNode, Topology } from '../../network/topology';
import type { RuleRef } from '../../network/types';
import type { RuleCounter } from '../../run/runner';
import type { TraceSink } from './trace';

/** The packet as the walk carries it (numbers, host order). */
export interface Pkt {
  src: number;
  sport: number;
  dst: number;
  dport: number;
  readonly proto: number;
}

/** Where the packet entered the node: the LAN, a pod veth, or the node's own socket. */
export type Ingress = 'lan' | 'pod' | 'local';

/** How the source is rewritten after the translation (on the way out of the node). */
export type SourceNat =
  | { readonly kind: 'none' }
  /**
   * MASQUERADE / Cilium's NodePort SNAT: the address of the interface the packet leaves by.
   * `keepPorts`: the source ports kept as they are; any other is drawn at random (null: every
   * port is drawn, as kube-proxy's `MASQUERADE --random-fully` does).
   */
  | { readonly kind: 'egress'; readonly keepPorts: { readonly first: number; readonly last: number } | null }
  /** A fixed address (Cilium's hairpin loopback address 169.254.42.1). */
  | { readonly kind: 'fixed'; readonly ip: number };

/** A balancer's decision for one packet. */
export type LbVerdict =
  | { readonly kind: 'pass' }
  | {
      readonly kind: 'stop';
      readonly verdict: 'DROP' | 'REJECT';
      readonly reason: string;
      readonly decidedBy: RuleRef | null;
      /** A REJECT's ICMP error source when the datapath knows it (a kube-ipvs0 address is local). */
      readonly errorFrom?: number;
    }
  | {
      readonly kind: 'translate';
      readonly ip: number;
      readonly port: number;
      readonly snat: SourceNat;
      /** Direct server return: the backend's node answers the client itself. */
      readonly dsr: boolean;
    };

/** What a balancer is given for one decision. */
export interface LbContext {
  readonly topology: Topology;
  readonly chooser: Chooser;
  readonly trace: TraceSink;
  /** Clock in seconds. */
  readonly now: number;
  /** 'socket': Cilium's socket-LB at connect() time (pod and node sources only). */
  readonly ingress: Ingress | 'socket';
}

/** A service datapath on every node of a topology. */
export interface Balancer {
  /** Decides what happens to a packet of a new connection arriving at (or sent by) `node`. */
  intercept(ctx: LbContext, node: NetNode, p: Pkt): LbVerdict;
  /** Called once per connection after its walk: the connection ends at `now` (runs) or stays open (sessions). */
  finish(now: number, keepOpen: boolean): void;
  /** Closes the `index`-th connection opened (0-based) at time `now`; false when unknown or closed. */
  close(index: number, now: number): boolean;
  /** An independent copy with the same state. */
  clone(): Balancer;
  /** Per-destination pick counters, as packet counters of a pseudo table. */
  counters(all: boolean): RuleCounter[];
}
