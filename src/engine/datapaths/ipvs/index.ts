/**
 * kube-proxy's IPVS mode (`--proxy-mode=ipvs`, deprecated since Kubernetes 1.35) behind the
 * engine's Simulation interface: rules(node) is `ipvsadm -Ln` plus the ipsets and the
 * iptables rules IPVS mode keeps; connections walk the same network as iptables mode.
 */
import type { Cluster } from '../../model/types';
import { clusterTopology, type TopologyOptions } from '../../network/topology';
import type { NodeProblem } from '../../run/simulation';
import { datapathSimulation, type DatapathSimulation } from '../shared/simulation';
import { IpvsBalancer, type IpvsTables } from './balancer';
import { ipsetsFor, renderIpsets, renderIpvsadm, renderIptables } from './render';
import { IPVS_SCHEDULERS, virtualServersFor, type IpvsScheduler } from './virtualServers';

export { IPVS_SCHEDULERS, type IpvsScheduler, type VirtualServer, type RealServer } from './virtualServers';
export { mhTable, shTable, MH_TABLE_SIZE, SH_TABLE_SIZE } from './schedulers';

/** Options of createIpvsSimulation. */
export interface IpvsOptions extends TopologyOptions {
  /** --ipvs-scheduler (default "rr", as kube-proxy). */
  readonly scheduler?: IpvsScheduler;
}

/** The IPVS-mode tables of a cluster (virtual servers per node), for rendering and tests. */
export function ipvsTables(cluster: Cluster, options: IpvsOptions = {}): IpvsTables {
  const scheduler = options.scheduler ?? 'rr';
  if (!IPVS_SCHEDULERS.includes(scheduler))
    throw new RangeError(`ipvsScheduler: "${String(scheduler)}" is not one of ${IPVS_SCHEDULERS.join(', ')}`);
  // The network is the one iptables mode walks; IPVS mode's own rules are modelled, not parsed.
  const topology = clusterTopology(cluster, () => '', options);
  const servers = topology.nodes.map((n) => virtualServersFor(cluster, n, scheduler));
  const bound = servers.map(
    (list) =>
      new Set(
        list
          .filter(
            (v) =>
              v.kind === 'clusterIP' ||
              ((v.kind === 'externalIP' || v.kind === 'loadBalancer') &&
                !topology.nodes.some((n) => n.addresses.isLocal(v.address))),
          )
          .map((v) => v.address),
      ),
  );
  return { cluster, topology, servers, bound, hashTables: new Map() };
}

/** A simulation of the cluster with kube-proxy in IPVS mode. */
export function createIpvsSimulation(cluster: Cluster, options: IpvsOptions = {}): DatapathSimulation {
  const tables = ipvsTables(cluster, options);
  const { topology } = tables;
  const rules = (name: string): string => {
    const node = topology.byName.get(name);
    if (!node) throw new RangeError(`no node "${name}"`);
    const servers = tables.servers[node.index] ?? [];
    const sets = ipsetsFor(servers, tables.bound[node.index] ?? new Set());
    return [
      `# ${name}: ipvsadm -Ln`,
      renderIpvsadm(servers, () => ({ active: 0, inactive: 0 })),
      `# ${name}: ipset list (name, type, members)`,
      renderIpsets(sets),
      `# ${name}: iptables-save (the rules IPVS mode keeps)`,
      renderIptables(sets, cluster.proxy, node),
    ].join('\n');
  };
  const problems = (name?: string): NodeProblem[] => {
    const out: NodeProblem[] = [];
    for (const node of topology.nodes) {
      if (name !== undefined && node.name !== name) continue;
      for (const vs of tables.servers[node.index] ?? []) {
        if (vs.fellBack)
          out.push({
            node: node.name,
            line: 0,
            text: '',
            message: `${vs.service.nameString}: no local endpoint for ${vs.kind} ${vs.port}; IPVS mode falls back to all endpoints (kubernetes#97081)`,
            level: 'note',
          });
      }
    }
    return out;
  };
  return datapathSimulation({ topology, createBalancer: () => new IpvsBalancer(tables), rules, problems });
}
