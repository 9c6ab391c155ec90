/**
 * A static bound on the work one packet can cause: how many rules a walk could evaluate if
 * every rule matched and every jump were taken. Jumps may fan out (chain A jumps to B twice,
 * B to C twice, …), which the kernel walks without complaint but which grows exponentially;
 * the depth cap of the evaluator does not bound it. The page checks this bound before walking
 * so no dump can keep the worker busy for hours.
 */
import type { Ruleset } from '../../engine/netfilter/model';
import { BUILTIN_CHAINS } from '../../engine/rules';

/** The tables a connection walk traverses. */
export const WALKED_TABLES = ['nat', 'filter'] as const;

/** Bounds above this are reported as this (the exact size no longer matters). */
const CAP = 1e15;

/** Upper bound on rule evaluations of one pass through every built-in chain of the walked tables. */
export function walkBound(ruleset: Ruleset): number {
  let total = 0;
  for (const tableName of WALKED_TABLES) {
    const table = ruleset.tables.get(tableName);
    if (!table) continue;
    const memo = new Map<string, number>();
    // Iterative post-order over the jump graph (a recursive one could overflow the stack on
    // a chain nested thousands deep). Loops were cut by the parser: a rule closing one is
    // unsupported and stops the walk, so it costs one evaluation and no recursion.
    const costOf = (root: string): number => {
      const stack: { name: string; next: number; sum: number }[] = [{ name: root, next: 0, sum: 0 }];
      const onStack = new Set<string>([root]);
      let last = 0;
      while (stack.length > 0) {
        const frame = stack[stack.length - 1] as { name: string; next: number; sum: number };
        const rules = table.chains.get(frame.name)?.rules ?? [];
        if (frame.next > 0 && last > 0) frame.sum = Math.min(CAP, frame.sum + last);
        last = 0;
        let pushed = false;
        while (frame.next < rules.length) {
          const rule = rules[frame.next++]!;
          frame.sum = Math.min(CAP, frame.sum + 1);
          const t = rule.spec.target;
          if (rule.unsupported !== null || !t || (t.kind !== 'jump' && t.kind !== 'goto')) continue;
          const known = memo.get(t.chain);
          if (known !== undefined) {
            frame.sum = Math.min(CAP, frame.sum + known);
            continue;
          }
          if (onStack.has(t.chain) || !table.chains.has(t.chain)) continue;
          stack.push({ name: t.chain, next: 0, sum: 0 });
          onStack.add(t.chain);
          pushed = true;
          break;
        }
        if (pushed) continue;
        stack.pop();
        onStack.delete(frame.name);
        memo.set(frame.name, frame.sum);
        last = frame.sum;
        if (stack.length === 0) return frame.sum;
      }
      return 0;
    };
    for (const builtin of BUILTIN_CHAINS[tableName] ?? []) total = Math.min(CAP, total + costOf(builtin));
  }
  return total;
}
