/**
 * Which datapaths this build of the engine can simulate, asked of the engine itself (build
 * time only: the page passes the answer to the island), so a mode that lands later appears
 * without a code change here, and one that is missing is shown as such instead of faked.
 */
import { createDatapathSimulation, DatapathUnavailableError, type Datapath } from '../engine/datapaths/index.ts';
import { toCluster } from './cluster.ts';
import { DATAPATHS, DEFAULT_SCENARIO } from './scenario.ts';

/** The datapaths createDatapathSimulation accepts, in display order. */
export function availableDatapaths(): Datapath[] {
  const cluster = toCluster(DEFAULT_SCENARIO);
  return DATAPATHS.filter((datapath) => {
    try {
      createDatapathSimulation(cluster, { datapath });
      return true;
    } catch (error) {
      if (error instanceof DatapathUnavailableError) return false;
      throw error;
    }
  });
}
