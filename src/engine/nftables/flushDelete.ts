/**
 * `flush`, `delete` and `destroy` of tables, chains, sets and maps: flush empties an object
 * (rules, elements) and keeps it; delete and destroy remove it.
 */
import type { ReportProblem } from './declare';
import type { NftRuleset, NftTable } from './model';

/** `flush|delete|destroy table [family] name`; a table that is not there is left alone. */
export function flushOrDeleteTable(
  rs: NftRuleset,
  verb: string,
  ref: { family: string; name: string },
  line: number,
  problem: ReportProblem,
): void {
  const key = `${ref.family} ${ref.name}`;
  const table = rs.tables.get(key);
  if (!table) return;
  if (verb === 'flush') {
    for (const c of table.chains.values()) c.rules = [];
    for (const s of table.sets.values()) s.elements = [];
  } else if (verb === 'delete' || verb === 'destroy') rs.tables.delete(key);
  else problem(line, `${verb} table ${key}`, `unsupported command "${verb} table"`);
}

/** `flush|delete|destroy chain|set|map … name`. */
export function flushOrDeleteObject(
  verb: string,
  table: NftTable,
  kind: string,
  name: string,
  line: number,
  problem: ReportProblem,
): void {
  if (kind === 'chain') {
    const chain = table.chains.get(name);
    if (verb === 'flush' && chain) chain.rules = [];
    else if (verb === 'delete' || verb === 'destroy') table.chains.delete(name);
    else if (!chain) problem(line, `${verb} chain ${name}`, `no chain "${name}"`);
    return;
  }
  const set = table.sets.get(name);
  if (verb === 'flush' && set) set.elements = [];
  else if (verb === 'delete' || verb === 'destroy') table.sets.delete(name);
  else if (!set) problem(line, `${verb} ${kind} ${name}`, `no ${kind} "${name}"`);
}
