/**
 * The `-j` targets the interpreter understands: their options and typed meaning. A target
 * that is neither listed here nor a chain of the same table is reported as unsupported.
 */
import { parseAddress, type Address } from './ip';
import type { NatRangeSpec, OptionWords, PortRange, TargetSpec } from './model';
import type { OptionDef } from './matches';
import { fail, ok, parsePort, parseU32, parseValueMask, type Parsed } from './values';

/** A target: its options and how to build its meaning. */
export interface TargetModule {
  readonly options: Readonly<Record<string, OptionDef>>;
  build(options: readonly OptionWords[]): Parsed<TargetSpec>;
}

const flag: OptionDef = { arity: 0, negatable: false };
const one: OptionDef = { arity: 1, negatable: false };
const arg = (o: OptionWords | undefined): string => o?.args[0] ?? '';
const has = (opts: readonly OptionWords[], name: string): boolean => opts.some((o) => o.name === name);

/**
 * Splits a NAT mapping into its address and port text. ip6tables writes an IPv6 address in
 * brackets when a port follows ("[fd00::1]:80", "[a]-[b]:80") and bare when none does.
 */
function splitNatRange(text: string): { addrText: string; portText: string | null } {
  if (text.startsWith('[')) {
    const close = text.lastIndexOf(']');
    const addrText = text.slice(0, close + 1).replace(/[[\]]/g, '');
    const rest = text.slice(close + 1);
    return { addrText, portText: rest.startsWith(':') ? rest.slice(1) : rest === '' ? null : rest };
  }
  // More than one colon and no brackets: a bare IPv6 address (or range), no port.
  if (text.indexOf(':') !== text.lastIndexOf(':')) return { addrText: text, portText: null };
  const colon = text.indexOf(':');
  return colon < 0
    ? { addrText: text, portText: null }
    : { addrText: text.slice(0, colon), portText: text.slice(colon + 1) };
}

/** Parses a NAT mapping "[addr[-addr]][:port[-port]]" as DNAT/SNAT --to-* accept it. */
export function parseNatRange(text: string): Parsed<NatRangeSpec> {
  const { addrText, portText } = splitNatRange(text);
  let addresses: NatRangeSpec['addresses'] = null;
  if (addrText !== '') {
    const dash = addrText.indexOf('-');
    const first = parseAddress(dash < 0 ? addrText : addrText.slice(0, dash));
    const last: Address | null = dash < 0 ? first : parseAddress(addrText.slice(dash + 1));
    if (first === null || last === null) return fail(`"${addrText}" is not an IPv4 or IPv6 address or range`);
    if (typeof first !== typeof last) return fail(`address range "${addrText}" mixes IPv4 and IPv6`);
    if (last < first) return fail(`address range "${addrText}" is reversed`);
    addresses = { first, last };
  }
  let ports: PortRange | null = null;
  if (portText !== null) {
    const dash = portText.indexOf('-');
    const a = parsePort(dash < 0 ? portText : portText.slice(0, dash));
    const b = dash < 0 ? a : parsePort(portText.slice(dash + 1));
    if (!a.ok) return a;
    if (!b.ok) return b;
    if (b.value < a.value) return fail(`port range "${portText}" is reversed`);
    ports = { first: a.value, last: b.value };
  }
  if (!addresses && !ports) return fail(`empty NAT mapping "${text}"`);
  return ok({ addresses, ports });
}

function noOptions(kind: 'ACCEPT' | 'DROP' | 'RETURN'): TargetModule {
  return { options: {}, build: () => ok({ kind }) };
}

function natTarget(kind: 'DNAT' | 'SNAT', option: string, options: Record<string, OptionDef>): TargetModule {
  return {
    options,
    build(opts) {
      const to = opts.filter((o) => o.name === option);
      if (to.length !== 1)
        return fail(`${kind} needs exactly one ${option} (several ranges were removed from the kernel)`);
      const range = parseNatRange(arg(to[0]));
      if (!range.ok) return range;
      const persistent = has(opts, '--persistent');
      if (kind === 'DNAT') return ok({ kind, range: range.value, persistent });
      // --random and --random-fully both make the kernel draw the port (PROTO_RANDOM_ALL).
      const randomFully = has(opts, '--random-fully') || has(opts, '--random');
      return ok({ kind, range: range.value, persistent, randomFully });
    },
  };
}

