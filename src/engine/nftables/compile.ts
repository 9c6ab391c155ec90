/**
 * Compiles parsed nft rules into steps the evaluator runs in order, as the kernel runs a rule's
 * expressions: matches (a failing one ends the rule), statements (counter, log, mark set, set
 * update), lookups in verdict maps (a miss ends the rule), NAT (terminal, like nft's nat
 * expression) and verdicts. A rule with syntax this does not know is kept with its problem,
 * so evaluating it stops the walk with a clear reason instead of a guess.
 */
import type { EvalEnv, SlotInfo } from '../netfilter/compile';
import type { NodeAddresses } from '../netfilter/addresses';
import { parseIPv4 } from '../netfilter/ip';
import type { Packet } from '../netfilter/packet';
import type { NftChain, NftHookBinding, NftProblem, NftRuleset, NftSet, NftTable } from './model';
import { parseDuration } from './parse';
import type { Token } from './tokenize';
import { internIface, parseValue, SET_KEY_TYPES, type ValueType } from './values';
import type { NftState } from './state';

/** What the evaluator carries through one hook. */
export interface NftRun {
  readonly p: Packet;
  readonly e: EvalEnv;
  readonly state: NftState;
  readonly addresses: NodeAddresses;
  /** Where this ruleset's counter slots start in the node's counters (after iptables'). */
  readonly slotBase: number;
}

/** A verdict a rule or map element gives. */
export type NftVerdict =
  | { readonly kind: 'accept' | 'drop' | 'reject' | 'return' | 'continue' }
  | { readonly kind: 'jump' | 'goto'; readonly chain: string };

/** One step of a compiled rule. */
export type Step =
  | { readonly kind: 'match'; readonly test: (r: NftRun) => boolean }
  | { readonly kind: 'stmt'; readonly run: (r: NftRun) => string }
  | {
      readonly kind: 'vmap';
      readonly key: (r: NftRun) => number[] | null;
      readonly lookup: (key: number[], r: NftRun) => NftVerdict | null;
      readonly types: readonly ValueType[];
      /** Every verdict the map can give (for the static bound on one packet's work). */
      readonly verdicts: () => readonly NftVerdict[];
    }
  | { readonly kind: 'nat'; readonly nat: 'dnat' | 'snat' | 'masquerade'; readonly addr: number | null; readonly port: number | null }
  | { readonly kind: 'verdict'; readonly verdict: NftVerdict };

/** A compiled rule. */
export interface CompiledNftRule {
  /** Counter slot (relative to the ruleset). */
  readonly slot: number;
  readonly number: number;
  readonly text: string;
  readonly line: number;
  readonly steps: readonly Step[];
  /** Why the rule cannot be evaluated, or null. */
  readonly problem: string | null;
}

/** A compiled chain. */
export interface CompiledNftChain {
  readonly table: string;
  readonly name: string;
  readonly base: NftHookBinding | null;
  readonly rules: readonly CompiledNftRule[];
  /** Counter slot of a base chain's policy (-1 for a regular chain). */
  readonly policySlot: number;
}

/** A set with its elements typed. */
export interface CompiledNftSet {
  readonly id: string;
  readonly types: readonly ValueType[];
  readonly dynamic: boolean;
  readonly timeout: number;
  readonly exact: Map<string, NftVerdict | true>;
  readonly ranges: { readonly key: readonly [number, number][]; readonly value: NftVerdict | true }[];
}

/** A whole compiled ruleset. */
export interface CompiledNft {
  readonly chains: Map<string, CompiledNftChain>;
  readonly baseChains: readonly CompiledNftChain[];
  readonly sets: Map<string, CompiledNftSet>;
  /** Whether any rule updates a set (then connections are not independent). */
  readonly stateful: boolean;
  /** Counter slots: every rule, then every base chain's policy. */
  readonly slots: readonly SlotInfo[];
  readonly problems: readonly NftProblem[];
}

type Selector = { readonly type: ValueType; readonly get: (r: NftRun) => number; readonly proto?: number };

class RuleError extends Error {}

const chainKey = (table: NftTable, chain: string): string => `${table.family} ${table.name}\u0000${chain}`;

