/**
 * One rule being compiled: a cursor over its tokens, the steps read so far, and the sets of
 * its table it may name. The selector, statement and match readers share it, so a rule is read
 * left to right in one pass, as nft reads a rule's expressions.
 */
import type { NftTable } from './model';
import type { Token } from './tokenize';
import { objectKey, type CompiledNftSet, type Step } from './compiled';

/** Why a rule cannot be compiled; any other exception is a compiler slip. */
export class RuleError extends Error {}

/** The reading position in one rule and what it has compiled to. */
export class RuleReader {
  /** Index of the next token. */
  i = 0;
  readonly steps: Step[] = [];
  /** Whether a statement updates a set (then connections are not independent). */
  stateful = false;

  constructor(
    readonly t: readonly Token[],
    private readonly table: NftTable,
    private readonly sets: Map<string, CompiledNftSet>,
  ) {}

  /** Text of the token `o` ahead, or undefined past the end. */
  peek(o = 0): string | undefined {
    return this.t[this.i + o]?.text;
  }

  /** Text of the next token, consumed. */
  next(): string {
    const tok = this.t[this.i++];
    if (!tok) throw new RuleError('the rule ends too early');
    return tok.text;
  }

  /** Consumes the next token, which must be `text`. */
  expect(text: string): void {
    const got = this.next();
    if (got !== text) throw new RuleError(`expected "${text}", found "${got}"`);
  }

  /** The compiled set or map `name` of this rule's table. */
  set(name: string): CompiledNftSet {
    const s = this.sets.get(objectKey(this.table, name));
    if (!s) throw new RuleError(`no set or map "${name}" in table ${this.table.family} ${this.table.name}`);
    return s;
  }
}
