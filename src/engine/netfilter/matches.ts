/**
 * The `-m` match modules the interpreter understands: the options each accepts (so the parser
 * knows how many words an option takes) and how their words become a typed MatchSpec. A
 * module or option missing here is reported as unsupported, never guessed.
 */
import { parseIptablesIcmpType } from './icmpTypes';
import { AddrType, CtState, type MatchSpec, type OptionWords, type PortsSpec } from './model';
import { fail, ok, parseCount, parsePortList, parsePortRange, parseU32, parseValueMask, type Parsed } from './values';

/** How many argument words an option takes, and whether `!` may precede it. */
export interface OptionDef {
  readonly arity: number;
  readonly negatable: boolean;
  /** Known to iptables but not modelled: parsing consumes it, meaning reports it. */
  readonly unsupported?: true;
}

/** A match module: its options (by every spelling) and how to build its meaning. */
export interface MatchModule {
  readonly options: Readonly<Record<string, OptionDef>>;
  build(options: readonly OptionWords[]): Parsed<MatchSpec>;
}

const flag: OptionDef = { arity: 0, negatable: false };
const flagNeg: OptionDef = { arity: 0, negatable: true };
const one: OptionDef = { arity: 1, negatable: false };
const oneNeg: OptionDef = { arity: 1, negatable: true };
const unknown1: OptionDef = { arity: 1, negatable: true, unsupported: true };

const find = (opts: readonly OptionWords[], ...names: string[]): OptionWords | undefined =>
  opts.find((o) => names.includes(o.name));
const arg = (o: OptionWords, i = 0): string => o.args[i] ?? '';

function rejectUnsupported(
  module: string,
  opts: readonly OptionWords[],
  defs: Record<string, OptionDef>,
): string | null {
  for (const o of opts) {
    if (defs[o.name]?.unsupported) return `-m ${module} ${o.name} is not modelled`;
    if (o.negated && !defs[o.name]?.negatable) return `${o.name} cannot be negated`;
  }
  return null;
}

function portsOption(o: OptionWords | undefined): Parsed<PortsSpec | null> {
  if (!o) return ok(null);
  const r = parsePortRange(arg(o));
  return r.ok ? ok({ ranges: [r.value], negated: o.negated }) : r;
}

const TCP_FLAGS: Readonly<Record<string, number>> = {
  FIN: 1,
  SYN: 2,
  RST: 4,
  PSH: 8,
  ACK: 16,
  URG: 32,
  ECE: 64,
  CWR: 128,
};

function parseTcpFlags(text: string): Parsed<number> {
  if (text === 'ALL') return ok(255);
  if (text === 'NONE') return ok(0);
  let bits = 0;
  for (const name of text.split(',')) {
    const bit = TCP_FLAGS[name.toUpperCase()];
    if (bit === undefined) return fail(`unknown TCP flag "${name}"`);
    bits |= bit;
  }
  return ok(bits);
}

function l4Module(module: 'tcp' | 'udp' | 'sctp', protocol: number): MatchModule {
  const options: Record<string, OptionDef> = {
    '--sport': oneNeg,
    '--source-port': oneNeg,
    '--dport': oneNeg,
    '--destination-port': oneNeg,
  };
  if (module === 'tcp') {
    options['--tcp-flags'] = { arity: 2, negatable: true };
    options['--syn'] = flagNeg;
    options['--tcp-option'] = unknown1;
  }
  if (module === 'sctp') options['--chunk-types'] = { arity: 2, negatable: true, unsupported: true };
  return {
    options,
    build(opts) {
      const bad = rejectUnsupported(module, opts, options);
      if (bad) return fail(bad);
      const sport = portsOption(find(opts, '--sport', '--source-port'));
      const dport = portsOption(find(opts, '--dport', '--destination-port'));
      if (!sport.ok) return sport;
      if (!dport.ok) return dport;
      let tcpFlags: { mask: number; compare: number; negated: boolean } | null = null;
      const syn = find(opts, '--syn');
      const flags = find(opts, '--tcp-flags');
      if (syn)
        tcpFlags = {
          mask: TCP_FLAGS.SYN! | TCP_FLAGS.RST! | TCP_FLAGS.ACK! | TCP_FLAGS.FIN!,
          compare: 2,
          negated: syn.negated,
        };
      if (flags) {
        const mask = parseTcpFlags(arg(flags, 0));
        const compare = parseTcpFlags(arg(flags, 1));
        if (!mask.ok) return mask;
        if (!compare.ok) return compare;
        tcpFlags = { mask: mask.value, compare: compare.value, negated: flags.negated };
      }
      return ok({ kind: 'l4', module, protocol, sport: sport.value, dport: dport.value, tcpFlags });
    },
  };
}