function parseVerdict(text: string): NftVerdict | null {
  const m = /^(accept|drop|reject|return|continue)$/.exec(text) ?? null;
  if (m) return { kind: m[1] as 'accept' };
  const j = /^(jump|goto) (\S+)$/.exec(text);
  return j ? { kind: j[1] as 'jump', chain: j[2] as string } : null;
}

/** Compiles a set's elements (problems for elements that do not parse). */
function compileSet(table: NftTable, set: NftSet, problems: NftProblem[]): CompiledNftSet {
  const types = set.keyTypes.map((t) => SET_KEY_TYPES[t]);
  const id = chainKey(table, set.name);
  const out: CompiledNftSet = { id, types: types.map((t) => t ?? 'number'), dynamic: set.flags.includes('dynamic') || set.flags.includes('timeout'), timeout: set.timeout, exact: new Map(), ranges: [] };
  if (types.some((t) => t === undefined)) {
    problems.push({ line: set.line, text: `${set.kind} ${set.name} type ${set.keyTypes.join(' . ')}`, message: `key type not modelled (known: ${Object.keys(SET_KEY_TYPES).join(', ')})` });
    return out;
  }
  for (const el of set.elements) {
    const key: [number, number][] = [];
    let bad = el.key.length !== types.length;
    el.key.forEach((part, i) => {
      const v = parseValue(types[i] as ValueType, part);
      if (v === null) bad = true;
      else key.push(v);
    });
    let value: NftVerdict | true = true;
    if (el.value !== null) {
      const v = set.dataType === 'verdict' ? parseVerdict(el.value) : null;
      if (v === null) bad = true;
      else value = v;
    }
    if (bad) {
      problems.push({ line: el.line, text: `${el.key.join(' . ')}${el.value !== null ? ` : ${el.value}` : ''}`, message: `element of ${set.name} does not fit its type ${set.keyTypes.join(' . ')}${set.dataType ? ` : ${set.dataType}` : ''}` });
      continue;
    }
    if (key.every(([lo, hi]) => lo === hi)) out.exact.set(key.map(([lo]) => lo).join(','), value);
    else out.ranges.push({ key, value });
  }
  return out;
}

/** Looks a key up in a set (static elements, then live dynamic ones). */
export function lookupSet(set: CompiledNftSet, key: readonly number[], r: NftRun): NftVerdict | true | null {
  const k = key.join(',');
  const hit = set.exact.get(k);
  if (hit !== undefined) return hit;
  for (const el of set.ranges) if (el.key.every(([lo, hi], i) => (key[i] as number) >= lo && (key[i] as number) <= hi)) return el.value;
  if (set.dynamic) {
    const expires = r.state.get(set.id)?.get(k);
    if (expires !== undefined && expires > r.e.now) return true;
  }
  return null;
}

class RuleCompiler {
  private i = 0;
  readonly steps: Step[] = [];
  stateful = false;

  constructor(
    private readonly t: readonly Token[],
    private readonly table: NftTable,
    private readonly sets: Map<string, CompiledNftSet>,
  ) {}

  private peek(o = 0): string | undefined {
    return this.t[this.i + o]?.text;
  }
  private next(): string {
    const tok = this.t[this.i++];
    if (!tok) throw new RuleError('the rule ends too early');
    return tok.text;
  }
  private expect(text: string): void {
    const got = this.next();
    if (got !== text) throw new RuleError(`expected "${text}", found "${got}"`);
  }

  compile(): Step[] {
    while (this.i < this.t.length) this.item();
    return this.steps;
  }

  private set(name: string): CompiledNftSet {
    const s = this.sets.get(chainKey(this.table, name));
    if (!s) throw new RuleError(`no set or map "${name}" in table ${this.table.family} ${this.table.name}`);
    return s;
  }

