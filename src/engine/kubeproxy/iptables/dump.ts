/**
 * A minimal reader/writer for iptables-save / iptables-restore text, with the semantics of
 * kube-proxy's test helper ParseIPTablesDump (pkg/util/iptables/testing/parse.go): tables,
 * chain declarations, `-A` rules kept verbatim (trimmed), `-X` deletions, `COMMIT`. It also
 * accepts built-in chain policies (":INPUT ACCEPT [0:0]"), which that helper does not need.
 * It is not a rule parser: the netfilter interpreter (src/engine/netfilter) does that.
 */

/** One chain: its declaration and its rules as raw text. */
export interface DumpChain {
  readonly name: string;
  /** "-" for user chains, ACCEPT/DROP for built-in ones. */
  readonly policy: string;
  readonly packets: number;
  readonly bytes: number;
  readonly rules: string[];
  deleted: boolean;
}

/** One table ("*filter" … "COMMIT"). */
export interface DumpTable {
  readonly name: string;
  readonly chains: DumpChain[];
}

/** A parsed dump. */
export interface Dump {
  readonly tables: DumpTable[];
}

const TABLE = /^\*(.*)$/;
const CHAIN = /^:([^ ]*) ([^ ]+) \[([0-9]*):([0-9]*)\]$/;
const RULE = /^-A ([^ ]*) (.*)$/;
const DELETE = /^-X (.*)$/;

/** Parses dump text; throws an Error naming the offending line on malformed input. */
export function parseDump(text: string): Dump {
  const dump: Dump = { tables: [] };
  let state: 'table' | 'declarations' | 'rules' = 'table';
  let table: DumpTable | undefined;
  // Chains by name for the current table: dumps have tens of thousands of chains.
  let chains = new Map<string, DumpChain>();
  const lines = text.replace(/^\n+|\n+$/g, '').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    if (state === 'table') {
      const m = TABLE.exec(line);
      if (m === null) throw new Error(`${where}: expected a table ("*nat"), found ${JSON.stringify(line)}`);
      table = { name: m[1] ?? '', chains: [] };
      chains = new Map();
      dump.tables.push(table);
      state = 'declarations';
      return;
    }
    if (table === undefined) return;
    if (state === 'declarations') {
      const m = CHAIN.exec(line);
      if (m !== null) {
        const chain: DumpChain = {
          name: m[1] ?? '',
          policy: m[2] ?? '-',
          packets: Number(m[3]),
          bytes: Number(m[4]),
          rules: [],
          deleted: false,
        };
        table.chains.push(chain);
        chains.set(chain.name, chain);
        return;
      }
      state = 'rules';
    }
    const rule = RULE.exec(line);
    const del = DELETE.exec(line);
    if (rule !== null) {
      const chain = chains.get(rule[1] ?? '');
      if (chain === undefined) throw new Error(`${where}: rule for undeclared chain ${rule[1] ?? ''}`);
      if (chain.deleted) throw new Error(`${where}: cannot add rules to deleted chain ${chain.name}`);
      chain.rules.push(line);
    } else if (del !== null) {
      const chain = chains.get(del[1] ?? '');
      if (chain === undefined) throw new Error(`${where}: deleting undeclared chain ${del[1] ?? ''}`);
      if (chain.rules.length > 0) throw new Error(`${where}: cannot delete chain ${chain.name} after adding rules`);
      chain.deleted = true;
    } else if (line === 'COMMIT') {
      state = 'table';
    } else {
      throw new Error(`${where}: cannot parse ${JSON.stringify(line)}`);
    }
  });
  if (state !== 'table') throw new Error('no COMMIT line at the end of a table');
  return dump;
}

/** Prints a dump as IPTablesDump.String() does: declarations, then rules chain by chain, then -X, COMMIT. */
export function formatDump(dump: Dump): string {
  let out = '';
  for (const table of dump.tables) {
    out += `*${table.name}\n`;
    for (const c of table.chains) out += `:${c.name} ${c.policy} [${c.packets}:${c.bytes}]\n`;
    for (const c of table.chains) for (const r of c.rules) out += `${r}\n`;
    for (const c of table.chains) if (c.deleted) out += `-X ${c.name}\n`;
    out += 'COMMIT\n';
  }
  return out;
}

/** Splits a rule into words as the kube-proxy test parser does: a "quoted string" is one word, quotes stripped. */
export function ruleWords(rule: string): string[] {
  const words: string[] = [];
  const re = /(?:^|\s)("[^"]*"|[^"]\S*)/g;
  for (let m = re.exec(rule); m !== null; m = re.exec(rule)) words.push((m[1] ?? '').replace(/^"+|"+$/g, ''));
  return words;
}

/** The value of a rule's `--comment`, or undefined (the parser skips "-m MODULE" pairs). */
export function ruleComment(rule: string): string | undefined {
  const words = ruleWords(rule);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '-m' && i < words.length - 1) {
      i++;
      continue;
    }
    if (words[i] === '--comment') return words[i + 1];
  }
  return undefined;
}
