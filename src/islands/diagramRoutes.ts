/**
 * Which routes the live diagram draws: the request to the receiving node, then a delivery to
 * every pod the last run reached (or a drop), and the sample connection's own path for the
 * animation. Pure functions over the site's diagram geometry.
 */
import type { Route } from '../components/diagram/layout.ts';
import { DROPPED, nodeName, type RunSummary, type Scenario } from '../stores/model.ts';

/** True when `run` was made with the controls as they are now (compared field by field). */
export function runMatches(scenario: Scenario, run: RunSummary | null): run is RunSummary {
  if (run === null) return false;
  const a = scenario as unknown as Record<string, unknown>;
  const b = run.scenario as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The routes of the last run, when it matches the scenario shown; else only the request. */
export function runRoutes(scenario: Scenario, run: RunSummary | null): Route[] {
  const node = nodeName(scenario.node);
  const routes: Route[] = [];
  const matches = runMatches(scenario, run);
  const dropped = matches && (run.counts[DROPPED] ?? 0) > 0;
  routes.push({ kind: dropped ? 'dropped' : 'request', node });
  if (matches) {
    for (const [outcome, n] of Object.entries(run.counts)) {
      if (outcome !== DROPPED && n > 0) routes.push({ kind: 'deliver', node, pod: outcome });
    }
    // Some connections dropped and some delivered: draw the request too.
    if (dropped && routes.length > 1) routes.unshift({ kind: 'request', node });
  }
  return routes;
}

/** The sample connection's route: to the pod that took it, or a drop at the receiving node. */
export function storyRoute(receiving: string, pod: string | null): Route[] {
  return pod === null
    ? [{ kind: 'dropped', node: receiving }]
    : [
        { kind: 'request', node: receiving },
        { kind: 'deliver', node: receiving, pod },
      ];
}
