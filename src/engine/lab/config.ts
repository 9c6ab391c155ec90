/**
 * A lesson's lab as the page hands it to the browser: plain data (the scenario already
 * loaded into a Cluster, the controls resolved, the question and options in the page's
 * language), so no YAML parser and no lesson code ships to the reader.
 */
import type { Cluster } from '../model/types';
import type { Control, Settings } from './controls';
import type { PlaceholderValues } from './fillPlaceholders';
import type { Claim, LabSpec } from './spec';
import { stateKey, type ValuesByState } from './controlStates';

/** One answer option of the lesson, text in the page's language (placeholders unfilled). */
export interface LabOption {
  readonly id: 'a' | 'b' | 'c' | 'd';
  readonly text: string;
  readonly claim: Claim;
}

/** Everything the lab of one lesson needs in the browser. */
export interface LabConfig {
  /** The lesson's slug: storage keys and progress are per slug. */
  readonly slug: string;
  readonly spec: LabSpec;
  /** The scenario file, loaded. */
  readonly cluster: Cluster;
  readonly controls: readonly Control[];
  /** The question, with placeholders. */
  readonly question: string;
  readonly options: readonly LabOption[];
  /** The placeholder values for every state of the controls (see controlStates.ts). */
  readonly values: ValuesByState;
}

/**
 * The placeholder values under `settings`, looked up (no scenario patching, so an island can
 * call it without the engine); null for settings no control state has.
 */
export function valuesOf(config: LabConfig, settings: Settings): PlaceholderValues | null {
  return config.values[stateKey(config.controls, settings)] ?? null;
}
