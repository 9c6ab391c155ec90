/**
 * Turns the words of one `-A CHAIN …` line into rule parts (as written) and a typed meaning.
 * Basic IP matches come first in the kernel regardless of where they are written, then the
 * `-m` matches in order, then the target — the meaning keeps that order.
 */
import { parsePrefix } from './ip';
import { MATCH_MODULES, type OptionDef } from './matches';
import type {
  AddressSpec,
  Counters,
  InterfaceSpec,
  MatchSpec,
  OptionWords,
  RulePart,
  RuleSpec,
  TargetSpec,
} from './model';
import { TARGETS } from './targets';
import { parseCount, parseProtocol } from './values';

/** What one rule line parsed into: its parts, meaning and, if any, the first thing not understood. */
export interface ParsedRule {
  readonly parts: RulePart[];
  readonly counters: Counters | null;
  readonly spec: RuleSpec;
  readonly unsupported: string | null;
}

const BASIC: Readonly<Record<string, string>> = {
  '-s': '-s',
  '--source': '-s',
  '--src': '-s',
  '-d': '-d',
  '--destination': '-d',
  '--dst': '-d',
  '-i': '-i',
  '--in-interface': '-i',
  '-o': '-o',
  '--out-interface': '-o',
  '-p': '-p',
  '--protocol': '-p',
};
const MATCH_FLAGS = new Set(['-m', '--match']);
const NOTHING_QUOTED: readonly boolean[] = [];
const TARGET_FLAGS: Readonly<Record<string, '-j' | '-g'>> = { '-j': '-j', '--jump': '-j', '-g': '-g', '--goto': '-g' };
// Implicit protocol matches: `-p tcp --dport 80` loads the tcp match without `-m tcp`.
const IMPLICIT: Readonly<Record<number, string>> = { 6: 'tcp', 17: 'udp', 132: 'sctp', 1: 'icmp', 58: 'icmp6' };

interface Owner {
  /** Index of the owning match/target part. */
  index: number;
  defs: Readonly<Record<string, OptionDef>> | null;
  isTarget: boolean;
}

/**
 * Parses rule words (everything after the chain name). `isChain` says whether a -j/-g name is
 * a user chain of the same table. Never throws: what is not understood ends up in `unsupported`.
 */