  /** One selector (payload, meta, ct, fib, numgen), or null when the next words are not one. */
  private selector(): Selector | null {
    const a = this.peek();
    const b = this.peek(1);
    if ((a === 'ip' || a === 'ip6') && (b === 'saddr' || b === 'daddr' || b === 'protocol')) {
      if (a === 'ip6') throw new RuleError('IPv6 matches are not modelled (the engine is IPv4 only)');
      this.i += 2;
      if (b === 'protocol') return { type: 'proto', get: (r) => r.p.proto };
      return b === 'saddr' ? { type: 'addr', get: (r) => r.p.src } : { type: 'addr', get: (r) => r.p.dst };
    }
    if ((a === 'th' || a === 'tcp' || a === 'udp' || a === 'sctp') && (b === 'dport' || b === 'sport')) {
      this.i += 2;
      const proto = a === 'tcp' ? 6 : a === 'udp' ? 17 : a === 'sctp' ? 132 : undefined;
      const get = b === 'dport' ? (r: NftRun) => r.p.dport : (r: NftRun) => r.p.sport;
      return proto === undefined ? { type: 'port', get } : { type: 'port', get, proto };
    }
    const metaKey = a === 'meta' ? b : a;
    const skip = a === 'meta' ? 2 : 1;
    if (metaKey === 'l4proto' && a === 'meta') {
      this.i += 2;
      return { type: 'proto', get: (r) => r.p.proto };
    }
    if (metaKey === 'mark' && this.peek(skip) !== 'set') {
      this.i += skip;
      return { type: 'mark', get: (r) => r.p.mark };
    }
    if (metaKey === 'iifname' || metaKey === 'oifname' || metaKey === 'iif' || metaKey === 'oif') {
      this.i += skip;
      return metaKey.startsWith('i') ? { type: 'ifname', get: (r) => internIface(r.p.inIface) } : { type: 'ifname', get: (r) => internIface(r.p.outIface) };
    }
    if (a === 'ct' && b === 'state') {
      this.i += 2;
      return { type: 'ctstate', get: (r) => r.p.ctstate };
    }
    if (a === 'fib' && (b === 'saddr' || b === 'daddr')) {
      this.i += 2;
      if (this.peek() === '.') throw new RuleError('fib lookups with "." (iif/oif/mark) are not modelled');
      this.expect('type');
      return b === 'saddr' ? { type: 'fibtype', get: (r) => r.addresses.typeOf(r.p.src) } : { type: 'fibtype', get: (r) => r.addresses.typeOf(r.p.dst) };
    }
    if (a === 'numgen') {
      this.i++;
      const mode = this.next();
      if (mode !== 'random') throw new RuleError(`numgen ${mode} is not modelled (only numgen random)`);
      this.expect('mod');
      const n = Number(this.next());
      if (!Number.isInteger(n) || n < 1) throw new RuleError('numgen random mod needs a positive integer');
      let offset = 0;
      if (this.peek() === 'offset') {
        this.i++;
        offset = Number(this.next());
      }
      return { type: 'number', get: (r) => r.e.chooser.uniform(n) + offset };
    }
    return null;
  }

  /** Values "{ a, b . c }" or a single value, typed by the concatenation's types. */
  private values(types: readonly ValueType[]): [number, number][][] {
    const parts: string[][] = [];
    if (this.peek() === '{') {
      this.i++;
      let cur: string[] = [];
      while (this.peek() !== '}') {
        const w = this.next();
        if (w === ',') {
          parts.push(cur);
          cur = [];
        } else cur.push(w);
      }
      this.i++;
      if (cur.length > 0) parts.push(cur);
    } else {
      const cur = [this.next()];
      while (this.peek() === '.') {
        this.i++;
        cur.push(this.next());
      }
      // ct state new,established
      while (types[0] === 'ctstate' && this.peek() === ',') {
        this.i++;
        parts.push([this.next()]);
      }
      parts.push(cur);
    }
    return parts.map((words) => {
      const keyParts = words.join(' ').split(' . ');
      if (keyParts.length !== types.length) throw new RuleError(`"${words.join(' ')}" does not fit ${types.join(' . ')}`);
      return keyParts.map((w, k) => {
        const v = parseValue(types[k] as ValueType, w.trim());
        if (v === null) throw new RuleError(`"${w}" is not a valid ${types[k]} value`);
        return v;
      });
    });
  }

