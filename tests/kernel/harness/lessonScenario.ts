/** Loads a lesson's scenario (content/scenarios/<slug>.yaml) for the kernel suite. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests } from '../../../src/engine/model/loadManifests';
import type { Cluster, Service } from '../../../src/engine/model/types';

/**
 * The cluster of content/scenarios/<slug>.yaml, with `patch` applied to every Service (the
 * lesson's controls change Service fields). Throws with the loader's messages if the file
 * does not load, so a broken scenario fails the suite rather than testing something else.
 */
export function lessonCluster(
  slug: string,
  patch: Partial<Pick<Service, 'externalTrafficPolicy' | 'internalTrafficPolicy'>> = {},
): Cluster {
  const path = join(process.cwd(), 'content', 'scenarios', `${slug}.yaml`);
  const loaded = loadManifests(readFileSync(path, 'utf8'), path);
  if (!loaded.cluster) throw new Error(`${path}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return { ...loaded.cluster, services: loaded.cluster.services.map((s) => ({ ...s, ...patch })) };
}