export function parseRuleWords(
  words: readonly string[],
  quoted: readonly boolean[],
  isChain: (name: string) => boolean,
): ParsedRule {
  const parts: RulePart[] = [];
  const matches: Owner[] = [];
  let target: Owner | null = null;
  let counters: Counters | null = null;
  let unsupported: string | null = null;
  let protocolNumber = -1;
  let i = 0;
  let negate = false;
  while (i < words.length) {
    const word = words[i] as string;
    if (word === '!') {
      if (negate) unsupported ??= '"!" given twice';
      negate = true;
      i++;
      continue;
    }
    const basic = BASIC[word];
    if (basic) {
      let negated = negate;
      let at = i + 1;
      // Old syntax "-s ! 10.0.0.0/8" (iptables < 1.4.3, still in old dumps).
      if (words[at] === '!') {
        negated = !negated;
        at++;
      }
      const value = words[at];
      if (value === undefined) {
        unsupported ??= `${word} needs a value`;
        break;
      }
      parts.push({ kind: 'basic', flag: basic, negated, value, quoted: quoted[at] ?? false });
      if (basic === '-p') {
        const p = parseProtocol(value);
        protocolNumber = p.ok && !negated ? p.value : -1;
      }
      negate = false;
      i = at + 1;
      continue;
    }
    if (word === '-f' || word === '--fragment') {
      parts.push({ kind: 'basic', flag: '-f', negated: negate, value: '', quoted: false });
      negate = false;
      i++;
      continue;
    }
    if (word === '-c' || word === '--set-counters') {
      const p = parseCount(words[i + 1] ?? '', 'packet counter');
      const b = parseCount(words[i + 2] ?? '', 'byte counter');
      if (p.ok && b.ok) counters = { packets: p.value, bytes: b.value };
      else unsupported ??= `${word} needs two counters`;
      i += 3;
      continue;
    }
    if (MATCH_FLAGS.has(word)) {
      const module = words[i + 1];
      if (module === undefined) {
        unsupported ??= '-m needs a module name';
        break;
      }
      const def = MATCH_MODULES[module];
      if (!def) unsupported ??= `match module "-m ${module}" is not supported`;
      if (negate) unsupported ??= `"!" before -m ${module}`;
      matches.push({ index: parts.length, defs: def?.options ?? null, isTarget: false });
      parts.push({ kind: 'match', module, implicit: false });
      negate = false;
      i += 2;
      continue;
    }
    const tflag = TARGET_FLAGS[word];
    if (tflag) {
      const name = words[i + 1];
      if (name === undefined) {
        unsupported ??= `${word} needs a target`;
        break;
      }
      if (target) unsupported ??= 'more than one target';
      const def = TARGETS[name];
      target = { index: parts.length, defs: def?.options ?? null, isTarget: true };
      parts.push({ kind: 'target', flag: tflag, name });
      if (!def && !isChain(name))
        unsupported ??= `target "${name}" is neither a supported target nor a chain of this table`;
      negate = false;
      i += 2;
      continue;
    }
    if (!word.startsWith('-')) {
      unsupported ??= `unexpected word "${word}"`;
      i++;
      continue;
    }
    // An extension option: the target's (they follow -j), else the most recently loaded match
    // that knows it, else the protocol's implicit match.
    let owner: Owner | null = target?.defs?.[word] ? target : null;
    for (let k = matches.length - 1; k >= 0 && !owner; k--) if (matches[k]?.defs?.[word]) owner = matches[k] as Owner;
    if (!owner) {
      const implicit = IMPLICIT[protocolNumber];
      const idef = implicit ? MATCH_MODULES[implicit] : undefined;
      if (
        implicit &&
        idef?.options[word] &&
        !matches.some((m) => (parts[m.index] as { module?: string }).module === implicit)
      ) {
        owner = { index: parts.length, defs: idef.options, isTarget: false };
        matches.push(owner);
        parts.push({ kind: 'match', module: implicit, implicit: true });
      }
    }
    const def = owner?.defs?.[word];
    if (!owner || !def) {
      // Unknown option (maybe of an unsupported module): keep its words up to the next flag.
      const fallback = target ?? matches[matches.length - 1] ?? null;
      const start = i + 1;
      let end = start;
      while (end < words.length && !isStructural(words[end] as string, words[end + 1])) end++;
      parts.push({
        kind: 'option',
        owner: fallback ? fallback.index : -1,
        name: word,
        negated: negate,
        args: words.slice(start, end),
        quoted: quoted.slice(start, end),
      });
      // An unsupported module already explained itself; otherwise name the option.
      if (!fallback || fallback.defs) unsupported ??= `option "${word}" is not supported here`;
      negate = false;
      i = end;
      continue;
    }
    let negated = negate;
    let at = i + 1;
    // Old syntax "--dport ! 80".
    if (def.arity > 0 && words[at] === '!') {
      negated = !negated;
      at++;
    }
    const args = words.slice(at, at + def.arity);
    if (args.length < def.arity) unsupported ??= `${word} needs ${def.arity} value${def.arity > 1 ? 's' : ''}`;
    if (negated && !def.negatable) unsupported ??= `${word} cannot be negated`;
    parts.push({
      kind: 'option',
      owner: owner.index,
      name: word,
      negated,
      args,
      quoted: quoted.length === 0 ? NOTHING_QUOTED : quoted.slice(at, at + def.arity),
    });
    negate = false;
    i = at + def.arity;
  }
  if (negate) unsupported ??= '"!" at the end of the rule';
  const built = buildSpec(parts, isChain);
  return { parts, counters, spec: built.spec, unsupported: unsupported ?? built.unsupported };
}

