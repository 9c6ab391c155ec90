/**
 * Trace entries of the non-iptables datapaths. They keep the TraceEntry shape the islands
 * already render (node, hook, table, chain, rule, text, action) and add a step `code` with
 * `params`, so a UI can localise every step ("ipvs.schedule" + {vip, backend, scheduler})
 * instead of parsing the English `text`.
 */
import type { TraceEntry } from '../../netfilter/trace';

/**
 * Every step code the datapaths emit, so UI strings can be typed against them:
 *   ipvs.mark-masq / ipvs.nodeport-local   KUBE-SERVICES marks (or, ETP Local, does not mark) for SNAT
 *   ipvs.lookup / ipvs.local-fallback      virtual server found; ETP/ITP Local fell back to all endpoints
 *   ipvs.schedule / ipvs.no-destination    scheduler pick (params: scheduler, backend, slot/bucket/...) or none
 *   ipvs.masquerade / ipvs.hairpin-masquerade / ipvs.filter-reject
 *   bpf.sock.connect                       socket-LB translated connect()
 *   bpf.lb.lookup / bpf.lb.select / bpf.lb.no-backend   from-netdev service lookup and backend choice
 *   bpf.lb.icmp                            a ping to a service address: no lookup, passed on untranslated
 *   bpf.nodeport.local / .snat / .dsr      what NodePort does with the chosen backend
 */
export const TRACE_CODES = [
  'ipvs.mark-masq',
  'ipvs.nodeport-local',
  'ipvs.lookup',
  'ipvs.local-fallback',
  'ipvs.schedule',
  'ipvs.no-destination',
  'ipvs.masquerade',
  'ipvs.hairpin-masquerade',
  'ipvs.filter-reject',
  'bpf.sock.connect',
  'bpf.lb.lookup',
  'bpf.lb.select',
  'bpf.lb.no-backend',
  'bpf.lb.icmp',
  'bpf.nodeport.local',
  'bpf.nodeport.snat',
  'bpf.nodeport.dsr',
] as const;

/** A step code. */
export type TraceCode = (typeof TRACE_CODES)[number];

/** Parameters of a trace step: plain values a UI can put into a localised sentence. */
export type TraceParams = Readonly<Record<string, string | number | boolean>>;

/** A TraceEntry with a machine-readable step code and its parameters. */
export interface DatapathTraceEntry extends TraceEntry {
  /** Stable step identifier (one of TRACE_CODES), e.g. "ipvs.schedule", "bpf.lb.select". */
  readonly code: TraceCode;
  readonly params: TraceParams;
}

/** Where a datapath step ran: node, hook ("ipvs LOCAL_IN", "tc ingress"), table and chain/program. */
export interface TracePlace {
  readonly node: string;
  readonly hook: string;
  readonly table: string;
  readonly chain: string;
  readonly direction: 'original' | 'reply';
}

/** A sink that records steps only when a trace was asked for (null: nothing is allocated). */
export type TraceSink = DatapathTraceEntry[] | null;

/** Records one step into `sink` (a no-op when tracing is off). */
export function traceStep(
  sink: TraceSink,
  place: TracePlace,
  code: TraceCode,
  text: string,
  action: string,
  params: TraceParams,
  rule = 0,
): void {
  sink?.push({ ...place, rule, text, matched: true, action, code, params });
}
