/**
 * The live diagram's sample connection (hops, the moving dot, the step caption), one chunk
 * loaded with the engine: there is no sample to follow before the engine has walked one, so
 * this code need not ship when the diagram first hydrates.
 */
export { sampleHops } from './diagramHops';
export { HopCaption } from './HopCaption';
export { SampleLayer } from './SampleLayer';