const logOptions: Record<string, OptionDef> = {
  '--log-prefix': one,
  '--log-level': one,
  '--log-tcp-sequence': flag,
  '--log-tcp-options': flag,
  '--log-ip-options': flag,
  '--log-uid': flag,
  '--log-macdecode': flag,
};

const markOptions: Record<string, OptionDef> = {
  '--set-xmark': one,
  '--set-mark': one,
  '--or-mark': one,
  '--and-mark': one,
  '--xor-mark': one,
};

/** Every supported built-in target by name. */
export const TARGETS: Readonly<Record<string, TargetModule>> = {
  ACCEPT: noOptions('ACCEPT'),
  DROP: noOptions('DROP'),
  RETURN: noOptions('RETURN'),
  REJECT: {
    options: { '--reject-with': one },
    build(opts) {
      const w = opts.find((o) => o.name === '--reject-with');
      return ok({ kind: 'REJECT', rejectWith: w ? arg(w) : 'icmp-port-unreachable' });
    },
  },
  LOG: {
    options: logOptions,
    build(opts) {
      const p = opts.find((o) => o.name === '--log-prefix');
      return ok({ kind: 'LOG', prefix: p ? arg(p) : '' });
    },
  },
  MARK: {
    options: markOptions,
    build(opts) {
      if (opts.length !== 1)
        return fail('MARK needs exactly one of --set-xmark, --set-mark, --or-mark, --and-mark, --xor-mark');
      const o = opts[0] as OptionWords;
      // Every form reduces to the kernel's xmark: mark = (mark & ~mask) ^ value (libxt_MARK).
      if (o.name === '--set-xmark' || o.name === '--set-mark') {
        const v = parseValueMask(arg(o));
        if (!v.ok) return v;
        const { value, mask } = v.value;
        return ok({ kind: 'MARK', value, mask: o.name === '--set-mark' ? (mask | value) >>> 0 : mask });
      }
      const bits = parseU32(arg(o));
      if (!bits.ok) return bits;
      if (o.name === '--or-mark') return ok({ kind: 'MARK', value: bits.value, mask: bits.value });
      if (o.name === '--xor-mark') return ok({ kind: 'MARK', value: bits.value, mask: 0 });
      return ok({ kind: 'MARK', value: 0, mask: ~bits.value >>> 0 });
    },
  },
  DNAT: natTarget('DNAT', '--to-destination', { '--to-destination': one, '--random': flag, '--persistent': flag }),
  SNAT: natTarget('SNAT', '--to-source', {
    '--to-source': one,
    '--random': flag,
    '--random-fully': flag,
    '--persistent': flag,
  }),
  MASQUERADE: {
    options: { '--to-ports': one, '--random': flag, '--random-fully': flag },
    build(opts) {
      const p = opts.find((o) => o.name === '--to-ports');
      let ports: PortRange | null = null;
      if (p) {
        const [a, b] = arg(p).split('-');
        const first = parsePort(a ?? '');
        const last = b === undefined ? first : parsePort(b);
        if (!first.ok) return first;
        if (!last.ok) return last;
        ports = { first: first.value, last: last.value };
      }
      return ok({ kind: 'MASQUERADE', ports, randomFully: has(opts, '--random-fully') || has(opts, '--random') });
    },
  },
  // Tracing changes nothing the walk observes.
  TRACE: { options: {}, build: () => ok({ kind: 'noop', name: 'TRACE' }) },
  // Raw-table targets that take the packet out of conntrack (and so out of NAT).
  NOTRACK: { options: {}, build: () => ok({ kind: 'notrack', name: 'NOTRACK' }) },
  CT: {
    options: { '--notrack': flag },
    build(opts) {
      return has(opts, '--notrack') ? ok({ kind: 'notrack', name: 'CT' }) : fail('CT is only modelled with --notrack');
    },
  },
};
