/**
 * Which nat rules of a node the sample connection walked, in order: the step number of
 * every rule that matched, the rules it checked without a match, and the chains it entered.
 */
import type { TraceRow } from '../stores/lab/types';

/** Steps by "CHAIN rule" key; chains entered; rules checked but not matched. */
export interface Walked {
  readonly steps: ReadonlyMap<string, number>;
  readonly chains: ReadonlySet<string>;
  readonly missed: ReadonlySet<string>;
}

/** The sample connection's walk (its trace rows: the lesson's story, the playground's journey) through `node`'s nat table. */
export function walkedOn(story: { readonly rows: readonly TraceRow[] } | null, node: string): Walked {
  const steps = new Map<string, number>();
  const chains = new Set<string>();
  const missed = new Set<string>();
  for (const row of story?.rows ?? []) {
    if (row.kind !== 'rule' || row.node !== node || row.table !== 'nat') continue;
    chains.add(row.chain);
    if (row.rule === 0) continue;
    const key = `${row.chain} ${row.rule}`;
    if (row.matched) {
      if (!steps.has(key)) steps.set(key, steps.size + 1);
    } else missed.add(key);
  }
  return { steps, chains, missed };
}
