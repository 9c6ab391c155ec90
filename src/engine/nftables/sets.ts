/**
 * Named sets and maps: their elements typed once at compile time (exact keys in a hash, ranges
 * and prefixes in a list), and lookups that also see the elements rules added at run time
 * (`update @set`), until they expire on the injected clock.
 */
import type { NftProblem, NftSet, NftTable } from './model';
import { objectKey, type CompiledNftSet, type NftRun, type NftVerdict } from './compiled';
import { parseValue, SET_KEY_TYPES, type Value, type ValueRange, type ValueType } from './values';

/** A verdict as a map element or a rule writes it ("accept", "goto chain"), or null. */
export function parseVerdict(text: string): NftVerdict | null {
  const m = /^(accept|drop|reject|return|continue)$/.exec(text) ?? null;
  if (m) return { kind: m[1] as 'accept' };
  const j = /^(jump|goto) (\S+)$/.exec(text);
  return j ? { kind: j[1] as 'jump', chain: j[2] as string } : null;
}

/** Compiles a set's elements (problems for elements that do not parse). */
export function compileSet(table: NftTable, set: NftSet, problems: NftProblem[]): CompiledNftSet {
  const types = set.keyTypes.map((t) => SET_KEY_TYPES[t]);
  const id = objectKey(table, set.name);
  const out: CompiledNftSet = {
    id,
    types: types.map((t) => t ?? 'number'),
    dynamic: set.flags.includes('dynamic') || set.flags.includes('timeout'),
    timeout: set.timeout,
    exact: new Map(),
    ranges: [],
  };
  if (types.some((t) => t === undefined)) {
    problems.push({
      line: set.line,
      text: `${set.kind} ${set.name} type ${set.keyTypes.join(' . ')}`,
      message: `key type not modelled (known: ${Object.keys(SET_KEY_TYPES).join(', ')})`,
    });
    return out;
  }
  for (const el of set.elements) {
    const key: ValueRange[] = [];
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
      problems.push({
        line: el.line,
        text: `${el.key.join(' . ')}${el.value !== null ? ` : ${el.value}` : ''}`,
        message: `element of ${set.name} does not fit its type ${set.keyTypes.join(' . ')}${set.dataType ? ` : ${set.dataType}` : ''}`,
      });
      continue;
    }
    if (key.every(([lo, hi]) => lo === hi)) out.exact.set(key.map(([lo]) => lo).join(','), value);
    else out.ranges.push({ key, value });
  }
  return out;
}

/** Whether a key part lies in [lo, hi]; a part of the other kind (IPv4 against IPv6) never does. */
export function inRange(v: Value, lo: Value, hi: Value): boolean {
  return typeof v === typeof lo && v >= lo && v <= hi;
}

/** Looks a key up in a set (static elements, then live dynamic ones). */
export function lookupSet(set: CompiledNftSet, key: readonly Value[], r: NftRun): NftVerdict | true | null {
  const k = key.join(',');
  const hit = set.exact.get(k);
  if (hit !== undefined) return hit;
  for (const el of set.ranges) if (el.key.every(([lo, hi], i) => inRange(key[i] as Value, lo, hi))) return el.value;
  if (set.dynamic) {
    const expires = r.state.get(set.id)?.get(k);
    if (expires !== undefined && expires > r.e.now) return true;
  }
  return null;
}