  private item(): void {
    const w = this.peek() as string;
    const tok = this.t[this.i] as Token;
    if (tok.kind === 'string') throw new RuleError(`unexpected string "${w}"`);
    if (w === 'counter') {
      this.i++;
      while (this.peek() === 'packets' || this.peek() === 'bytes') this.i += 2;
      return;
    }
    if (w === 'comment') {
      this.i += 2;
      return;
    }
    if (w === 'log') {
      this.i++;
      while (['prefix', 'level', 'flags', 'group', 'snaplen', 'queue-threshold'].includes(this.peek() ?? '')) this.i += 2;
      this.steps.push({ kind: 'stmt', run: () => 'LOG' });
      return;
    }
    if (w === 'meta' && this.peek(1) === 'nftrace') {
      this.i += 4;
      return;
    }
    if ((w === 'mark' && this.peek(1) === 'set') || (w === 'meta' && this.peek(1) === 'mark' && this.peek(2) === 'set')) {
      this.i += w === 'mark' ? 2 : 3;
      this.markSet();
      return;
    }
    if (w === 'update' || w === 'add') {
      this.i++;
      this.setUpdate();
      return;
    }
    if (w === 'dnat' || w === 'snat') {
      this.i++;
      if (this.peek() === 'ip') this.i++;
      this.expect('to');
      const target = this.next();
      const m = /^(\d+\.\d+\.\d+\.\d+)(?::(\d+))?$/.exec(target);
      if (!m) throw new RuleError(`${w} to "${target}" is not modelled (only an address with an optional port)`);
      if (this.peek() !== undefined && !['comment', 'counter'].includes(this.peek() as string)) throw new RuleError(`${w} option "${this.peek()}" is not modelled`);
      this.steps.push({ kind: 'nat', nat: w, addr: parseIPv4(m[1] as string), port: m[2] ? Number(m[2]) : null });
      return;
    }
    if (w === 'masquerade') {
      this.i++;
      while (['random', 'fully-random', 'persistent', ','].includes(this.peek() ?? '')) this.i++;
      if (this.peek() === 'to') throw new RuleError('masquerade to :ports is not modelled');
      this.steps.push({ kind: 'nat', nat: 'masquerade', addr: null, port: null });
      return;
    }
    if (w === 'reject') {
      this.i++;
      if (this.peek() === 'with') this.i += this.peek(1) === 'tcp' ? 3 : 4;
      this.steps.push({ kind: 'verdict', verdict: { kind: 'reject' } });
      return;
    }
    if (['accept', 'drop', 'return', 'continue'].includes(w)) {
      this.i++;
      this.steps.push({ kind: 'verdict', verdict: { kind: w as 'accept' } });
      return;
    }
    if (w === 'jump' || w === 'goto') {
      this.i++;
      this.steps.push({ kind: 'verdict', verdict: { kind: w, chain: this.next() } });
      return;
    }
    this.match();
  }

  private markSet(): void {
    let fromMark = false;
    if (this.peek() === 'mark') {
      fromMark = true;
      this.i++;
    } else if (this.peek() === 'meta' && this.peek(1) === 'mark') {
      fromMark = true;
      this.i += 2;
    }
    let op = '';
    let value = 0;
    if (fromMark && ['or', '|', 'and', '&', 'xor', '^'].includes(this.peek() ?? '')) {
      op = this.next();
      const v = parseValue('mark', this.next());
      if (!v) throw new RuleError('mark set needs a number');
      value = v[0];
    } else if (!fromMark) {
      const v = parseValue('mark', this.next());
      if (!v) throw new RuleError('mark set needs a number');
      value = v[0];
    }
    const apply =
      op === 'or' || op === '|'
        ? (m: number) => (m | value) >>> 0
        : op === 'and' || op === '&'
          ? (m: number) => (m & value) >>> 0
          : op === 'xor' || op === '^'
            ? (m: number) => (m ^ value) >>> 0
            : fromMark
              ? (m: number) => m
              : () => value;
    this.steps.push({
      kind: 'stmt',
      run: (r) => {
        r.p.mark = apply(r.p.mark);
        return `MARK set 0x${r.p.mark.toString(16)}`;
      },
    });
  }

