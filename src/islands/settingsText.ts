/** The reader's settings in words ("externalTrafficPolicy Local, Send the requests to node-3"). */
import type { Control } from '../engine/lab/controls';
import type { Scenario } from '../stores/model';
import type { LiveStrings } from '../i18n/live/index';
import { controlLabel, valueLabel } from './ScenarioControls';

/** One "name: value" per control, joined with commas. */
export function settingsText(
  controls: readonly Control[],
  scenario: Scenario,
  strings: LiveStrings['controls'],
): string {
  return controls
    .map((c) => `${controlLabel(c, strings)}: ${valueLabel(c, scenario[c.id] ?? c.default, strings)}`)
    .join(', ');
}
