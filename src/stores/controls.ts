/**
 * What the scenario controls do: change the scenario and, when there are results on the
 * page, re-run with the same seed and size so the grade always matches the controls.
 */
import { $lastRun } from './lastRun.ts';
import type { NodeNumber, Policy } from './model.ts';
import { isRunning, startRun } from './run.ts';
import { $scenario, setNode, setPolicy } from './scenario.ts';

function rerunIfShown(before: unknown): void {
  if ($scenario.get() === before) return;
  const last = $lastRun.get();
  if (last || isRunning()) void startRun(last ? { seed: last.seed, size: last.total } : {});
}

/** The policy control: sets externalTrafficPolicy and re-runs if results are shown. */
export function choosePolicy(policy: Policy): void {
  const before = $scenario.get();
  setPolicy(policy);
  rerunIfShown(before);
}

/** The node control: sets the receiving node and re-runs if results are shown. */
export function chooseNode(node: NodeNumber): void {
  const before = $scenario.get();
  setNode(node);
  rerunIfShown(before);
}