const ADDR_TYPES = AddrType as Readonly<Record<string, number>>;

// Types a node's addresses decide; the others depend on routing-table entries not modelled.
const MODELLED_TYPES = AddrType.LOCAL | AddrType.UNICAST | AddrType.BROADCAST | AddrType.MULTICAST;

function parseAddrTypes(text: string): Parsed<number> {
  let bits = 0;
  for (const name of text.split(',')) {
    const bit = ADDR_TYPES[name.toUpperCase()];
    if (bit === undefined) return fail(`unknown address type "${name}"`);
    if ((bit & MODELLED_TYPES) === 0)
      return fail(`address type ${name.toUpperCase()} depends on routes that are not modelled`);
    bits |= bit;
  }
  return ok(bits);
}

const CT_STATES = CtState as Readonly<Record<string, number>>;

function parseStates(text: string): Parsed<number> {
  let bits = 0;
  for (const name of text.split(',')) {
    const bit = CT_STATES[name.toUpperCase()];
    if (bit === undefined) return fail(`unknown connection state "${name}"`);
    bits |= bit;
  }
  return ok(bits);
}

const multiportOptions: Record<string, OptionDef> = {
  '--sports': oneNeg,
  '--source-ports': oneNeg,
  '--dports': oneNeg,
  '--destination-ports': oneNeg,
  '--ports': oneNeg,
};

const addrtypeOptions: Record<string, OptionDef> = {
  '--src-type': oneNeg,
  '--dst-type': oneNeg,
  '--limit-iface-in': flag,
  '--limit-iface-out': flag,
};

const statisticOptions: Record<string, OptionDef> = {
  '--mode': one,
  '--probability': oneNeg,
  '--every': oneNeg,
  '--packet': one,
};

const recentOptions: Record<string, OptionDef> = {
  '--name': one,
  '--set': flagNeg,
  '--rcheck': flagNeg,
  '--update': flagNeg,
  '--remove': flagNeg,
  '--seconds': one,
  '--reap': flag,
  '--hitcount': one,
  '--rttl': flag,
  '--mask': one,
  '--rsource': flag,
  '--rdest': flag,
};

const conntrackOptions: Record<string, OptionDef> = {
  '--ctstate': oneNeg,
  '--ctproto': unknown1,
  '--ctorigsrc': unknown1,
  '--ctorigdst': unknown1,
  '--ctreplsrc': unknown1,
  '--ctrepldst': unknown1,
  '--ctorigsrcport': unknown1,
  '--ctorigdstport': unknown1,
  '--ctreplsrcport': unknown1,
  '--ctrepldstport': unknown1,
  '--ctstatus': unknown1,
  '--ctexpire': unknown1,
  '--ctdir': { arity: 1, negatable: false, unsupported: true },
};

const setOptions: Record<string, OptionDef> = {
  '--match-set': { arity: 2, negatable: true },
  '--return-nomatch': { arity: 0, negatable: false, unsupported: true },
  '--update-counters': { arity: 0, negatable: true, unsupported: true },
  '--update-subcounters': { arity: 0, negatable: true, unsupported: true },
  '--packets-eq': unknown1,
  '--packets-lt': unknown1,
  '--packets-gt': unknown1,
  '--bytes-eq': unknown1,
  '--bytes-lt': unknown1,
  '--bytes-gt': unknown1,
};

