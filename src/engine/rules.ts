/**
 * Façade: rules as text. Outside src/engine values come from the engine only through its
 * façades (simulate.ts, lab/index.ts, model/index.ts, rules.ts; eslint.config.js enforces
 * it), so the folders behind them can be rearranged without touching the site. Re-exports
 * only, of modules without top-level effects: a bundle keeps just the names it uses.
 *
 * Here: the rules kube-proxy writes for a node (iptables-save, or the nft transaction or
 * listing), which front end a pasted ruleset is written for, what the trace page reads from
 * parsed rules (the static work bound, a rule's dump line, the built-in chains), and the IPv4
 * addresses rules are written with.
 */
export { generateIptablesSave } from './kubeproxy/iptables/save';
export type { RuleStyle, SaveOptions } from './kubeproxy/iptables/save';
export { generateNftables } from './kubeproxy/nftables';
export type { NftablesOptions, NftRendering } from './kubeproxy/nftables';
export { detectRulesFormat, type RulesFormat } from './nftables/detect';
export { BUILTIN_CHAINS } from './netfilter/model';
export { walkCost, WALKED_TABLES } from './network/cost';
export type { FanOutSite, WalkCost } from './network/cost';
export { ruleLine } from './network/lines';
export { formatAddress, formatIPv4, joinHostPort, parseAddress, parseIPv4, parsePrefix } from './netfilter/ip';
export type { Address, Prefix } from './netfilter/ip';