  private setUpdate(): void {
    const ref = this.next();
    if (!ref.startsWith('@')) throw new RuleError(`expected @set after update/add, found "${ref}"`);
    const set = this.set(ref.slice(1));
    this.expect('{');
    const sels: Selector[] = [];
    for (;;) {
      const s = this.selector();
      if (!s) throw new RuleError(`unsupported key in update @${set.id}`);
      sels.push(s);
      if (this.peek() !== '.') break;
      this.i++;
    }
    let timeout = set.timeout;
    if (this.peek() === 'timeout') {
      this.i++;
      timeout = parseDuration(this.next()) ?? timeout;
    }
    this.expect('}');
    this.stateful = true;
    const name = ref.slice(1);
    this.steps.push({
      kind: 'stmt',
      run: (r) => {
        const key = sels.map((s) => s.get(r)).join(',');
        let live = r.state.get(set.id);
        if (!live) {
          live = new Map();
          r.state.set(set.id, live);
        }
        live.set(key, timeout > 0 ? r.e.now + timeout : Number.POSITIVE_INFINITY);
        return `update @${name}`;
      },
    });
  }

  private match(): void {
    const sels: Selector[] = [];
    for (;;) {
      const s = this.selector();
      if (!s) {
        // The rule may end right after a "." (e.g. "ip daddr ."): say so instead of reading past it.
        const tok = this.t[this.i];
        throw new RuleError(tok ? `"${tok.text}" is not modelled here` : 'the rule ends where a selector was expected');
      }
      sels.push(s);
      if (this.peek() !== '.') break;
      this.i++;
    }
    const types = sels.map((s) => s.type);
    const protoGuards = sels.flatMap((s) => (s.proto !== undefined ? [s.proto] : []));
    const key = (r: NftRun): number[] => sels.map((s) => s.get(r));
    const guard = (r: NftRun): boolean => protoGuards.every((p) => r.p.proto === p);
    if (this.peek() === 'vmap') {
      this.i++;
      const { lookup, verdicts } = this.vmapLookup(types);
      // The key is computed once per evaluation: numgen draws from the chooser each time.
      this.steps.push({ kind: 'vmap', key: (r) => (guard(r) ? key(r) : null), lookup, types, verdicts });
      return;
    }
    // mark and 0x4000 == 0 / meta mark & 0x4000 == 0x0
    let mask: number | null = null;
    let xorOp = false;
    if (['and', '&', 'or', '|', 'xor', '^'].includes(this.peek() ?? '')) {
      const op = this.next();
      const v = parseValue('mark', this.next());
      if (!v || !(op === 'and' || op === '&')) throw new RuleError(`"${op}" in a match is not modelled (only and/&)`);
      mask = v[0];
      xorOp = false;
    }
    let op = '==';
    if (['==', '!=', '<', '>', '<=', '>=', 'eq', 'ne'].includes(this.peek() ?? '')) op = this.next();
    const negate = op === '!=' || op === 'ne';
    if (op !== '==' && op !== '!=' && op !== 'eq' && op !== 'ne') throw new RuleError(`comparison "${op}" is not modelled`);
    const m = mask;
    const get = (r: NftRun): number[] => (m === null ? key(r) : key(r).map((x) => (x & m) >>> 0));
    if ((this.peek() ?? '').startsWith('@')) {
      const set = this.set((this.next() as string).slice(1));
      this.steps.push({ kind: 'match', test: (r) => guard(r) && (lookupSet(set, get(r), r) !== null) !== negate });
      return;
    }
    const elements = this.values(types);
    const bitwise = types.length === 1 && types[0] === 'ctstate';
    void xorOp;
    this.steps.push({
      kind: 'match',
      test: (r) => {
        if (!guard(r)) return false;
        const k = get(r);
        const hit = elements.some((el) => el.every(([lo, hi], i) => (bitwise ? ((k[i] as number) & lo) !== 0 : (k[i] as number) >= lo && (k[i] as number) <= hi)));
        return hit !== negate;
      },
    });
  }

