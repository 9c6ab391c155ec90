/**
 * Parses iptables-save / iptables-restore text: `*table` … `COMMIT` sections with `:CHAIN
 * POLICY [pkts:bytes]` declarations and `-A/-I/-N/-X/-F/-P/-Z` commands, optional rule
 * counters (`[pkts:bytes] -A …` or `-c pkts bytes`), and `#` comments. Whatever it cannot
 * honour becomes a Problem with its line number; it never throws and never loops.
 */
import { BUILTIN_CHAINS, type Chain, type Counters, type Problem, type Rule, type Ruleset, type Table } from './model';
import { parseRuleWords } from './parse-rule';
import { tokenize } from './tokenize';
import { findJumpCycles } from './cycles';

interface DraftChain {
  name: string;
  policy: 'ACCEPT' | 'DROP' | null;
  counters: Counters | null;
  line: number;
  rules: DraftRule[];
}

interface DraftRule {
  line: number;
  text: string;
  words: string[];
  quoted: boolean[];
  counters: Counters | null;
}

interface Section {
  name: string;
  line: number;
  chains: Map<string, DraftChain>;
  lines: { line: number; text: string; words: string[]; quoted: boolean[]; counters: Counters | null }[];
}

const COUNTERS = /^\[(\d+):(\d+)\]$/;
// Longest line we look at; longer ones are reported, so a pasted blob cannot stall the page.
const MAX_LINE = 65536;

/** Parses a whole dump into tables, chains and rules, with problems for what it could not use. */
export function parseIptablesSave(text: string): Ruleset {
  const problems: Problem[] = [];
  const tables = new Map<string, Table>();
  const problem = (line: number, lineText: string, message: string, level: 'error' | 'note' = 'error'): void => {
    problems.push({ line, text: lineText.length > 200 ? `${lineText.slice(0, 200)}…` : lineText, message, level });
  };
  let section: Section | null = null;
  let skipping = false;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = (lines[n] as string).replace(/\r$/, '');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (raw.length > MAX_LINE) {
      problem(lineNo, raw, `line is longer than ${MAX_LINE} characters`);
      continue;
    }
    if (trimmed.startsWith('*')) {
      if (section) {
        problem(section.line, `*${section.name}`, `table ${section.name} has no COMMIT before line ${lineNo}`);
        finishSection(section, tables, problems);
      }
      const name = trimmed.slice(1);
      section = BUILTIN_CHAINS[name] ? { name, line: lineNo, chains: new Map(), lines: [] } : null;
      skipping = !section;
      if (!section) problem(lineNo, raw, `unknown table "${name}"; its lines are skipped`);
      continue;
    }
    if (trimmed === 'COMMIT') {
      if (section) finishSection(section, tables, problems);
      else if (!skipping) problem(lineNo, raw, 'COMMIT outside a table');
      section = null;
      skipping = false;
      continue;
    }
    if (!section) {
      // Lines of an unknown table were already reported with it.
      if (!skipping) problem(lineNo, raw, 'line outside any *table section');
      continue;
    }
    let body = trimmed;
    let counters: Counters | null = null;
    const prefix = /^(\[\d+:\d+\])\s+/.exec(body);
    if (prefix) {
      counters = parseCounters(prefix[1] as string);
      body = body.slice(prefix[0].length);
    }
    if (body.startsWith(':')) {
      declareChain(section, body, lineNo, raw, problem);
      continue;
    }
    const tokens = tokenize(body);
    if ('error' in tokens) {
      problem(lineNo, raw, tokens.error);
      continue;
    }
    section.lines.push({ line: lineNo, text: body, words: tokens.words, quoted: tokens.quoted, counters });
  }
  if (section) {
    problem(section.line, `*${section.name}`, `table ${section.name} has no COMMIT at the end of the dump`);
    finishSection(section, tables, problems);
  }
  return { tables, problems };
}

