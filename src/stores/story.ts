/**
 * The sample connection the trace view, the diagram and the rules highlight follow. It is
 * drawn from the last run's seed, so a replayed run shows the same connection.
 */
import { atom } from 'nanostores';
import { fromLab } from './fromLab';
import { $lastRun } from './lastRun';
import { $lesson } from './lesson';
import { $scenario } from './scenario';

/** Seed for sample connections before any run. */
export const FIRST_SEED = 1;

/** Which sample of the seed is shown; "show another connection" moves on. */
export const $sample = atom(0);

$lastRun.listen(() => $sample.set(0));

/** Moves to the next sample connection. */
export function showAnotherConnection(): void {
  $sample.set($sample.get() + 1);
}

/** The sample connection with every rule it met, computed lazily by the engine. */
export const $story = fromLab([$lesson, $scenario, $lastRun, $sample], (lab, _lesson, scenario, run, sample) =>
  lab.story(scenario, run?.seed ?? FIRST_SEED, sample),
);
