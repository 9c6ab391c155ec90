/**
 * Parses nftables text in both spellings: `nft list ruleset` / `nft list table` output (nested
 * `table … { chain … { … } set … { … } }` blocks) and `nft -f` command lines (`add|create
 * table|chain|set|map|rule|element`, `insert rule`, `flush`, `delete`, `destroy`). Object
 * declarations are applied first, so a sorted dump (rules before the sets they name) loads
 * as nft would load it in dependency order. Anything not understood is reported with its line
 * and text, and left out — never guessed.
 */
import type { NftChain, NftElementText, NftRule, NftRuleset, NftSet, NftTable } from './model';
import { tokenize, type Token } from './tokenize';

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

/** Standard priority names (nft's family ip/inet values). */
const PRIORITY_NAMES: Readonly<Record<string, number>> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };

/** Parses a duration such as "10800s", "3h", "2h59m58s", "1d" into seconds; null if not one. */
export function parseDuration(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+)(ms|d|h|m|s)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text)) !== null) {
    const v = Number(m[1]);
    total += m[2] === 'd' ? v * 86400 : m[2] === 'h' ? v * 3600 : m[2] === 'm' ? v * 60 : m[2] === 's' ? v : v / 1000;
    seen = re.lastIndex;
  }
  return seen === text.length && seen > 0 ? total : null;
}

/** Text of tokens as nft would show them. */
export function tokensText(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.kind !== 'handle')
    .map((t) => (t.kind === 'string' ? `"${t.text}"` : t.text))
    .join(' ')
    .replace(/ ,/g, ',')
    .replace(/ ;/g, ';');
}