function parseCounters(text: string): Counters | null {
  const m = COUNTERS.exec(text);
  return m ? { packets: Number(m[1]), bytes: Number(m[2]) } : null;
}

type Report = (line: number, text: string, message: string, level?: 'error' | 'note') => void;

function declareChain(section: Section, body: string, lineNo: number, raw: string, problem: Report): void {
  const [nameWithColon, policy, counterText, ...rest] = body.split(/\s+/);
  const name = (nameWithColon ?? '').slice(1);
  if (!/^[^\s!-][^\s]{0,28}$/.test(name)) {
    problem(lineNo, raw, `bad chain name "${name}"`);
    return;
  }
  if (rest.length > 0) problem(lineNo, raw, 'extra words after the chain declaration', 'note');
  if (section.chains.has(name)) {
    problem(lineNo, raw, `chain ${name} is declared twice`);
    return;
  }
  const builtin = BUILTIN_CHAINS[section.name]?.includes(name) ?? false;
  let chainPolicy: 'ACCEPT' | 'DROP' | null = null;
  if (builtin) {
    if (policy !== 'ACCEPT' && policy !== 'DROP') {
      problem(lineNo, raw, `built-in chain ${name} needs policy ACCEPT or DROP, not "${policy ?? ''}"; ACCEPT assumed by the kernel default`);
    } else chainPolicy = policy;
  } else if (policy !== '-' && policy !== undefined) {
    problem(lineNo, raw, `user chain ${name} cannot have a policy ("${policy}")`);
  }
  const counters = counterText === undefined ? null : parseCounters(counterText);
  if (counterText !== undefined && !counters) problem(lineNo, raw, `bad chain counters "${counterText}"`, 'note');
  section.chains.set(name, { name, policy: builtin ? (chainPolicy ?? 'ACCEPT') : null, counters, line: lineNo, rules: [] });
}

