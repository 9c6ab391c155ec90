/**
 * Cilium's eBPF kube-proxy replacement behind the engine's Simulation interface: rules(node)
 * shows `cilium-dbg service list` and `cilium-dbg bpf lb list` (and the Maglev tables when
 * Maglev is on); connections walk the same network as iptables mode.
 */
import type { Cluster } from '../../model/types';
import { clusterTopology, type TopologyOptions } from '../../network/topology';
import { datapathSimulation, type DatapathSimulation } from '../shared/simulation';
import { CiliumBalancer, frontendMaglev, type CiliumTables, type LbAlgorithm, type NodePortMode } from './balancer';
import { MAGLEV_DEFAULT_TABLE_SIZE, MAGLEV_TABLE_SIZES, maglevSeeds } from './maglev';
import { renderBpfLbList, renderMaglevSummary, renderServiceList } from './render';
import { frontendsFor } from './services';

export type { LbAlgorithm, NodePortMode } from './balancer';
export type { Frontend, CiliumBackend } from './services';
export {
  maglevTable,
  maglevSeeds,
  tupleHash,
  MAGLEV_TABLE_SIZES,
  MAGLEV_DEFAULT_TABLE_SIZE,
  MAGLEV_DEFAULT_SEED,
} from './maglev';

/** Cilium's load-balancing options (Helm: loadBalancer.algorithm, loadBalancer.mode, maglev.tableSize). */
export interface CiliumOptions extends TopologyOptions {
  /** --bpf-lb-algorithm (default random). */
  readonly lb?: LbAlgorithm;
  /** --bpf-lb-mode (default snat). */
  readonly nodePortMode?: NodePortMode;
  /** --bpf-lb-maglev-table-size (default 16381; one of MAGLEV_TABLE_SIZES). */
  readonly maglevTableSize?: number;
  /** --bpf-lb-maglev-hash-seed (default "JLfvgnHc2kaSUFaI"). */
  readonly maglevHashSeed?: string;
}

/** Cilium's maps for a cluster, for rendering and tests. Throws RangeError naming a bad option. */
export function ciliumTables(cluster: Cluster, options: CiliumOptions = {}): CiliumTables {
  const lb = options.lb ?? 'random';
  if (lb !== 'random' && lb !== 'maglev') throw new RangeError(`cilium.lb: "${String(lb)}" is not random or maglev`);
  const nodePortMode = options.nodePortMode ?? 'snat';
  if (!['snat', 'dsr', 'hybrid'].includes(nodePortMode))
    throw new RangeError(`cilium.nodePortMode: "${String(nodePortMode)}" is not snat, dsr or hybrid`);
  const maglevTableSize = options.maglevTableSize ?? MAGLEV_DEFAULT_TABLE_SIZE;
  if (!MAGLEV_TABLE_SIZES.includes(maglevTableSize))
    throw new RangeError(`cilium.maglevTableSize: ${maglevTableSize} is not one of ${MAGLEV_TABLE_SIZES.join(', ')}`);
  const seeds = maglevSeeds(options.maglevHashSeed);
  const topology = clusterTopology(cluster, () => '', options);
  const frontends = topology.nodes.map((n) => frontendsFor(cluster, n));
  return { topology, frontends, lb, nodePortMode, maglevTableSize, seeds, maglev: new Map() };
}

/** A simulation of the cluster with Cilium replacing kube-proxy. */
export function createCiliumSimulation(cluster: Cluster, options: CiliumOptions = {}): DatapathSimulation {
  const tables = ciliumTables(cluster, options);
  const { topology } = tables;
  const rules = (name: string): string => {
    const node = topology.byName.get(name);
    if (!node) throw new RangeError(`no node "${name}"`);
    const frontends = tables.frontends[node.index] ?? [];
    const parts = [
      `# ${name}: cilium-dbg service list`,
      renderServiceList(frontends),
      `# ${name}: cilium-dbg bpf lb list`,
      renderBpfLbList(frontends),
    ];
    if (tables.lb === 'maglev')
      parts.push(
        `# ${name}: Maglev lookup tables (slots per backend)`,
        renderMaglevSummary(frontends, (f) => frontendMaglev(tables, node.index, f)),
      );
    return parts.join('\n');
  };
  return datapathSimulation({ topology, createBalancer: () => new CiliumBalancer(tables), rules, problems: () => [] });
}
