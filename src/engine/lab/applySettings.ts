/**
 * Applies a reader's control settings to a lesson's scenario and traffic: the patch each
 * control kind makes. Apart from controls.ts so the page's islands, which only read control
 * ids and values, do not ship it: it loads with the engine, on the first run.
 */
import type { Cluster, Service } from '../model/types';
import type { Control, Settings } from './controls';
import { serviceOf } from './service';
import type { LabDatapath, Readiness, TrafficSpec } from './spec';

function patchService(cluster: Cluster, target: Service, change: Partial<Service>): Cluster {
  return { ...cluster, services: cluster.services.map((s) => (s === target ? { ...s, ...change } : s)) };
}

function patchReadiness(cluster: Cluster, pod: string, state: Readiness): Cluster {
  const p = cluster.pods.find((x) => x.name === pod);
  if (!p) return cluster;
  const conditions = { ready: state === 'ready', serving: state !== 'notReady', terminating: state === 'terminating' };
  return {
    ...cluster,
    pods: cluster.pods.map((x) =>
      x === p ? { ...x, ready: conditions.ready, terminating: conditions.terminating } : x,
    ),
    endpointSlices: cluster.endpointSlices.map((slice) => ({
      ...slice,
      endpoints: slice.endpoints.map((e) => (e.addresses.includes(p.ip) ? { ...e, conditions } : e)),
    })),
  };
}

/**
 * The cluster and traffic with every control set as `settings` says (unknown ids are ignored),
 * and the datapath that carries the traffic. Cilium replaces kube-proxy, so choosing it leaves
 * the KubeProxyConfiguration as written and only changes the datapath.
 */
export function applySettings(
  cluster: Cluster,
  traffic: TrafficSpec,
  controls: readonly Control[],
  settings: Settings,
): { readonly cluster: Cluster; readonly traffic: TrafficSpec; readonly datapath: LabDatapath } {
  let c = cluster;
  let t = traffic;
  // As written, the scenario runs its KubeProxyConfiguration's mode.
  let datapath: LabDatapath = cluster.proxy.mode;
  for (const control of controls) {
    const value = settings[control.id];
    if (value === undefined || value === control.default) continue;
    const service = serviceOf(c, t);
    switch (control.kind) {
      case 'externalTrafficPolicy':
        c = patchService(c, service, { externalTrafficPolicy: value === 'Local' ? 'Local' : 'Cluster' });
        break;
      case 'internalTrafficPolicy':
        c = patchService(c, service, { internalTrafficPolicy: value === 'Local' ? 'Local' : 'Cluster' });
        break;
      case 'sessionAffinity':
        c = patchService(c, service, { sessionAffinity: value === 'ClientIP' ? 'ClientIP' : 'None' });
        break;
      case 'sessionAffinityTimeout':
        c = patchService(c, service, { sessionAffinityTimeoutSeconds: Number(value) });
        break;
      case 'entryNode':
        t = { ...t, connections: t.connections.map((x) => (x.to === 'nodePort' ? { ...x, node: value } : x)) };
        break;
      case 'client':
        t = { ...t, connections: t.connections.map((x) => ({ ...x, from: value })) };
        break;
      case 'datapath':
        datapath = value === 'nftables' || value === 'ipvs' || value === 'cilium' ? value : 'iptables';
        if (datapath !== 'cilium') c = { ...c, proxy: { ...c.proxy, mode: datapath } };
        break;
      case 'endpointReadiness':
        c = patchReadiness(c, control.pod ?? '', value as Readiness);
        break;
    }
  }
  return { cluster: c, traffic: t, datapath };
}
