/**
 * Parses iptables-save / iptables-restore text: `*table` … `COMMIT` sections with `:CHAIN
 * POLICY [pkts:bytes]` declarations and `-A/-I/-N/-X/-F/-P/-Z` commands, optional rule
 * counters (`[pkts:bytes] -A …` or `-c pkts bytes`), and `#` comments. Whatever it cannot
 * honour becomes a Problem with its line number; it never throws and never loops.
 */
import { rulesetFamily } from './family';
import {
  BUILTIN_CHAINS,
  type Chain,
  type Counters,
  type Problem,
  type Rule,
  type RulePart,
  type RuleSpec,
  type Ruleset,
  type Table,
} from './model';
import { parseRuleWords } from './parse-rule';
import { tokenize } from './tokenize';
import { findJumpCycles } from './cycles';

interface DraftChain {
  name: string;
  policy: 'ACCEPT' | 'DROP' | null;
  counters: Counters | null;
  line: number;
  rules: ParsedRule[];
}

interface Section {
  name: string;
  line: number;
  chains: Map<string, DraftChain>;
  /** Commands in dump order, kept as text until the section is complete. */
  lines: { line: number; text: string; counters: Counters | null }[];
}

/**
 * A rule as stored: its meaning is kept, its written parts are derived again from the text
 * when asked (rendering), so a 100,000-rule dump does not keep a million small objects alive.
 */
class ParsedRule implements Rule {
  number = 0;
  constructor(
    readonly line: number,
    readonly text: string,
    readonly counters: Counters | null,
    readonly spec: RuleSpec,
    public unsupported: string | null,
  ) {}

