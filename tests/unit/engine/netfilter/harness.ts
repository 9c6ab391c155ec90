/** Test harness: compile a small dump for a node and push one packet through one hook. */
import { NodeAddresses } from '../../../../src/engine/netfilter/addresses';
import { compileRuleset, type CompiledRuleset, type EvalEnv } from '../../../../src/engine/netfilter/compile';
import { traverse } from '../../../../src/engine/netfilter/evaluate';
import { formatAddressPort, parseIPv4 } from '../../../../src/engine/netfilter/ip';
import { newPacket, type Packet } from '../../../../src/engine/netfilter/packet';
import { parseIptablesSave } from '../../../../src/engine/netfilter/parse';
import { RecentLists } from '../../../../src/engine/netfilter/recent';
import type { IpSetSpec } from '../../../../src/engine/netfilter/sets';
import type { TraceEntry } from '../../../../src/engine/netfilter/trace';
import { createRng, samplingChooser } from '../../../../src/engine/random/rng';
import type { Chooser } from '../../../../src/engine/random/types';

/** The interfaces of a test node: lo, eth0 192.168.10.12/24 and one pod veth with 10.244.2.1/32. */
export const NODE_ADDRESSES = new NodeAddresses([
  { name: 'lo', addresses: ['127.0.0.1/8'] },
  { name: 'eth0', addresses: ['192.168.10.12/24'] },
  { name: 'veth0af40202', addresses: ['10.244.2.1/32'] },
]);

/** Wraps rules for one table in a minimal dump. */
export function dump(table: string, lines: readonly string[], chains: readonly string[] = []): string {
  return [`*${table}`, ...chains.map((c) => `:${c} - [0:0]`), ...lines, 'COMMIT', ''].join('\n');
}

/** A packet description with readable addresses. */
export interface PacketInit {
  src?: string;
  dst?: string;
  sport?: number;
  dport?: number;
  proto?: number;
  in?: string;
  out?: string;
  mark?: number;
  ctstate?: number;
}

/** Builds a packet (defaults: 192.168.10.100:40000 → 192.168.10.12:30080 tcp in eth0). */
export function packet(init: PacketInit = {}): Packet {
  const p = newPacket(
    parseIPv4(init.src ?? '192.168.10.100') as number,
    parseIPv4(init.dst ?? '192.168.10.12') as number,
    init.sport ?? 40000,
    init.dport ?? 30080,
    init.proto ?? 6,
  );
  p.inIface = init.in ?? 'eth0';
  p.outIface = init.out ?? '';
  p.mark = init.mark ?? 0;
  if (init.ctstate !== undefined) p.ctstate = init.ctstate;
  return p;
}

/** A fresh evaluation environment. */
export function env(
  compiled: CompiledRuleset,
  options: { chooser?: Chooser; now?: number; recent?: RecentLists } = {},
): EvalEnv {
  return {
    chooser: options.chooser ?? samplingChooser(createRng(1)),
    now: options.now ?? 0,
    recent: options.recent ?? new RecentLists(),
    nth: compiled.nthInitial.slice(),
    trace: [] as TraceEntry[],
    counters: new Float64Array(compiled.slots.length),
    node: 'n',
    direction: 'original',
    hook: '',
    nextHop: parseIPv4('192.168.10.11') as number,
    sourceNatted: false,
    decider: null,
    error: null,
  };
}

/** Compiles a dump for the test node (throws if the dump has problems unless allowed). */
export function compile(
  text: string,
  options: { sets?: Record<string, IpSetSpec>; allowProblems?: boolean } = {},
): CompiledRuleset {
  const parsed = parseIptablesSave(text);
  if (!options.allowProblems && parsed.problems.some((p) => p.level === 'error')) {
    throw new Error(`unexpected problems: ${JSON.stringify(parsed.problems)}`);
  }
  return compileRuleset(parsed, { addresses: NODE_ADDRESSES, ...(options.sets ? { sets: options.sets } : {}) });
}

/** The outcome of one traversal. */
export interface Run {
  verdict: number;
  packet: Packet;
  env: EvalEnv;
  trace: TraceEntry[];
  dst: string;
  src: string;
}

/** Runs one packet through `table`/`hook` of a compiled ruleset. */
export function run(
  compiled: CompiledRuleset,
  table: string,
  hook: string,
  init: PacketInit = {},
  e: EvalEnv = env(compiled),
): Run {
  const p = packet(init);
  const verdict = traverse(compiled, table, hook, p, e);
  return {
    verdict,
    packet: p,
    env: e,
    trace: e.trace ?? [],
    dst: formatAddressPort(p.dst, p.dport),
    src: formatAddressPort(p.src, p.sport),
  };
}

/** Which rule numbers of `chain` matched in a run. */
export function matchedRules(r: Run, chain: string): number[] {
  return r.trace.filter((t) => t.chain === chain && t.matched && t.rule > 0).map((t) => t.rule);
}
