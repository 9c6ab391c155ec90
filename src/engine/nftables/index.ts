/** nftables for the engine: parse any ruleset text, compile it, and run packets through hooks. */
export { parseNft } from './parse';
export { parsePriority } from './priority';
export { parseDuration } from './duration';
export { compileNft, nftChainKey } from './compile';
export type { CompiledNft, CompiledNftChain, NftRun } from './compile';
export { runBaseChain, baseChainsAt } from './evaluate';
export { createNftState, cloneNftState } from './state';
export type { NftState } from './state';
export { detectRulesFormat } from './detect';
export type { RulesFormat } from './detect';
export type { NftRuleset, NftProblem, NftTable, NftChain, NftSet } from './model';