  get parts(): readonly RulePart[] {
    const t = tokenize(this.text);
    if ('error' in t) return [];
    const start = (t.words[0] === '-I' || t.words[0] === '--insert') && /^\d+$/.test(t.words[2] ?? '') ? 3 : 2;
    return parseRuleWords(t.words.slice(start), t.quoted.slice(start), () => true).parts;
  }
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
    const line = lines[n] as string;
    const raw = line.endsWith('\r') ? line.slice(0, -1) : line;
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
    const prefix = body.charCodeAt(0) === 91 ? /^(\[\d+:\d+\])\s+/.exec(body) : null;
    if (prefix) {
      counters = parseCounters(prefix[1] as string);
      body = body.slice(prefix[0].length);
    }
    if (body.startsWith(':')) {
      declareChain(section, body, lineNo, raw, problem);
      continue;
    }
    section.lines.push({ line: lineNo, text: body, counters });
  }
  if (section) {
    problem(section.line, `*${section.name}`, `table ${section.name} has no COMMIT at the end of the dump`);
    finishSection(section, tables, problems);
  }
  const { family, problem: mixed } = rulesetFamily(text, { tables, problems, family: 4 });
  if (mixed) problems.push(mixed);
  return { tables, problems, family };
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
      problem(
        lineNo,
        raw,
        `built-in chain ${name} needs policy ACCEPT or DROP, not "${policy ?? ''}"; ACCEPT assumed by the kernel default`,
      );
    } else chainPolicy = policy;
  } else if (policy !== '-' && policy !== undefined) {
    problem(lineNo, raw, `user chain ${name} cannot have a policy ("${policy}")`);
  }
  const counters = counterText === undefined ? null : parseCounters(counterText);
  if (counterText !== undefined && !counters) problem(lineNo, raw, `bad chain counters "${counterText}"`, 'note');
  section.chains.set(name, {
    name,
    policy: builtin ? (chainPolicy ?? 'ACCEPT') : null,
    counters,
    line: lineNo,
    rules: [],
  });
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
  // A rule may jump to a chain that a later -N creates; deletions are checked at the end.
  const declared = new Set(section.chains.keys());
  for (const { text } of section.lines) {
    const m = /^(?:-N|--new-chain)\s+(\S+)/.exec(text);
    if (m) declared.add(m[1] as string);
  }
  const isUserChain = (name: string): boolean => declared.has(name) && !builtins.includes(name);
  let deletions = false;
  for (const entry of section.lines) {
    const { line, text } = entry;
    const tokens = tokenize(text);
    if ('error' in tokens) {
      report(line, text, tokens.error);
      continue;
    }
    const words = tokens.words;
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
        report(
          line,
          text,
          chainName ? `chain ${chainName} does not exist in table ${section.name}` : `${command} needs a chain`,
        );
        continue;
      }
      let start = 2;
      let at = chain.rules.length;
      if (command === '-I' || command === '--insert') {
        at = 0;
        if (/^\d+$/.test(words[2] ?? '')) {
          const n = Number(words[2]);
          if (n < 1 || n > chain.rules.length + 1) {
            report(line, text, `cannot insert at position ${n} of ${chain.name} (it has ${chain.rules.length} rules)`);
            continue;
          }
          at = n - 1;
          start = 3;
        }
      }
      const parsed = parseRuleWords(words.slice(start), tokens.quoted.slice(start), isUserChain);
      const rule = new ParsedRule(line, text, entry.counters ?? parsed.counters, parsed.spec, parsed.unsupported);
      if (at === chain.rules.length) chain.rules.push(rule);
      else chain.rules.splice(at, 0, rule);
      continue;
    }
    if (command === '-X' || command === '--delete-chain') {
      const targets = chainName ? [chainName] : [...section.chains.keys()].filter((c) => !builtins.includes(c));
      for (const name of targets) {
        const c = section.chains.get(name);
        if (!c) report(line, text, `cannot delete chain ${name}: it does not exist`);
        else if (builtins.includes(name)) report(line, text, `cannot delete built-in chain ${name}`);
        else if (c.rules.length > 0) report(line, text, `cannot delete chain ${name}: it is not empty`);
        else {
          section.chains.delete(name);
          deletions = true;
        }
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
      else if (policy !== 'ACCEPT' && policy !== 'DROP')
        report(line, text, `policy must be ACCEPT or DROP, not "${policy ?? ''}"`);
      else c.policy = policy;
      continue;
    }
    if (command === '-Z' || command === '--zero') continue;
    report(line, text, `unsupported command "${command}"`);
  }
  const drafts = [...section.chains.values()];
  if (deletions) {
    // A rule that jumps to a chain deleted afterwards could not have been loaded.
    for (const d of drafts) {
      for (const r of d.rules) {
        const t = r.spec.target;
        if ((t?.kind === 'jump' || t?.kind === 'goto') && !section.chains.has(t.chain)) {
          r.unsupported ??= `target "${t.chain}" is neither a supported target nor a chain of this table`;
        }
      }
    }
  }
  // A jump loop would hang the walk (the kernel refuses to load one); the rules closing a
  // loop are marked unsupported so a walk that reaches them stops with the reason.
  const loops = findJumpCycles(
    drafts.map((d) => ({
      name: d.name,
      targets: d.rules.map((r) =>
        r.spec.target?.kind === 'jump' || r.spec.target?.kind === 'goto' ? r.spec.target.chain : null,
      ),
    })),
  );
  const chains = new Map<string, Chain>();
  for (const d of drafts) {
    d.rules.forEach((r, index) => {
      r.number = index + 1;
      const loop = loops.size === 0 ? undefined : loops.get(`${d.name}\u0000${index}`);
      if (loop) r.unsupported ??= `jump loop: ${loop}`;
      if (r.unsupported) report(r.line, r.text, r.unsupported);
    });
    chains.set(d.name, { name: d.name, policy: d.policy, counters: d.counters, line: d.line, rules: d.rules });
  }
  if (section.name === 'security' && [...chains.values()].some((c) => c.rules.length > 0)) {
    report(
      section.line,
      `*${section.name}`,
      `table ${section.name} is parsed but not walked (it labels packets for SELinux and does not decide where a connection goes)`,
      'note',
    );
  }
  if (tables.has(section.name))
    report(section.line, `*${section.name}`, `table ${section.name} appears twice; the later one is used`);
  tables.set(section.name, { name: section.name, chains });
}
