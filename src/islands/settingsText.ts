/** The reader's settings in words ("externalTrafficPolicy Local, Send the requests to node-3"). */
import type { Control } from '../engine/lab/controls.ts';
import type { Scenario } from '../stores/model.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { controlLabel, valueLabel } from './ScenarioControls.tsx';

/** One "name: value" per control, joined with commas. */
export function settingsText(controls: readonly Control[], scenario: Scenario, strings: LiveStrings['controls']): string {
  return controls
    .map((c) => `${controlLabel(c, strings)}: ${valueLabel(c, scenario[c.id] ?? c.default, strings)}`)
    .join(', ');
}
