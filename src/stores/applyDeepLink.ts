/**
 * Applies a newsletter link: preselects the answer, sets the settings and run size, and runs
 * with the link's seed (or a fresh one), so the reader lands on a graded result. Invalid
 * parameters become notices; valid ones still apply.
 */
import { chooseAnswer } from './answer';
import { parseDeepLink, type DeepLink } from './deepLink';
import { $lastRun, saveLastRun } from './lastRun';
import { $lesson } from './lesson';
import type { RunSummary, Scenario } from './model';
import { $linkProblems } from './notices';
import { startRun } from './run';
import { $runSize, $scenario, lessonDefaults } from './scenario';

/** The parsed link and the run it started (null when no parameter was usable). */
export interface AppliedLink {
  readonly link: DeepLink;
  readonly run: Promise<RunSummary | null> | null;
}

/**
 * Reads `search` (location.search) and acts on it. Settings the link leaves out take the
 * lesson's defaults, so a link always means the same experiment whatever was set before.
 */
export function applyDeepLink(search: string): AppliedLink {
  const link = parseDeepLink(search, $lesson.get()?.controls ?? []);
  $linkProblems.set(link.problems);
  // A link whose every value was refused asks for nothing we can honour.
  if (Object.keys(link.values).length === 0) return { link, run: null };
  const { answer, settings, seed, n } = link.values;
  if (answer) chooseAnswer(answer);
  const scenario = { ...lessonDefaults(), ...settings };
  $scenario.set(scenario);
  if (n) $runSize.set(n);
  // The run kept from an earlier visit is another experiment: graded under the link's answer
  // while the linked run loads, it would show a verdict the link never asked about.
  if (!sameExperiment($lastRun.get(), scenario, $runSize.get(), seed)) saveLastRun(null);
  return { link, run: startRun({ scenario, size: $runSize.get(), ...(seed === undefined ? {} : { seed }) }) };
}

/** True when `run` is the experiment of these settings and size (and seed, when one is given). */
function sameExperiment(run: RunSummary | null, scenario: Scenario, size: number, seed: number | undefined): boolean {
  if (!run || run.total !== size || (seed !== undefined && run.seed !== seed)) return false;
  const keys = new Set([...Object.keys(run.scenario), ...Object.keys(scenario)]);
  return [...keys].every((key) => run.scenario[key] === scenario[key]);
}
