/**
 * Façade: a lesson's lab. Outside src/engine values come from the engine only through its
 * façades (simulate.ts, lab/index.ts, model/index.ts, rules.ts; eslint.config.js enforces
 * it), so the folders behind them can be rearranged without touching the site. Re-exports
 * only, of modules without top-level effects: a bundle keeps just the names it uses, so the
 * page's islands that look up placeholder values do not ship the code that runs the lab.
 *
 * Here: the lab as a page hands it over (config, controls, their states and placeholder
 * values), the lab under some settings (view, traffic), its runs and their evidence, and the
 * grading of the reader's answer against that evidence.
 */
export { valuesOf } from './config';
export type { LabConfig, LabOption } from './config';
export { defaultSettings, isValidSettings, resolveControls } from './controls';
export type { Control, Settings } from './controls';
export { controlStates, MAX_CONTROL_STATES, stateKey } from './controlStates';
export type { ValuesByState } from './controlStates';
export { fillPlaceholders } from './fillPlaceholders';
export type { PlaceholderValues } from './fillPlaceholders';
export { claimKindsOf, placeholderNames } from './spec';
export type { Claim, ControlSpec, LabSpec, ObservableSpec, TrafficSpec } from './spec';
export { viewOf } from './view';
export type { LabView } from './view';
export { endpointPods } from './service';
export { servicePortOf, trafficSteps } from './traffic';
export type { TrafficStep } from './traffic';
export { exactEnds, startLabRun } from './run';
export type { LabRun } from './run';
export { countsByEnd, endOf } from './evidence';
export type { End, Tally } from './evidence';
export { gradeClaims } from '../quiz/grade';
export type { Grade } from '../quiz/grade';
export { claimTest, measure } from '../quiz/observe';
export { wilsonInterval } from '../stats/wilson';
export type { Interval } from '../stats/wilson';
