/**
 * Façade: the cluster model. Outside src/engine values come from the engine only through its
 * façades (simulate.ts, lab/index.ts, model/index.ts, rules.ts; eslint.config.js enforces
 * it), so the folders behind them can be rearranged without touching the site. Re-exports
 * only, of modules without top-level effects: a bundle keeps just the names it uses.
 *
 * Here: the model's types, Kubernetes manifests read (with errors worded in either language)
 * and written, EndpointSlices derived the way the controller would, and the bounce cluster
 * the challenges and the social cards start from.
 */
export type * from './types';
export { loadManifests, loadManifestSources } from './loadManifests';
export type { LoadResult, ManifestSource } from './loadManifests';
export { toManifests } from './toManifests';
export { ipv6View } from './family';
export { formatManifestError } from './errors';
export type { Language, ManifestError } from './errors';
export { MESSAGE_CODES, formatMessage, messageTemplate } from './messages';
export type { MessageCode, MessageParams } from './messages';
export {
  deriveMissingEndpointSlices,
  deriveServiceSlices,
  resolveTargetPort,
  selectorMatches,
} from './deriveEndpointSlices';
export type { UnresolvedTargetPort } from './deriveEndpointSlices';
export { bounceCluster, BOUNCE_CLIENT_IP, BOUNCE_NODE_PORT } from '../scenarios/bounce';
export type { BounceOptions } from '../scenarios/bounce';
