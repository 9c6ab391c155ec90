/**
 * Matches: a selector (or a concatenation "a . b") compared with values, a set (`@name`) or
 * looked up in a verdict map (`vmap`). A failing match ends the rule; a vmap miss does too.
 * Values are typed by the selectors' types, so "10.0.0.0/8" and "80-90" are ranges like any key.
 */
import type { NftRun, NftVerdict } from './compiled';
import { RuleError, type RuleReader } from './ruleReader';
import { readSelector, type Selector } from './selector';
import { inRange, lookupSet, parseVerdict } from './sets';
import { parseValue, type Value, type ValueRange, type ValueType } from './values';

/** Reads one match (selectors, an optional mask and comparison, then values, a set or a vmap). */
export function readMatch(c: RuleReader): void {
  const sels: Selector[] = [];
  for (;;) {
    const s = readSelector(c);
    if (!s) {
      // The rule may end right after a "." (e.g. "ip daddr ."): say so instead of reading past it.
      const tok = c.t[c.i];
      throw new RuleError(tok ? `"${tok.text}" is not modelled here` : 'the rule ends where a selector was expected');
    }
    sels.push(s);
    if (c.peek() !== '.') break;
    c.i++;
  }
  const types = sels.map((s) => s.type);
  const protoGuards = sels.flatMap((s) => (s.proto !== undefined ? [s.proto] : []));
  const key = (r: NftRun): Value[] => sels.map((s) => s.get(r));
  // `ip daddr` sees only IPv4 packets and `ip6 daddr` only IPv6 ones (in an inet table both
  // pass by), and a negated match does not change that: nft adds an implicit nfproto check.
  const families = sels.flatMap((s) => (s.family !== undefined ? [s.family] : []));
  const guard = (r: NftRun): boolean =>
    protoGuards.every((p) => r.p.proto === p) && families.every((f) => (f === 4) === (typeof r.p.src === 'number'));
  if (c.peek() === 'vmap') {
    c.i++;
    const { lookup, verdicts } = vmapLookup(c, types);
    // The key is computed once per evaluation: numgen draws from the chooser each time.
    c.steps.push({ kind: 'vmap', key: (r) => (guard(r) ? key(r) : null), lookup, types, verdicts });
    return;
  }
  // mark and 0x4000 == 0 / meta mark & 0x4000 == 0x0
  let mask: number | null = null;
  if (['and', '&', 'or', '|', 'xor', '^'].includes(c.peek() ?? '')) {
    const op = c.next();
    const v = parseValue('mark', c.next());
    if (!v || !(op === 'and' || op === '&')) throw new RuleError(`"${op}" in a match is not modelled (only and/&)`);
    mask = v[0] as number;
  }
  let op = '==';
  if (['==', '!=', '<', '>', '<=', '>=', 'eq', 'ne'].includes(c.peek() ?? '')) op = c.next();
  const negate = op === '!=' || op === 'ne';
  if (op !== '==' && op !== '!=' && op !== 'eq' && op !== 'ne')
    throw new RuleError(`comparison "${op}" is not modelled`);
  const m = mask;
  const get = (r: NftRun): Value[] => (m === null ? key(r) : key(r).map((x) => ((x as number) & m) >>> 0));
  if ((c.peek() ?? '').startsWith('@')) {
    const set = c.set((c.next() as string).slice(1));
    c.steps.push({ kind: 'match', test: (r) => guard(r) && (lookupSet(set, get(r), r) !== null) !== negate });
    return;
  }
  const elements = values(c, types);
  const bitwise = types.length === 1 && types[0] === 'ctstate';
  c.steps.push({
    kind: 'match',
    test: (r) => {
      if (!guard(r)) return false;
      const k = get(r);
      const hit = elements.some((el) =>
        el.every(([lo, hi], i) =>
          bitwise ? ((k[i] as number) & (lo as number)) !== 0 : inRange(k[i] as Value, lo, hi),
        ),
      );
      return hit !== negate;
    },
  });
}

/** Values "{ a, b . c }" or a single value, typed by the concatenation's types. */
function values(c: RuleReader, types: readonly ValueType[]): ValueRange[][] {
  const parts: string[][] = [];
  if (c.peek() === '{') {
    c.i++;
    let cur: string[] = [];
    while (c.peek() !== '}') {
      const w = c.next();
      if (w === ',') {
        parts.push(cur);
        cur = [];
      } else cur.push(w);
    }
    c.i++;
    if (cur.length > 0) parts.push(cur);
  } else {
    const cur = [c.next()];
    while (c.peek() === '.') {
      c.i++;
      cur.push(c.next());
    }
    // ct state new,established
    while (types[0] === 'ctstate' && c.peek() === ',') {
      c.i++;
      parts.push([c.next()]);
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

/** A named (`@map`) or inline (`{ key : verdict, … }`) verdict map, after "vmap". */
function vmapLookup(
  c: RuleReader,
  types: readonly ValueType[],
): { lookup: (key: Value[], r: NftRun) => NftVerdict | null; verdicts: () => readonly NftVerdict[] } {
  const ref = c.peek() ?? '';
  if (ref.startsWith('@')) {
    c.i++;
    const set = c.set(ref.slice(1));
    const lookup = (key: Value[], r: NftRun): NftVerdict | null => {
      const v = lookupSet(set, key, r);
      return v === null || v === true ? null : v;
    };
    const verdicts = (): NftVerdict[] =>
      [...set.exact.values(), ...set.ranges.map((x) => x.value)].filter((v): v is NftVerdict => v !== true);
    return { lookup, verdicts };
  }
  c.expect('{');
  const entries: { key: ValueRange[]; verdict: NftVerdict }[] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const colon = cur.indexOf(':');
    if (colon < 0) throw new RuleError(`vmap element "${cur.join(' ')}" has no ": verdict"`);
    const verdict = parseVerdict(cur.slice(colon + 1).join(' '));
    if (!verdict) throw new RuleError(`"${cur.slice(colon + 1).join(' ')}" is not a verdict`);
    const parts = cur.slice(0, colon).join(' ').split(' . ');
    if (parts.length !== types.length)
      throw new RuleError(`vmap key "${cur.slice(0, colon).join(' ')}" does not fit ${types.join(' . ')}`);
    const key = parts.map((w, k) => {
      const v = parseValue(types[k] as ValueType, w.trim());
      if (!v) throw new RuleError(`"${w}" is not a valid ${types[k]} value`);
      return v;
    });
    entries.push({ key, verdict });
    cur = [];
  };
  while (c.peek() !== '}') {
    const w = c.next();
    if (w === ',') flush();
    else cur.push(w);
  }
  c.i++;
  flush();
  const lookup = (key: Value[]): NftVerdict | null =>
    entries.find((en) => en.key.every(([lo, hi], i) => inRange(key[i] as Value, lo, hi)))?.verdict ?? null;
  return { lookup, verdicts: () => entries.map((en) => en.verdict) };
}
