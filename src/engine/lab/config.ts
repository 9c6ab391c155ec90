/**
 * A lesson's lab as the page hands it to the browser: plain data (the scenario already
 * loaded into a Cluster, the controls resolved, the question and options in the page's
 * language), so no YAML parser and no lesson code ships to the reader.
 */
import type { Cluster } from '../model/types';
import { applySettings, type Control, type Settings } from './controls';
import { placeholderValues, type PlaceholderValues } from './placeholders';
import type { Claim, LabSpec, TrafficSpec } from './spec';

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
}

/** The lab under some settings: the patched cluster and traffic, and the placeholder values. */
export interface LabView {
  readonly cluster: Cluster;
  readonly traffic: TrafficSpec;
  readonly values: PlaceholderValues;
}

/** Applies `settings` to the lesson's scenario and traffic. */
export function viewOf(config: LabConfig, settings: Settings): LabView {
  const { cluster, traffic } = applySettings(config.cluster, config.spec.traffic, config.controls, settings);
  return { cluster, traffic, values: placeholderValues(cluster, traffic, config.spec.observable) };
}
