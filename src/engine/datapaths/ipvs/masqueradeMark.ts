import type { Cluster } from '../../model/types';
import { formatAddress, inPrefix, parsePrefix, type Prefix } from '../../netfilter/ip';
import type { NetNode } from '../../network/topology';
import type { LbContext, Pkt } from '../shared/balancer';
import { traceStep, type TracePlace } from '../shared/trace';
import type { VirtualServer } from './virtualServers';

/** The pod range detectLocalMode calls local on this node, or null when nothing is local. */
function local(cluster: Cluster, node: NetNode): Prefix | null {
  const mode = cluster.proxy.detectLocalMode;
  if (mode === 'ClusterCIDR') return cluster.proxy.clusterCIDR ? parsePrefix(cluster.proxy.clusterCIDR) : null;
  if (mode === 'NodeCIDR') return node.podCIDR;
  return null;
}

/**
 * Whether KUBE-SERVICES marks the packet 0x4000 (then KUBE-POSTROUTING masquerades it): the
 * few iptables rules IPVS mode keeps run in nat PREROUTING / OUTPUT, before IPVS sees the packet.
 */
export function markMasq(cluster: Cluster, ctx: LbContext, node: NetNode, p: Pkt, vs: VirtualServer): boolean {
  const place: TracePlace = {
    node: node.name,
    hook: ctx.ingress === 'local' ? 'OUTPUT' : 'PREROUTING',
    table: 'nat',
    chain: 'KUBE-SERVICES',
    direction: 'original',
  };
  if (p.src >>> 24 === 127) return false; // -A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN
  const proxy = cluster.proxy;
  const svc = vs.service;
  let rule: string | null = null;
  if (vs.kind === 'nodePort') {
    if (svc.externalPolicyLocal) {
      traceStep(
        ctx.trace,
        { ...place, chain: 'KUBE-NODE-PORT' },
        'ipvs.nodeport-local',
        `-A KUBE-NODE-PORT -p ${svc.protocol} -m comment --comment "Kubernetes nodeport ${vs.protocol} port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-${vs.protocol} dst -j RETURN`,
        'RETURN',
        { port: vs.port },
      );
      return false;
    }
    rule = `-A KUBE-NODE-PORT -p ${svc.protocol} -m comment --comment "Kubernetes nodeport ${vs.protocol} port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-${vs.protocol} dst -j KUBE-MARK-MASQ`;
  } else if (vs.kind === 'clusterIP') {
    const cidr = local(cluster, node);
    if (proxy.masqueradeAll)
      rule =
        '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ';
    else if (cidr && !inPrefix(p.src, cidr))
      rule = `-A KUBE-SERVICES ! -s ${proxy.detectLocalMode === 'NodeCIDR' ? node.podCIDR && `${formatAddress(node.podCIDR.addr)}/${node.podCIDR.length}` : proxy.clusterCIDR} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`;
  } else if (!svc.externalPolicyLocal) {
    rule =
      vs.kind === 'externalIP'
        ? '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -j KUBE-MARK-MASQ'
        : '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ';
  }
  if (rule === null) return false;
  traceStep(
    ctx.trace,
    { ...place, chain: rule.split(' ')[1] ?? 'KUBE-SERVICES' },
    'ipvs.mark-masq',
    rule,
    'jump KUBE-MARK-MASQ',
    { kind: vs.kind },
  );
  return true;
}
