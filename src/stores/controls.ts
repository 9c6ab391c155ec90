/**
 * What the scenario controls do: change a setting and, when there are results on the page,
 * re-run with the same seed and size so the grade always matches the controls.
 */
import { $lastRun } from './lastRun';
import { isRunning, startRun } from './run';
import { $scenario, setSetting } from './scenario';

/** A control: sets `id` to `value` and re-runs if results are shown. */
export function chooseSetting(id: string, value: string): void {
  const before = $scenario.get();
  setSetting(id, value);
  if ($scenario.get() === before) return;
  const last = $lastRun.get();
  if (last || isRunning()) void startRun(last ? { seed: last.seed, size: last.total } : {});
}
