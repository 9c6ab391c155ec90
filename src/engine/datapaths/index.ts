/**
 * One entry point for every datapath, so the playground and the comparison view can switch
 * modes with one option: iptables (kube-proxy's rules walked by the netfilter engine,
 * simulate.ts), nftables (kube-proxy's nft rules, simulate.ts mode nftables), IPVS (ipvs/) and Cilium's eBPF kube-proxy
 * replacement (cilium/). All return the same Simulation interface.
 */
import type { Cluster } from '../model/types';
import type { TopologyOptions } from '../network/topology';
import { createSimulation, type Simulation } from '../run/simulation';
import { createCiliumSimulation, type LbAlgorithm, type NodePortMode } from './cilium';
import { createIpvsSimulation, type IpvsScheduler } from './ipvs';

export { createIpvsSimulation, IPVS_SCHEDULERS, type IpvsScheduler, type IpvsOptions } from './ipvs';
export { createCiliumSimulation, type CiliumOptions, type LbAlgorithm, type NodePortMode } from './cilium';
export type { DatapathSession, DatapathSimulation } from './shared/simulation';
export { TRACE_CODES, type DatapathTraceEntry, type TraceCode, type TraceParams } from './shared/trace';

/** The datapaths the engine knows. */
export type Datapath = 'iptables' | 'nftables' | 'ipvs' | 'cilium';

/** Options of createDatapathSimulation. */
export interface DatapathOptions extends TopologyOptions {
  readonly datapath: Datapath;
  /** IPVS mode's --ipvs-scheduler (default rr). */
  readonly ipvsScheduler?: IpvsScheduler;
  readonly cilium?: {
    readonly lb?: LbAlgorithm;
    readonly nodePortMode?: NodePortMode;
    readonly maglevTableSize?: number;
  };
}

/** A simulation of `cluster` through the chosen datapath. Throws RangeError for a bad option. */
export function createDatapathSimulation(cluster: Cluster, options: DatapathOptions): Simulation {
  const { datapath, ipvsScheduler, cilium, ...topology } = options;
  switch (datapath) {
    case 'iptables':
      // Said explicitly: left out, createSimulation follows the KubeProxyConfiguration's mode,
      // and a cluster in nftables mode would hand back nft rules for "iptables".
      return createSimulation(cluster, { ...topology, mode: 'iptables' });
    case 'nftables':
      return createSimulation(cluster, { ...topology, mode: 'nftables' });
    case 'ipvs':
      return createIpvsSimulation(cluster, { ...topology, ...(ipvsScheduler ? { scheduler: ipvsScheduler } : {}) });
    case 'cilium':
      return createCiliumSimulation(cluster, { ...topology, ...cilium });
    default:
      throw new RangeError(`datapath: "${String(datapath)}" is not one of iptables, nftables, ipvs, cilium`);
  }
}