/** Runs a section's commands in order, then freezes its chains and rules. */
function finishSection(section: Section, tables: Map<string, Table>, problems: Problem[]): void {
  const report = (line: number, text: string, message: string, level: 'error' | 'note' = 'error'): void => {
    problems.push({ line, text: text.length > 200 ? `${text.slice(0, 200)}…` : text, message, level });
  };
  const builtins = BUILTIN_CHAINS[section.name] ?? [];
  const chainOf = (name: string): DraftChain | undefined => {
    let c = section.chains.get(name);
    if (!c && builtins.includes(name)) {
      // Built-in chains exist even when the dump never declares them (kube-proxy's restore
      // input does not); their policy is the kernel default, ACCEPT.
      c = { name, policy: 'ACCEPT', counters: null, line: 0, rules: [] };
      section.chains.set(name, c);
    }
    return c;
  };
  for (const entry of section.lines) {
    const { words, line, text } = entry;
    const command = words[0] ?? '';
    const chainName = words[1];
    if (command === '-N' || command === '--new-chain') {
      if (!chainName) report(line, text, '-N needs a chain name');
      else if (section.chains.has(chainName)) report(line, text, `chain ${chainName} already exists`);
      else section.chains.set(chainName, { name: chainName, policy: null, counters: null, line, rules: [] });
      continue;
    }
    if (command === '-A' || command === '--append' || command === '-I' || command === '--insert') {
      const chain = chainName === undefined ? undefined : chainOf(chainName);
      if (!chain) {
        report(line, text, chainName ? `chain ${chainName} does not exist in table ${section.name}` : `${command} needs a chain`);
        continue;
      }
      let rest = words.slice(2);
      let restQuoted = entry.quoted.slice(2);
      let at = chain.rules.length;
      if (command === '-I' || command === '--insert') {
        at = 0;
        if (/^\d+$/.test(rest[0] ?? '')) {
          const n = Number(rest[0]);
          if (n < 1 || n > chain.rules.length + 1) {
            report(line, text, `cannot insert at position ${n} of ${chain.name} (it has ${chain.rules.length} rules)`);
            continue;
          }
          at = n - 1;
          rest = rest.slice(1);
          restQuoted = restQuoted.slice(1);
        }
      }
      chain.rules.splice(at, 0, { line, text, words: rest, quoted: restQuoted, counters: entry.counters });
      continue;
    }
    if (command === '-X' || command === '--delete-chain') {
      const targets = chainName ? [chainName] : [...section.chains.keys()].filter((c) => !builtins.includes(c));
      for (const name of targets) {
        const c = section.chains.get(name);
        if (!c) report(line, text, `cannot delete chain ${name}: it does not exist`);
        else if (builtins.includes(name)) report(line, text, `cannot delete built-in chain ${name}`);
        else if (c.rules.length > 0) report(line, text, `cannot delete chain ${name}: it is not empty`);
        else section.chains.delete(name);
      }
      continue;
    }
    if (command === '-F' || command === '--flush') {
      const targets = chainName ? [section.chains.get(chainName)] : [...section.chains.values()];
      if (chainName && !targets[0]) report(line, text, `cannot flush chain ${chainName}: it does not exist`);
      for (const c of targets) if (c) c.rules.length = 0;
      continue;
    }
    if (command === '-P' || command === '--policy') {
      const policy = words[2];
      const c = chainName && builtins.includes(chainName) ? chainOf(chainName) : undefined;
      if (!c) report(line, text, `-P needs a built-in chain of table ${section.name}`);
      else if (policy !== 'ACCEPT' && policy !== 'DROP') report(line, text, `policy must be ACCEPT or DROP, not "${policy ?? ''}"`);
      else c.policy = policy;
      continue;
    }
    if (command === '-Z' || command === '--zero') continue;
    report(line, text, `unsupported command "${command}"`);
  }
  // Only now is the set of chains final, so a jump to a deleted chain is caught.
  const exists = (name: string): boolean => section.chains.has(name) || builtins.includes(name);
  const parsedChains = [...section.chains.values()].map((draft) => ({
    draft,
    parsed: draft.rules.map((r) => parseRuleWords(r.words, r.quoted, (name) => exists(name) && !builtins.includes(name))),
  }));
  // A jump loop would hang the walk (the kernel refuses to load one); the rules closing a
  // loop are marked unsupported so a walk that reaches them stops with the reason.
  const loops = findJumpCycles(
    parsedChains.map(({ draft, parsed }) => ({
      name: draft.name,
      targets: parsed.map((p) => (p.spec.target?.kind === 'jump' || p.spec.target?.kind === 'goto' ? p.spec.target.chain : null)),
    })),
  );
  const chains = new Map<string, Chain>();
  for (const { draft, parsed } of parsedChains) {
    const rules: Rule[] = draft.rules.map((r, index) => {
      const p = parsed[index] as (typeof parsed)[number];
      const loop = loops.get(`${draft.name}\u0000${index}`);
      const unsupported = p.unsupported ?? (loop ? `jump loop: ${loop}` : null);
      if (unsupported) report(r.line, r.text, unsupported);
      return {
        number: index + 1,
        line: r.line,
        text: r.text,
        parts: p.parts,
        counters: r.counters ?? p.counters,
        spec: p.spec,
        unsupported,
      };
    });
    chains.set(draft.name, { name: draft.name, policy: draft.policy, counters: draft.counters, line: draft.line, rules });
  }
  if ((section.name === 'raw' || section.name === 'mangle' || section.name === 'security') && [...chains.values()].some((c) => c.rules.length > 0)) {
    report(section.line, `*${section.name}`, `table ${section.name} is parsed but not walked (only nat and filter decide where a connection goes)`, 'note');
  }
  if (tables.has(section.name)) report(section.line, `*${section.name}`, `table ${section.name} appears twice; the later one is used`);
  tables.set(section.name, { name: section.name, chains });
}
