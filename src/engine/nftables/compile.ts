/**
 * Compiles parsed nft rules into steps the evaluator runs in order, as the kernel runs a rule's
 * expressions: matches (a failing one ends the rule), statements (counter, log, mark set, set
 * update), lookups in verdict maps (a miss ends the rule), NAT (terminal, like nft's nat
 * expression) and verdicts. A rule with syntax this does not know is kept with its problem,
 * so evaluating it stops the walk with a clear reason instead of a guess. Sets are typed
 * first (sets.ts), then each rule is read left to right (statement.ts, match.ts).
 */
import type { SlotInfo } from '../netfilter/compile';
import type { NftProblem, NftRuleset } from './model';
import { objectKey, type CompiledNft, type CompiledNftChain, type CompiledNftSet } from './compiled';
import { readMatch } from './match';
import { RuleError, RuleReader } from './ruleReader';
import { compileSet } from './sets';
import { readStatement } from './statement';

export { nftChainKey } from './compiled';
export type {
  CompiledNft,
  CompiledNftChain,
  CompiledNftRule,
  CompiledNftSet,
  NftRun,
  NftVerdict,
  Step,
} from './compiled';

/** Compiles every table of a parsed ruleset. */
export function compileNft(rs: NftRuleset): CompiledNft {
  const problems: NftProblem[] = [...rs.problems];
  const sets = new Map<string, CompiledNftSet>();
  const chains = new Map<string, CompiledNftChain>();
  let stateful = false;
  const slots: SlotInfo[] = [];
  for (const table of rs.tables.values())
    for (const set of table.sets.values()) sets.set(objectKey(table, set.name), compileSet(table, set, problems));
  for (const table of rs.tables.values()) {
    if (table.family !== 'ip' && table.family !== 'ip6' && table.family !== 'inet') {
      if (table.chains.size > 0)
        problems.push({
          line: 0,
          text: `table ${table.family} ${table.name}`,
          message: `family ${table.family} is not walked (IPv4 packets see ip and inet tables, IPv6 packets ip6 and inet)`,
        });
      continue;
    }
    const families: readonly (4 | 6)[] = table.family === 'ip' ? [4] : table.family === 'ip6' ? [6] : [4, 6];
    for (const chain of table.chains.values()) {
      const tableName = `${table.family} ${table.name}`;
      const rules = chain.rules.map((rule, index) => {
        const slot = slots.length;
        slots.push({ table: tableName, chain: chain.name, rule: index + 1, text: rule.text });
        const rc = new RuleReader(rule.tokens, table, sets);
        try {
          while (rc.i < rc.t.length) if (!readStatement(rc)) readMatch(rc);
          const steps = rc.steps;
          for (const s of steps)
            if (s.kind === 'verdict' && 'chain' in s.verdict && !table.chains.has(s.verdict.chain))
              throw new RuleError(`no chain "${s.verdict.chain}"`);
          stateful ||= rc.stateful;
          return { slot, number: index + 1, text: rule.text, line: rule.line, steps, problem: null };
        } catch (err) {
          // Pasted text reaches here: a compiler slip on a malformed rule must become a problem
          // with its line, like any other rule the engine cannot read, never an exception.
          const message =
            err instanceof RuleError
              ? err.message
              : `the engine could not read this rule (${err instanceof Error ? err.message : String(err)})`;
          problems.push({ line: rule.line, text: rule.text, message });
          return { slot, number: index + 1, text: rule.text, line: rule.line, steps: [], problem: message };
        }
      });
      let policySlot = -1;
      if (chain.base) {
        policySlot = slots.length;
        slots.push({ table: tableName, chain: chain.name, rule: 0, text: `policy ${chain.base.policy}` });
      }
      chains.set(objectKey(table, chain.name), {
        table: tableName,
        name: chain.name,
        base: chain.base,
        families,
        rules,
        policySlot,
      });
    }
  }
  const baseChains = [...chains.values()].filter((c) => c.base !== null);
  return { chains, baseChains, sets, stateful, slots, problems };
}