class Parser {
  private i = 0;
  readonly rs: NftRuleset = { tables: new Map(), problems: [] };
  /** Commands that change contents, run after every declaration. */
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly t: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.t[this.i + offset];
  }

  private problem(line: number, text: string, message: string): void {
    this.rs.problems.push({ line, text, message });
  }

  /** Tokens up to the end of the statement (newline or ";" outside braces, or an unmatched "}"). */
  private statement(stopAtSemicolon = true): Token[] {
    const out: Token[] = [];
    let depth = 0;
    while (this.i < this.t.length) {
      const tok = this.t[this.i] as Token;
      if (depth === 0 && (tok.kind === 'nl' || (stopAtSemicolon && tok.text === ';' && tok.kind === 'punct'))) break;
      if (depth === 0 && tok.kind === 'punct' && tok.text === '}') break;
      if (tok.kind === 'punct' && tok.text === '{') depth++;
      if (tok.kind === 'punct' && tok.text === '}') depth--;
      if (!(depth > 0 && tok.kind === 'nl')) out.push(tok);
      this.i++;
    }
    return out;
  }

  private skipSeparators(): void {
    while (this.i < this.t.length) {
      const tok = this.t[this.i] as Token;
      if (tok.kind === 'nl' || (tok.kind === 'punct' && tok.text === ';')) this.i++;
      else break;
    }
  }

  /** A balanced "{ … }" group starting at the current "{", without the outer braces. */
  private group(): Token[] {
    const out: Token[] = [];
    if (this.peek()?.text !== '{') return out;
    this.i++;
    let depth = 1;
    while (this.i < this.t.length) {
      const tok = this.t[this.i++] as Token;
      if (tok.kind === 'punct' && tok.text === '{') depth++;
      if (tok.kind === 'punct' && tok.text === '}' && --depth === 0) break;
      out.push(tok);
    }
    return out;
  }

  private table(family: string, name: string): NftTable {
    const key = `${family} ${name}`;
    let table = this.rs.tables.get(key);
    if (!table) {
      table = { family, name, comment: null, chains: new Map(), sets: new Map() };
      this.rs.tables.set(key, table);
    }
    return table;
  }

  /** "[family] name" at the current position. */
  private tableRef(): { family: string; name: string } | null {
    const a = this.peek();
    if (!a || a.kind !== 'word') return null;
    if (FAMILIES.has(a.text) && this.peek(1)?.kind === 'word') {
      this.i += 2;
      return { family: a.text, name: (this.t[this.i - 1] as Token).text };
    }
    this.i++;
    return { family: 'ip', name: a.text };
  }

  run(): NftRuleset {
    while (this.i < this.t.length) {
      this.skipSeparators();
      const tok = this.peek();
      if (!tok) break;
      if (tok.kind === 'word' && tok.text === 'table') {
        this.i++;
        const ref = this.tableRef();
        if (!ref || this.peek()?.text !== '{') {
          this.problem(tok.line, tokensText(this.statement()), 'expected "table [family] name {"');
          continue;
        }
        const body = this.group();
        const table = ref;
        this.deferred.push(() => this.tableBody(this.table(table.family, table.name), body));
        // Declarations inside the block exist before any command runs.
        this.table(ref.family, ref.name);
        continue;
      }
      this.command();
    }
    for (const f of this.deferred) f();
    return this.rs;
  }

  private command(): void {
    const start = this.i;
    const first = this.peek() as Token;
    const verb = first.text;
    const kind = this.peek(1)?.text ?? '';
    const line = first.line;
    if (!['add', 'create', 'insert', 'flush', 'delete', 'destroy'].includes(verb)) {
      this.problem(line, tokensText(this.statement()), `unsupported command "${verb}"`);
      this.i = Math.max(this.i, start + 1);
      return;
    }
    this.i += 2;
    if (verb === 'flush' && kind === 'ruleset') {
      this.deferred.push(() => this.rs.tables.clear());
      return;
    }
    const ref = this.tableRef();
    if (!ref) {
      this.problem(line, tokensText(this.t.slice(start, this.i).concat(this.statement())), 'expected a table name');
      return;
    }
    const declare = verb === 'add' || verb === 'create';
    if (kind === 'table') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      this.table(ref.family, ref.name);
      if (declare) this.deferred.push(() => this.tableBody(this.table(ref.family, ref.name), body));
      else this.deferred.push(() => this.tableCommand(verb, ref, line));
      return;
    }
    const nameTok = this.peek();
    if (!nameTok || nameTok.kind !== 'word') {
      this.problem(line, tokensText(this.t.slice(start, this.i).concat(this.statement())), `expected a ${kind} name`);
      return;
    }
    this.i++;
    const name = nameTok.text;
    const table = this.table(ref.family, ref.name);
    if (kind === 'chain') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      if (declare) this.declareChain(table, name, line, body);
      else this.deferred.push(() => this.objectCommand(verb, table, 'chain', name, line));
      return;
    }
    if (kind === 'set' || kind === 'map') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      if (declare) this.declareSet(table, kind, name, line, body);
      else this.deferred.push(() => this.objectCommand(verb, table, kind, name, line));
      return;
    }
    if (kind === 'rule' && (verb === 'add' || verb === 'insert')) {
      const tokens = this.statement(false);
      this.deferred.push(() => this.addRule(table, name, tokens, line, verb === 'insert'));
      return;
    }
    if (kind === 'element') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      this.deferred.push(() => {
        const set = table.sets.get(name);
        if (!set) return this.problem(line, `${verb} element ${ref.family} ${ref.name} ${name}`, `no set or map "${name}" in table ${ref.family} ${ref.name}`);
        const elements = this.elements(body, line);
        if (declare) set.elements.push(...elements.filter((e) => !set.elements.some((x) => x.key.join(' . ') === e.key.join(' . '))));
        else set.elements = set.elements.filter((x) => !elements.some((e) => e.key.join(' . ') === x.key.join(' . ')));
      });
      return;
    }
    this.problem(line, tokensText(this.t.slice(start, this.i).concat(this.statement())), `unsupported command "${verb} ${kind}"`);
  }

  private tableCommand(verb: string, ref: { family: string; name: string }, line: number): void {
    const key = `${ref.family} ${ref.name}`;
    const table = this.rs.tables.get(key);
    if (!table) return;
    if (verb === 'flush') {
      for (const c of table.chains.values()) c.rules = [];
      for (const s of table.sets.values()) s.elements = [];
    } else if (verb === 'delete' || verb === 'destroy') this.rs.tables.delete(key);
    else this.problem(line, `${verb} table ${key}`, `unsupported command "${verb} table"`);
  }

  private objectCommand(verb: string, table: NftTable, kind: string, name: string, line: number): void {
    if (kind === 'chain') {
      const chain = table.chains.get(name);
      if (verb === 'flush' && chain) chain.rules = [];
      else if (verb === 'delete' || verb === 'destroy') table.chains.delete(name);
      else if (!chain) this.problem(line, `${verb} chain ${name}`, `no chain "${name}"`);
      return;
    }
    const set = table.sets.get(name);
    if (verb === 'flush' && set) set.elements = [];
    else if (verb === 'delete' || verb === 'destroy') table.sets.delete(name);
    else if (!set) this.problem(line, `${verb} ${kind} ${name}`, `no ${kind} "${name}"`);
  }

  private declareChain(table: NftTable, name: string, line: number, body: readonly Token[]): NftChain {
    let chain = table.chains.get(name);
    if (!chain) {
      chain = { name, base: null, comment: null, rules: [], line };
      table.chains.set(name, chain);
    }
    this.chainHeader(chain, splitStatements(body));
    return chain;
  }

  /** `type T hook H [device D] priority P ; policy X ; comment "…"` lines; returns the rest. */
  private chainHeader(chain: NftChain, statements: Token[][]): Token[][] {
    const rest: Token[][] = [];
    for (const st of statements) {
      const head = st[0];
      if (!head) continue;
      if (head.text === 'type' && head.kind === 'word') {
        const text = tokensText(st);
        const m = /^type (\w+) hook (\w+)(?: device \S+)? priority (.+)$/.exec(text);
        const priority = m ? parsePriority(m[3] as string) : null;
        if (!m || priority === null) {
          this.problem(head.line, text, 'expected "type <type> hook <hook> priority <priority>"');
          continue;
        }
        chain.base = { type: m[1] as string, hook: m[2] as string, priority, policy: chain.base?.policy ?? 'accept' };
      } else if (head.text === 'policy' && head.kind === 'word') {
        const policy = st[1]?.text;
        if ((policy === 'accept' || policy === 'drop') && chain.base) chain.base = { ...chain.base, policy };
        else this.problem(head.line, tokensText(st), 'a policy (accept or drop) needs a base chain');
      } else if (head.text === 'comment' && head.kind === 'word' && st.length === 2 && st[1]?.kind === 'string') {
        chain.comment = st[1].text;
      } else if (head.text === 'devices' || head.text === 'flags') {
        this.problem(head.line, tokensText(st), `chain option "${head.text}" is not modelled`);
      } else rest.push(st);
    }
    return rest;
  }

  private declareSet(table: NftTable, kind: 'set' | 'map', name: string, line: number, body: readonly Token[]): NftSet {
    let set = table.sets.get(name);
    if (!set) {
      set = { name, kind, keyTypes: [], dataType: null, flags: [], timeout: 0, comment: null, elements: [], line };
      table.sets.set(name, set);
    }
    for (const st of splitStatements(body)) {
      const head = st[0];
      if (!head) continue;
      const text = tokensText(st);
      if (head.text === 'type' || head.text === 'typeof') {
        const [keys, data] = text.slice(head.text.length + 1).split(' : ');
        if (head.text === 'typeof') this.problem(head.line, text, 'typeof sets are not modelled; declare them with "type"');
        set.keyTypes = (keys ?? '').split(' . ');
        set.dataType = data ?? null;
      } else if (head.text === 'flags') set.flags = st.slice(1).filter((x) => x.text !== ',').map((x) => x.text).join(',').split(',');
      else if (head.text === 'timeout') set.timeout = parseDuration(st[1]?.text ?? '') ?? 0;
      else if (head.text === 'comment') set.comment = st[1]?.text ?? null;
      else if (head.text === 'elements') {
        const open = st.findIndex((x) => x.text === '{');
        set.elements.push(...this.elements(st.slice(open + 1, st.length - 1), head.line));
      } else if (['size', 'gc-interval', 'policy', 'counter', 'auto-merge'].includes(head.text)) continue;
      else this.problem(head.line, text, `unsupported ${kind} option "${head.text}"`);
    }
    return set;
  }

  /** Elements "k1 . k2 [timeout T] [expires E] [comment C] [: value]" separated by commas. */
  private elements(tokens: readonly Token[], line: number): NftElementText[] {
    const out: NftElementText[] = [];
    let current: Token[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      const colon = current.findIndex((x) => x.text === ':');
      const keyTokens = colon < 0 ? current : current.slice(0, colon);
      const value = colon < 0 ? null : tokensText(current.slice(colon + 1));
      const key: string[] = [];
      let part: string[] = [];
      let expires: number | null = null;
      for (let k = 0; k < keyTokens.length; k++) {
        const x = keyTokens[k] as Token;
        if (x.text === '.' && x.kind === 'word') {
          key.push(part.join(' '));
          part = [];
        } else if (x.text === 'comment' || x.text === 'timeout' || x.text === 'expires') {
          if (x.text === 'expires') expires = parseDuration(keyTokens[k + 1]?.text ?? '');
          k++;
        } else if (x.text === 'counter') {
          while (keyTokens[k + 1] && ['packets', 'bytes'].includes((keyTokens[k + 1] as Token).text)) k += 2;
        } else part.push(x.text);
      }
      key.push(part.join(' '));
      out.push({ key, value, expires, line: current[0]?.line ?? line });
      current = [];
    };
    let depth = 0;
    for (const tok of tokens) {
      if (tok.kind === 'nl') continue;
      if (tok.text === '{') depth++;
      if (tok.text === '}') depth--;
      if (depth === 0 && tok.kind === 'punct' && tok.text === ',') flush();
      else current.push(tok);
    }
    flush();
    return out;
  }

  private addRule(table: NftTable, chainName: string, tokens: Token[], line: number, insert: boolean): void {
    const chain = table.chains.get(chainName);
    if (!chain) {
      this.problem(line, `add rule ${table.family} ${table.name} ${chainName} ${tokensText(tokens)}`, `no chain "${chainName}" in table ${table.family} ${table.name}`);
      return;
    }
    let body = tokens;
    if (['position', 'handle', 'index'].includes(body[0]?.text ?? '')) {
      this.problem(line, tokensText(tokens), `rule placement "${body[0]?.text}" is not modelled; the rule is appended`);
      body = body.slice(2);
    }
    const rule = makeRule(body, line);
    if (insert) chain.rules.unshift(rule);
    else chain.rules.push(rule);
  }

  private tableBody(table: NftTable, body: readonly Token[]): void {
    let j = 0;
    const t = body;
    while (j < t.length) {
      const tok = t[j] as Token;
      if (tok.kind === 'nl' || tok.kind === 'handle' || tok.text === ';') {
        j++;
        continue;
      }
      if ((tok.text === 'chain' || tok.text === 'set' || tok.text === 'map') && t[j + 1]?.kind === 'word' && t[j + 2]?.text === '{') {
        const name = (t[j + 1] as Token).text;
        let depth = 0;
        let k = j + 2;
        for (; k < t.length; k++) {
          if (t[k]?.text === '{' && t[k]?.kind === 'punct') depth++;
          if (t[k]?.text === '}' && t[k]?.kind === 'punct' && --depth === 0) break;
        }
        const inner = t.slice(j + 3, k);
        if (tok.text === 'chain') {
          const chain = this.declareChain(table, name, tok.line, []);
          for (const st of this.chainHeader(chain, splitRuleLines(inner))) {
            // A line holding only "# handle N" (after "chain x {") is no rule.
            if (st.some((x) => x.kind !== 'handle')) chain.rules.push(makeRule(st, st[0]?.line ?? tok.line));
          }
        } else this.declareSet(table, tok.text as 'set' | 'map', name, tok.line, inner);
        j = k + 1;
        continue;
      }
      let k = j;
      while (k < t.length && t[k]?.kind !== 'nl' && t[k]?.text !== ';') k++;
      const st = t.slice(j, k);
      if (tok.text === 'comment' && st[1]?.kind === 'string') table.comment = st[1].text;
      else if (tok.text !== 'flags') this.problem(tok.line, tokensText(st), `unsupported table item "${tok.text}"`);
      j = k;
    }
  }
}

