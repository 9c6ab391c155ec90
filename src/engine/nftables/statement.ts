/**
 * Statements of a rule: what it does rather than what it tests — counter, comment and nftrace
 * (no effect here), log, mark set, set updates, NAT and verdicts. Each compiles to a step in
 * the rule's order, so a statement before a failing match never runs, as in the kernel.
 */
import { parseAddress } from '../netfilter/ip';
import { CtState } from '../netfilter/model';
import { parseDuration } from './duration';
import { RuleError, type RuleReader } from './ruleReader';
import { readSelector, type Selector } from './selector';
import type { Token } from './tokenize';
import { parseValue } from './values';

/** Reads one statement into the rule's steps; false (nothing read) when the next words are a match. */
export function readStatement(c: RuleReader): boolean {
  const w = c.peek() as string;
  const tok = c.t[c.i] as Token;
  if (tok.kind === 'string') throw new RuleError(`unexpected string "${w}"`);
  if (w === 'counter') {
    c.i++;
    while (c.peek() === 'packets' || c.peek() === 'bytes') c.i += 2;
    return true;
  }
  if (w === 'comment') {
    c.i += 2;
    return true;
  }
  if (w === 'log') {
    c.i++;
    while (['prefix', 'level', 'flags', 'group', 'snaplen', 'queue-threshold'].includes(c.peek() ?? '')) c.i += 2;
    c.steps.push({ kind: 'stmt', run: () => 'LOG' });
    return true;
  }
  if (w === 'notrack') {
    c.i++;
    c.steps.push({
      kind: 'stmt',
      run: (r) => {
        if (!r.beforeConntrack) return 'notrack does nothing here: conntrack has already seen the packet';
        r.p.ctstate = CtState.UNTRACKED;
        return 'NOTRACK (no conntrack entry, so no NAT)';
      },
    });
    return true;
  }
  if (w === 'meta' && c.peek(1) === 'nftrace') {
    c.i += 4;
    return true;
  }
  if ((w === 'mark' && c.peek(1) === 'set') || (w === 'meta' && c.peek(1) === 'mark' && c.peek(2) === 'set')) {
    c.i += w === 'mark' ? 2 : 3;
    markSet(c);
    return true;
  }
  if (w === 'update' || w === 'add') {
    c.i++;
    setUpdate(c);
    return true;
  }
  if (w === 'dnat' || w === 'snat') {
    c.i++;
    if (c.peek() === 'ip' || c.peek() === 'ip6') c.i++;
    c.expect('to');
    const target = c.next();
    const m = /^(\d+\.\d+\.\d+\.\d+)(?::(\d+))?$/.exec(target) ?? /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(target);
    const addr = m ? parseAddress(m[1] as string) : null;
    if (!m || addr === null)
      throw new RuleError(`${w} to "${target}" is not modelled (only an address with an optional port)`);
    let randomPort = false;
    while (['random', 'fully-random', 'persistent', ','].includes(c.peek() ?? ''))
      randomPort ||= ['random', 'fully-random'].includes(c.next());
    if (c.peek() !== undefined && !['comment', 'counter'].includes(c.peek() as string))
      throw new RuleError(`${w} option "${c.peek()}" is not modelled`);
    const port = m[2] ? Number(m[2]) : null;
    c.steps.push({
      kind: 'nat',
      nat: w,
      addr,
      port,
      randomPort: w === 'snat' && randomPort,
    });
    return true;
  }
  if (w === 'masquerade') {
    c.i++;
    let randomPort = false;
    while (['random', 'fully-random', 'persistent', ','].includes(c.peek() ?? ''))
      randomPort ||= ['random', 'fully-random'].includes(c.next());
    if (c.peek() === 'to') throw new RuleError('masquerade to :ports is not modelled');
    c.steps.push({ kind: 'nat', nat: 'masquerade', addr: null, port: null, randomPort });
    return true;
  }
  if (w === 'reject') {
    c.i++;
    if (c.peek() === 'with') c.i += c.peek(1) === 'tcp' ? 3 : 4;
    c.steps.push({ kind: 'verdict', verdict: { kind: 'reject' } });
    return true;
  }
  if (['accept', 'drop', 'return', 'continue'].includes(w)) {
    c.i++;
    c.steps.push({ kind: 'verdict', verdict: { kind: w as 'accept' } });
    return true;
  }
  if (w === 'jump' || w === 'goto') {
    c.i++;
    c.steps.push({ kind: 'verdict', verdict: { kind: w, chain: c.next() } });
    return true;
  }
  return false;
}

/** `mark set V`, `mark set mark or|and|xor V` (after "mark set" / "meta mark set"). */
function markSet(c: RuleReader): void {
  let fromMark = false;
  if (c.peek() === 'mark') {
    fromMark = true;
    c.i++;
  } else if (c.peek() === 'meta' && c.peek(1) === 'mark') {
    fromMark = true;
    c.i += 2;
  }
  let op = '';
  let value = 0;
  if (fromMark && ['or', '|', 'and', '&', 'xor', '^'].includes(c.peek() ?? '')) {
    op = c.next();
    const v = parseValue('mark', c.next());
    if (!v) throw new RuleError('mark set needs a number');
    value = v[0] as number;
  } else if (!fromMark) {
    const v = parseValue('mark', c.next());
    if (!v) throw new RuleError('mark set needs a number');
    value = v[0] as number;
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
  c.steps.push({
    kind: 'stmt',
    run: (r) => {
      r.p.mark = apply(r.p.mark);
      return `MARK set 0x${r.p.mark.toString(16)}`;
    },
  });
}

/** `update|add @set { selector [. selector] [timeout T] }` (after "update"/"add"). */
function setUpdate(c: RuleReader): void {
  const ref = c.next();
  if (!ref.startsWith('@')) throw new RuleError(`expected @set after update/add, found "${ref}"`);
  const set = c.set(ref.slice(1));
  c.expect('{');
  const sels: Selector[] = [];
  for (;;) {
    const s = readSelector(c);
    if (!s) throw new RuleError(`unsupported key in update @${set.id}`);
    sels.push(s);
    if (c.peek() !== '.') break;
    c.i++;
  }
  let timeout = set.timeout;
  if (c.peek() === 'timeout') {
    c.i++;
    timeout = parseDuration(c.next()) ?? timeout;
  }
  c.expect('}');
  c.stateful = true;
  const name = ref.slice(1);
  c.steps.push({
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