  private vmapLookup(types: readonly ValueType[]): { lookup: (key: number[], r: NftRun) => NftVerdict | null; verdicts: () => readonly NftVerdict[] } {
    const ref = this.peek() ?? '';
    if (ref.startsWith('@')) {
      this.i++;
      const set = this.set(ref.slice(1));
      const lookup = (key: number[], r: NftRun): NftVerdict | null => {
        const v = lookupSet(set, key, r);
        return v === null || v === true ? null : v;
      };
      const verdicts = (): NftVerdict[] => [...set.exact.values(), ...set.ranges.map((x) => x.value)].filter((v): v is NftVerdict => v !== true);
      return { lookup, verdicts };
    }
    this.expect('{');
    const entries: { key: [number, number][]; verdict: NftVerdict }[] = [];
    let cur: string[] = [];
    const flush = (): void => {
      if (cur.length === 0) return;
      const colon = cur.indexOf(':');
      if (colon < 0) throw new RuleError(`vmap element "${cur.join(' ')}" has no ": verdict"`);
      const verdict = parseVerdict(cur.slice(colon + 1).join(' '));
      if (!verdict) throw new RuleError(`"${cur.slice(colon + 1).join(' ')}" is not a verdict`);
      const parts = cur.slice(0, colon).join(' ').split(' . ');
      if (parts.length !== types.length) throw new RuleError(`vmap key "${cur.slice(0, colon).join(' ')}" does not fit ${types.join(' . ')}`);
      const key = parts.map((w, k) => {
        const v = parseValue(types[k] as ValueType, w.trim());
        if (!v) throw new RuleError(`"${w}" is not a valid ${types[k]} value`);
        return v;
      });
      entries.push({ key, verdict });
      cur = [];
    };
    while (this.peek() !== '}') {
      const w = this.next();
      if (w === ',') flush();
      else cur.push(w);
    }
    this.i++;
    flush();
    const lookup = (key: number[]): NftVerdict | null => entries.find((en) => en.key.every(([lo, hi], i) => (key[i] as number) >= lo && (key[i] as number) <= hi))?.verdict ?? null;
    return { lookup, verdicts: () => entries.map((en) => en.verdict) };
  }
}

/** Compiles every table of a parsed ruleset. */
export function compileNft(rs: NftRuleset): CompiledNft {
  const problems: NftProblem[] = [...rs.problems];
  const sets = new Map<string, CompiledNftSet>();
  const chains = new Map<string, CompiledNftChain>();
  let stateful = false;
  const slots: SlotInfo[] = [];
  for (const table of rs.tables.values()) for (const set of table.sets.values()) sets.set(chainKey(table, set.name), compileSet(table, set, problems));
  for (const table of rs.tables.values()) {
    if (table.family !== 'ip' && table.family !== 'inet') {
      if (table.chains.size > 0) problems.push({ line: 0, text: `table ${table.family} ${table.name}`, message: `family ${table.family} is not walked (IPv4 packets see ip and inet tables)` });
      continue;
    }
    for (const chain of table.chains.values()) {
      const tableName = `${table.family} ${table.name}`;
      const rules = chain.rules.map((rule, index) => {
        const slot = slots.length;
        slots.push({ table: tableName, chain: chain.name, rule: index + 1, text: rule.text });
        const rc = new RuleCompiler(rule.tokens, table, sets);
        try {
          const steps = rc.compile();
          for (const s of steps) if (s.kind === 'verdict' && 'chain' in s.verdict && !table.chains.has(s.verdict.chain)) throw new RuleError(`no chain "${s.verdict.chain}"`);
          stateful ||= rc.stateful;
          return { slot, number: index + 1, text: rule.text, line: rule.line, steps, problem: null };
        } catch (err) {
          // Pasted text reaches here: a compiler slip on a malformed rule must become a problem
          // with its line, like any other rule the engine cannot read, never an exception.
          const message = err instanceof RuleError ? err.message : `the engine could not read this rule (${err instanceof Error ? err.message : String(err)})`;
          problems.push({ line: rule.line, text: rule.text, message });
          return { slot, number: index + 1, text: rule.text, line: rule.line, steps: [], problem: message };
        }
      });
      let policySlot = -1;
      if (chain.base) {
        policySlot = slots.length;
        slots.push({ table: tableName, chain: chain.name, rule: 0, text: `policy ${chain.base.policy}` });
      }
      chains.set(chainKey(table, chain.name), { table: tableName, name: chain.name, base: chain.base, rules, policySlot });
    }
  }
  const baseChains = [...chains.values()].filter((c) => c.base !== null);
  return { chains, baseChains, sets, stateful, slots, problems };
}

/** The key a chain is stored under (table "family name", chain name). */
export function nftChainKey(table: string, chain: string): string {
  return `${table}\u0000${chain}`;
}

export type { NftChain };