/** The icmp (IPv4) or icmp6 match: one type, by name, number or "type/code". */
function icmpModule(family: 4 | 6, option: string): MatchModule {
  return {
    options: { [option]: oneNeg },
    build(opts) {
      const t = find(opts, option);
      if (!t) return fail(`${option} is required`);
      const type = parseIptablesIcmpType(arg(t), family);
      if (type === undefined) return fail(`unknown ${family === 6 ? 'ICMPv6' : 'ICMP'} type "${arg(t)}"`);
      return ok({ kind: 'icmp', family, type, negated: t.negated });
    },
  };
}

/** Every supported match module by name. */
export const MATCH_MODULES: Readonly<Record<string, MatchModule>> = {
  tcp: l4Module('tcp', 6),
  udp: l4Module('udp', 17),
  sctp: l4Module('sctp', 132),
  icmp: icmpModule(4, '--icmp-type'),
  icmp6: icmpModule(6, '--icmpv6-type'),
  multiport: {
    options: multiportOptions,
    build(opts) {
      const bad = rejectUnsupported('multiport', opts, multiportOptions);
      if (bad) return fail(bad);
      if (opts.length !== 1) return fail('multiport needs exactly one of --sports, --dports, --ports');
      const o = opts[0] as OptionWords;
      const list = parsePortList(arg(o));
      if (!list.ok) return list;
      const side = o.name === '--ports' ? 'either' : o.name.startsWith('--s') ? 'src' : 'dst';
      return ok({ kind: 'multiport', side, ports: { ranges: list.value, negated: o.negated } });
    },
  },
  addrtype: {
    options: addrtypeOptions,
    build(opts) {
      const bad = rejectUnsupported('addrtype', opts, addrtypeOptions);
      if (bad) return fail(bad);
      const side = (o: OptionWords | undefined): Parsed<{ types: number; negated: boolean } | null> => {
        if (!o) return ok(null);
        const t = parseAddrTypes(arg(o));
        return t.ok ? ok({ types: t.value, negated: o.negated }) : t;
      };
      const src = side(find(opts, '--src-type'));
      const dst = side(find(opts, '--dst-type'));
      if (!src.ok) return src;
      if (!dst.ok) return dst;
      const limitIfaceIn = !!find(opts, '--limit-iface-in');
      const limitIfaceOut = !!find(opts, '--limit-iface-out');
      if (limitIfaceIn && limitIfaceOut) return fail('--limit-iface-in and --limit-iface-out cannot be combined');
      return ok({ kind: 'addrtype', src: src.value, dst: dst.value, limitIfaceIn, limitIfaceOut });
    },
  },
  comment: {
    options: { '--comment': one },
    build(opts) {
      const c = find(opts, '--comment');
      if (!c) return fail('-m comment needs --comment');
      return ok({ kind: 'comment', text: arg(c) });
    },
  },
  statistic: {
    options: statisticOptions,
    build(opts) {
      const bad = rejectUnsupported('statistic', opts, statisticOptions);
      if (bad) return fail(bad);
      const mode = find(opts, '--mode');
      if (mode && arg(mode) === 'random') {
        const p = find(opts, '--probability');
        if (!p) return fail('--mode random needs --probability');
        const probability = Number(arg(p));
        if (!/^[0-9.eE+-]+$/.test(arg(p)) || !(probability >= 0 && probability <= 1)) {
          return fail(`--probability "${arg(p)}" is not a number between 0 and 1`);
        }
        // libxt_statistic stores lround(0x80000000 * p); the kernel compares 31 random bits to it.
        const threshold = Math.round(probability * 0x80000000);
        return ok({ kind: 'statistic-random', probability, threshold, negated: p.negated });
      }
      if (mode && arg(mode) === 'nth') {
        const every = find(opts, '--every');
        const packet = find(opts, '--packet');
        if (!every) return fail('--mode nth needs --every');
        const n = parseCount(arg(every), '--every');
        const p = packet ? parseCount(arg(packet), '--packet') : ok(0);
        if (!n.ok) return n;
        if (!p.ok) return p;
        if (n.value < 1 || p.value > n.value - 1) return fail('--packet p must satisfy 0 <= p <= n-1 for --every n');
        return ok({ kind: 'statistic-nth', every: n.value, packet: p.value, negated: every.negated });
      }
      return fail(`-m statistic needs --mode random or nth`);
    },
  },
  mark: {
    options: { '--mark': oneNeg },
    build(opts) {
      const m = find(opts, '--mark');
      if (!m) return fail('-m mark needs --mark');
      const v = parseValueMask(arg(m));
      if (!v.ok) return v;
      return ok({ kind: 'mark', value: v.value.value, mask: v.value.mask, negated: m.negated });
    },
  },
  recent: {
    options: recentOptions,
    build(opts) {
      const bad = rejectUnsupported('recent', opts, recentOptions);
      if (bad) return fail(bad);
      const commands = opts.filter((o) => ['--set', '--rcheck', '--update', '--remove'].includes(o.name));
      if (commands.length !== 1) return fail('-m recent needs exactly one of --set, --rcheck, --update, --remove');
      const command = commands[0] as OptionWords;
      const name = find(opts, '--name');
      const seconds = find(opts, '--seconds');
      const hitcount = find(opts, '--hitcount');
      const mask = find(opts, '--mask');
      const s = seconds ? parseCount(arg(seconds), '--seconds') : ok(0);
      const h = hitcount ? parseCount(arg(hitcount), '--hitcount') : ok(0);
      const m = mask ? parseMaskAddress(arg(mask)) : ok(0xffffffff);
      if (!s.ok) return s;
      if (!h.ok) return h;
      if (!m.ok) return m;
      const reap = !!find(opts, '--reap');
      if (reap && s.value === 0) return fail('--reap needs --seconds');
      if (h.value > 20) return fail('--hitcount above 20 exceeds the kernel default ip_pkt_list_tot');
      return ok({
        kind: 'recent',
        name: name ? arg(name) : 'DEFAULT',
        command: command.name.slice(2) as 'set' | 'rcheck' | 'update' | 'remove',
        seconds: s.value,
        hitcount: h.value,
        reap,
        rttl: !!find(opts, '--rttl'),
        mask: m.value,
        side: find(opts, '--rdest') ? 'dst' : 'src',
        negated: command.negated,
      });
    },
  },
  conntrack: {
    options: conntrackOptions,
    build(opts) {
      const bad = rejectUnsupported('conntrack', opts, conntrackOptions);
      if (bad) return fail(bad);
      const s = find(opts, '--ctstate');
      if (!s) return fail('-m conntrack without --ctstate is not modelled');
      const states = parseStates(arg(s));
      return states.ok ? ok({ kind: 'ctstate', states: states.value, negated: s.negated }) : states;
    },
  },
  state: {
    options: { '--state': oneNeg },
    build(opts) {
      const s = find(opts, '--state');
      if (!s) return fail('-m state needs --state');
      const states = parseStates(arg(s));
      return states.ok ? ok({ kind: 'ctstate', states: states.value, negated: s.negated }) : states;
    },
  },
  set: {
    options: setOptions,
    build(opts) {
      const bad = rejectUnsupported('set', opts, setOptions);
      if (bad) return fail(bad);
      const s = find(opts, '--match-set');
      if (!s) return fail('-m set needs --match-set');
      const flags = arg(s, 1).split(',');
      if (!flags.every((f) => f === 'src' || f === 'dst')) return fail(`bad --match-set flags "${arg(s, 1)}"`);
      return ok({ kind: 'set', name: arg(s, 0), flags: flags as ('src' | 'dst')[], negated: s.negated });
    },
  },
  nfacct: {
    options: { '--nfacct-name': one },
    build(opts) {
      const n = find(opts, '--nfacct-name');
      if (!n) return fail('-m nfacct needs --nfacct-name');
      return ok({ kind: 'nfacct', name: arg(n) });
    },
  },
};

function parseMaskAddress(text: string): Parsed<number> {
  const parts = text.split('.');
  if (parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    return ok(parts.reduce((acc, p) => acc * 256 + Number(p), 0) >>> 0);
  }
  return parseU32(text);
}