function isStructural(word: string, next: string | undefined): boolean {
  if (word === '!') return next !== undefined && isStructural(next, undefined);
  return !!BASIC[word] || MATCH_FLAGS.has(word) || !!TARGET_FLAGS[word] || word === '-c' || word === '-f';
}

/** The options of the match or target at `index`, as builders read them (the parts themselves). */
export function optionsOf(parts: readonly RulePart[], index: number): OptionWords[] {
  const out: OptionWords[] = [];
  for (const p of parts) if (p.kind === 'option' && p.owner === index) out.push(p);
  return out;
}

/** Builds the typed meaning of the parts; stops at the first part it cannot honour. */
function buildSpec(
  parts: readonly RulePart[],
  isChain: (name: string) => boolean,
): { spec: RuleSpec; unsupported: string | null } {
  let src: AddressSpec | null = null;
  let dst: AddressSpec | null = null;
  let inInterface: InterfaceSpec | null = null;
  let outInterface: InterfaceSpec | null = null;
  let protocol: RuleSpec['protocol'] = null;
  let fragment: RuleSpec['fragment'] = null;
  const matches: MatchSpec[] = [];
  let target: TargetSpec | null = null;
  // Set at the first part that cannot be honoured; the meaning keeps what came before it.
  let stop: string | null = null;

  // Basic matches first: the kernel tests the IP header (ip_packet_match) before any -m match.
  for (const part of parts) {
    if (part.kind !== 'basic') continue;
    if (part.flag === '-s' || part.flag === '-d') {
      const prefix = parsePrefix(part.value);
      // The header matches parsed so far still rule packets out; one that passes them stops.
      if (!prefix) {
        stop = `${part.flag} "${part.value}" is not an IPv4 or IPv6 address or prefix (host names are not resolved)`;
        break;
      }
      if (part.flag === '-s') src = { prefix, negated: part.negated };
      else dst = { prefix, negated: part.negated };
    } else if (part.flag === '-i' || part.flag === '-o') {
      const wildcard = part.value.endsWith('+');
      const iface = { name: wildcard ? part.value.slice(0, -1) : part.value, wildcard, negated: part.negated };
      if (part.flag === '-i') inInterface = iface;
      else outInterface = iface;
    } else if (part.flag === '-p') {
      const p = parseProtocol(part.value);
      if (!p.ok) {
        stop = p.error;
        break;
      }
      protocol = { number: p.value, negated: part.negated };
    } else if (part.flag === '-f') {
      fragment = { negated: part.negated };
    }
  }
  for (let index = 0; stop === null && index < parts.length; index++) {
    const part = parts[index] as RulePart;
    if (part.kind === 'option' && part.owner === -1) stop = `option ${part.name} outside any match`;
    else if (part.kind === 'match') {
      const module = MATCH_MODULES[part.module];
      const m = module ? module.build(optionsOf(parts, index)) : null;
      if (!m) stop = `match module "-m ${part.module}" is not supported`;
      else if (!m.ok) stop = `-m ${part.module}: ${m.error}`;
      else if (m.value.kind === 'l4' && (protocol?.number !== m.value.protocol || protocol.negated)) {
        // iptables refuses "-m tcp" without "-p tcp"; such a dump cannot have been loaded.
        stop = `-m ${part.module} needs "-p ${part.module}"`;
      } else matches.push(m.value);
    } else if (part.kind === 'target') {
      const module = TARGETS[part.name];
      if (!module) {
        if (optionsOf(parts, index).length > 0) stop = `options after -j ${part.name}`;
        else if (!isChain(part.name))
          stop = `target "${part.name}" is neither a supported target nor a chain of this table`;
        else target = { kind: part.flag === '-g' ? 'goto' : 'jump', chain: part.name };
      } else if (part.flag === '-g') stop = `-g needs a chain, "${part.name}" is a target`;
      else {
        const t = module.build(optionsOf(parts, index));
        if (t.ok) target = t.value;
        else stop = `-j ${part.name}: ${t.error}`;
      }
    }
  }
  return { spec: { src, dst, inInterface, outInterface, protocol, fragment, matches, target }, unsupported: stop };
}
