/**
 * Parses nftables text in both spellings: `nft list ruleset` / `nft list table` output (nested
 * `table … { chain … { … } set … { … } }` blocks) and `nft -f` command lines (`add|create
 * table|chain|set|map|rule|element`, `insert rule`, `flush`, `delete`, `destroy`). Object
 * declarations are applied first, so a sorted dump (rules before the sets they name) loads
 * as nft would load it in dependency order. Anything not understood is reported with its line
 * and text, and left out — never guessed. This file reads the commands and blocks; what they
 * declare is applied by declare.ts, tableBody.ts and flushDelete.ts.
 */
import { addRule, declareChain, declareSet, type ReportProblem } from './declare';
import { parseElements } from './elements';
import { flushOrDeleteObject, flushOrDeleteTable } from './flushDelete';
import type { NftRuleset, NftTable } from './model';
import { applyTableBody } from './tableBody';
import { tokensText } from './tokenLines';
import { tokenize, type Token } from './tokenize';

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);

class Parser {
  private i = 0;
  readonly rs: NftRuleset = { tables: new Map(), problems: [] };
  /** Commands that change contents, run after every declaration. */
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly t: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.t[this.i + offset];
  }

  private readonly problem: ReportProblem = (line, text, message) => {
    this.rs.problems.push({ line, text, message });
  };

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
        this.deferred.push(() => applyTableBody(this.table(table.family, table.name), body, this.problem));
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
      if (declare) this.deferred.push(() => applyTableBody(this.table(ref.family, ref.name), body, this.problem));
      else this.deferred.push(() => flushOrDeleteTable(this.rs, verb, ref, line, this.problem));
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
      if (declare) declareChain(table, name, line, body, this.problem);
      else this.deferred.push(() => flushOrDeleteObject(verb, table, 'chain', name, line, this.problem));
      return;
    }
    if (kind === 'set' || kind === 'map') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      if (declare) declareSet(table, kind, name, line, body, this.problem);
      else this.deferred.push(() => flushOrDeleteObject(verb, table, kind, name, line, this.problem));
      return;
    }
    if (kind === 'rule' && (verb === 'add' || verb === 'insert')) {
      const tokens = this.statement(false);
      this.deferred.push(() => addRule(table, name, tokens, line, verb === 'insert', this.problem));
      return;
    }
    if (kind === 'element') {
      const body = this.peek()?.text === '{' ? this.group() : [];
      this.deferred.push(() => {
        const set = table.sets.get(name);
        if (!set)
          return this.problem(
            line,
            `${verb} element ${ref.family} ${ref.name} ${name}`,
            `no set or map "${name}" in table ${ref.family} ${ref.name}`,
          );
        const elements = parseElements(body, line);
        if (declare)
          set.elements.push(
            ...elements.filter((e) => !set.elements.some((x) => x.key.join(' . ') === e.key.join(' . '))),
          );
        else set.elements = set.elements.filter((x) => !elements.some((e) => e.key.join(' . ') === x.key.join(' . ')));
      });
      return;
    }
    this.problem(
      line,
      tokensText(this.t.slice(start, this.i).concat(this.statement())),
      `unsupported command "${verb} ${kind}"`,
    );
  }
}

/** Parses nft text (`nft list ruleset` output or `nft -f` input). */
export function parseNft(text: string): NftRuleset {
  return new Parser(tokenize(text)).run();
}
