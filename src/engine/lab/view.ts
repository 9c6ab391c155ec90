/**
 * A lesson's lab under some settings: the scenario and traffic patched by the controls, and
 * the placeholder values they give. Build-time code and the engine's lab use it; the islands
 * look values up instead (config.ts valuesOf), so this stays out of what a page loads on view.
 */
import type { Cluster } from '../model/types';
import { applySettings } from './applySettings';
import type { LabConfig } from './config';
import type { Settings } from './controls';
import { placeholderValues, type PlaceholderValues } from './placeholders';
import type { LabDatapath, TrafficSpec } from './spec';

/** The lab under some settings: the patched cluster and traffic, and the placeholder values. */
export interface LabView {
  readonly cluster: Cluster;
  readonly traffic: TrafficSpec;
  /** The datapath that carries the traffic (the datapath control's value, or the scenario's mode). */
  readonly datapath: LabDatapath;
  readonly values: PlaceholderValues;
}

/** Applies `settings` to the lesson's scenario and traffic. */
export function viewOf(config: LabConfig, settings: Settings): LabView {
  const { cluster, traffic, datapath } = applySettings(config.cluster, config.spec.traffic, config.controls, settings);
  return { cluster, traffic, datapath, values: placeholderValues(cluster, traffic, config.spec.observable, datapath) };
}
