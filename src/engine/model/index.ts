/** The cluster model: types, manifest loading and writing, EndpointSlice derivation. */
export type * from './types';
export { loadManifests, loadManifestSources } from './loadManifests';
export type { LoadResult, ManifestSource } from './loadManifests';
export { toManifests } from './toManifests';
export { formatManifestError } from './errors';
export type { Language, ManifestError } from './errors';
export { MESSAGE_CODES, formatMessage, messageTemplate } from './messages';
export type { MessageCode, MessageParams } from './messages';
export { deriveMissingEndpointSlices, deriveServiceSlices, resolveTargetPort, selectorMatches } from './deriveEndpointSlices';
export type { UnresolvedTargetPort } from './deriveEndpointSlices';
