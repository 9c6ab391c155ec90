/** The state of one datapath walk (IPVS, Cilium), shared by the request's walk and the answer's. */
import { formatIPv4 } from '../../netfilter/ip';
import type { CtEntry } from '../../network/journey';
import type { ResolvedConnection4 } from '../../network/resolve';
import type { NetNode, NetPod, Topology } from '../../network/topology';
import type { Destination, RuleRef, Step } from '../../network/types';
import type { Chooser } from '../../random/types';
import type { Balancer, Pkt } from './balancer';
import type { TraceSink } from './trace';

/** Hops a packet may take before the kernel drops it (the initial TTL). */
export const TTL = 64;

/** What one walk needs. */
export interface DatapathWalk {
  readonly topology: Topology;
  readonly balancer: Balancer;
  readonly chooser: Chooser;
  readonly now: number;
  readonly trace: TraceSink;
  readonly steps: Step[] | null;
}

/** One connection's walk so far: its hops, conntrack entries and what was rewritten. */
export interface Journey {
  readonly w: DatapathWalk;
  readonly c: ResolvedConnection4;
  readonly hops: string[];
  readonly cts: CtEntry[];
  translated: boolean;
  masquerade: boolean;
  /** A source NAT drew the source port at random (ConnectionResult.sourceSeen.port null). */
  portRandom: boolean;
  originSrc: number;
  /** DSR: the service tuple the backend's node must answer from. */
  dsr: { readonly entry: NetNode; readonly ct: CtEntry } | null;
  /** Socket-LB: the connect() was translated; the socket shows the service address to the app. */
  socket: { readonly vip: number; readonly vport: number; readonly ip: number; readonly port: number } | null;
  /** Where a REJECT's ICMP error comes from, when the balancer said (0: work it out). */
  errorFrom: number;
}

/** How the original direction ended: delivered somewhere, or stopped. */
export type Ending =
  | {
      readonly kind: 'delivered';
      readonly destination: Destination;
      readonly p: Pkt;
      readonly pod: NetPod | null;
      readonly node: NetNode | null;
    }
  | {
      readonly kind: 'stopped';
      readonly verdict: 'DROP' | 'REJECT';
      readonly decidedBy: RuleRef | null;
      readonly reason: string;
    };

/** "ip:port" of a packet end. */
export const fmt = (ip: number, port: number): string => `${formatIPv4(ip)}:${port}`;

/** Records one step of the packet's journey, when steps are asked for. */
export function step(
  j: Journey,
  node: string,
  direction: Step['direction'],
  event: Step['event'],
  iface: string,
  p: Pkt,
  detail: string,
): void {
  j.w.steps?.push({ node, direction, event, iface, src: fmt(p.src, p.sport), dst: fmt(p.dst, p.dport), detail });
}
