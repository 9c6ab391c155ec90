import { readFileSync } from 'node:fs';
import { formatManifestError } from '../../../src/engine/model/errors';
import { loadManifestSources } from '../../../src/engine/model/loadManifests';
import type { Cluster } from '../../../src/engine/model/types';

/**
 * Loads manifest files (YAML/JSON, as kubectl prints them) into a Cluster with the engine's
 * own loader, so the kernel suite and `npm run kernel` read scenarios exactly as the site does.
 * Throws with every loader error listed when the manifests do not describe a cluster.
 */
export function loadScenarioFiles(paths: readonly string[]): Cluster {
  const result = loadManifestSources(paths.map((path) => ({ text: readFileSync(path, 'utf8'), source: path })));
  if (!result.cluster) {
    const problems = result.errors.map((e) => `  - ${formatManifestError(e)}`).join('\n');
    throw new Error(`could not load ${paths.join(', ')}:\n${problems}`);
  }
  return result.cluster;
}

/** A scenario file shipped with the kernel suite, by name (e.g. "three-endpoints"). */
export function kernelScenarioPath(name: string): string {
  return new URL(`../scenarios/${name}.yaml`, import.meta.url).pathname;
}

/** A lesson's scenario file (content/scenarios/<slug>.yaml), the cluster the site runs. */
export function lessonScenarioPath(slug: string): string {
  return new URL(`../../../content/scenarios/${slug}.yaml`, import.meta.url).pathname;
}
