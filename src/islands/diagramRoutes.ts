/**
 * Which routes the live diagram draws: the request to the receiving node, then a delivery to
 * every pod the last run reached (or a drop), and the sample connection's own path for the
 * animation. Pure functions over the site's diagram geometry.
 */
import type { Route } from '../components/diagram/layout';
import { isPod, type RunSummary, type Scenario } from '../stores/model';
import { sameScenario } from '../stores/scenario';

/** True when `run` was made with the controls as they are now. */
export function runMatches(scenario: Scenario, run: RunSummary | null): run is RunSummary {
  return run !== null && sameScenario(run.scenario, scenario);
}

/** Connections of a run that reached no pod. */
export function failedCount(run: RunSummary): number {
  return Object.entries(run.counts).reduce((n, [outcome, c]) => n + (isPod(outcome) ? 0 : c), 0);
}

/** The routes of the last run from the entry `node`, when it matches the settings shown; else only the request. */
export function runRoutes(node: string, scenario: Scenario, run: RunSummary | null): Route[] {
  const routes: Route[] = [];
  const matches = runMatches(scenario, run);
  const dropped = matches && failedCount(run) > 0;
  routes.push({ kind: dropped ? 'dropped' : 'request', node });
  if (matches) {
    for (const [outcome, n] of Object.entries(run.counts)) {
      if (isPod(outcome) && n > 0) routes.push({ kind: 'deliver', node, pod: outcome });
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
