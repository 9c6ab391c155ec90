/**
 * Trace entries of the non-iptables datapaths. They keep the TraceEntry shape the islands
 * already render (node, hook, table, chain, rule, text, action) and add a step `code` with
 * `params`, so a UI can localise every step ("ipvs.schedule" + {vip, backend, scheduler})
 * instead of parsing the English `text`.
 */
import type { TraceEntry } from '../../netfilter/trace';

/** Parameters of a trace step: plain values a UI can put into a localised sentence. */
export type TraceParams = Readonly<Record<string, string | number | boolean>>;

/** A TraceEntry with a machine-readable step code and its parameters. */
export interface DatapathTraceEntry extends TraceEntry {
  /** Stable step identifier, e.g. "ipvs.schedule", "bpf.lb4_lookup_service", "bpf.snat". */
  readonly code: string;
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
export function traceStep(sink: TraceSink, place: TracePlace, code: string, text: string, action: string, params: TraceParams, rule = 0): void {
  sink?.push({ ...place, rule, text, matched: true, action, code, params });
}