function makeRule(tokens: readonly Token[], line: number): NftRule {
  const handleTok = tokens.find((x) => x.kind === 'handle');
  const body = tokens.filter((x) => x.kind !== 'handle');
  return { tokens: body, text: tokensText(body), line: body[0]?.line ?? line, handle: handleTok ? Number(handleTok.text) : null };
}

/** Statements of a `{ … }` body split on ";" and newlines (outside nested braces). */
function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const tok of tokens) {
    if (tok.kind === 'punct' && tok.text === '{') depth++;
    if (tok.kind === 'punct' && tok.text === '}') depth--;
    if (depth === 0 && (tok.kind === 'nl' || (tok.kind === 'punct' && tok.text === ';'))) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else if (!(tok.kind === 'nl')) cur.push(tok);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Chain body lines: a rule ends at a newline; ";" ends the `type … ;` and `policy … ;` headers. */
function splitRuleLines(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const tok of tokens) {
    if (tok.kind === 'punct' && tok.text === '{') depth++;
    if (tok.kind === 'punct' && tok.text === '}') depth--;
    if (depth === 0 && (tok.kind === 'nl' || (tok.kind === 'punct' && tok.text === ';'))) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else if (tok.kind !== 'nl') cur.push(tok);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** "-110", "dstnat", "dstnat - 10", "dstnat-10", "filter + 5" → a number; null if none of these. */
export function parsePriority(text: string): number | null {
  const m = /^\s*(-?\d+|[a-z]+)\s*(?:([+-])\s*(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const base = /^-?\d+$/.test(m[1] as string) ? Number(m[1]) : PRIORITY_NAMES[m[1] as string];
  if (base === undefined) return null;
  return m[2] ? base + (m[2] === '-' ? -1 : 1) * Number(m[3]) : base;
}

/** Parses nft text (`nft list ruleset` output or `nft -f` input). */
export function parseNft(text: string): NftRuleset {
  return new Parser(tokenize(text)).run();
}
