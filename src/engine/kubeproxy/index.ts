/** kube-proxy's iptables rules for the model: the public entry points of this folder. */
export { generateIptablesSave } from './iptables/save';
export type { RuleStyle, SaveOptions } from './iptables/save';
export { generateRestoreInput, masqueradeMark } from './iptables/restoreInput';
export type { IptablesOptions } from './iptables/options';
export { kernelRule } from './iptables/kernelFormat';
export { hash16, endpointChain, serviceChains, servicePortNameString } from './chainNames';
export type { ServiceChains } from './chainNames';
export { computeProbability } from './probability';
export { categorizeEndpoints, endpointsForServicePort } from './endpoints';
export type { CategorizedEndpoints, EndpointInfo } from './endpoints';
export { servicePortInfos } from './servicePorts';
export type { ServicePortInfo } from './servicePorts';
