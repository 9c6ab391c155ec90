/**
 * The placeholder values of a lesson for every state of its controls, worked out once when
 * the lesson is built. The controls are a few radio groups, so their states are few, and a
 * lookup lets the question follow the controls in the browser without shipping the code
 * that patches the scenario (that loads with the engine, on the first run).
 */
import type { Control, Settings } from './controls';
import type { PlaceholderValues } from './fillPlaceholders';

/** The most control states a lesson may have (every state's values ship with the page). */
export const MAX_CONTROL_STATES = 256;

/** Settings key → placeholder values. */
export type ValuesByState = Readonly<Record<string, PlaceholderValues>>;

/** The key of `settings` over `controls`: each control's value (its default when unset), in order. */
export function stateKey(controls: readonly Control[], settings: Settings): string {
  return controls.map((c) => settings[c.id] ?? c.default).join('|');
}

/** Every state of `controls`: each combination of their values. */
export function controlStates(controls: readonly Control[]): Settings[] {
  let states: Settings[] = [{}];
  for (const control of controls)
    states = states.flatMap((s) => control.values.map((v) => ({ ...s, [control.id]: v })));
  return states;
}
