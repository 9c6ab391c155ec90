import { maskOf, parseIPv4 } from '../../netfilter/ip';
import { cidrContains, parseCidr } from '../ip';
import type { Collected, Read } from './collect';

/**
 * Checks that need several objects: duplicates (the API server would refuse the second
 * object), references to nodes that are not in the input, address clashes.
 */
export function crossCheck(collected: Collected): void {
  rejectDuplicates(collected.nodes, (n) => n.name, 'Node');
  rejectDuplicates(collected.pods, (p) => `${p.namespace}/${p.name}`, 'Pod');
  rejectDuplicates(collected.services, (s) => `${s.namespace}/${s.name}`, 'Service');
  rejectDuplicates(collected.slices, (s) => `${s.namespace}/${s.name}`, 'EndpointSlice');
  checkNodes(collected);
  checkPods(collected);
  checkServices(collected);
  checkSlices(collected);
}

function rejectDuplicates<T>(list: Read<T>[], key: (value: T) => string, kind: string): void {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry === undefined) continue;
    const k = key(entry.value);
    if (seen.has(k)) {
      entry.ctx.error('duplicate-object', { kind, name: k }, ['metadata', 'name']);
      list.splice(i--, 1);
    }
    seen.add(k);
  }
}

function checkNodes(collected: Collected): void {
  const byIP = new Map<string, string>();
  const cidrs: { name: string; text: string }[] = [];
  for (const { value: node, ctx } of collected.nodes) {
    const other = byIP.get(node.internalIP);
    if (other !== undefined) ctx.error('duplicate-node-ip', { ip: node.internalIP, other }, ['status', 'addresses']);
    byIP.set(node.internalIP, node.name);
    const mine = parseCidr(node.podCIDR, 'reject');
    for (const prev of cidrs) {
      const theirs = parseCidr(prev.text, 'reject');
      if (mine === undefined || theirs === undefined) continue;
      const prefix = Math.min(mine.prefix, theirs.prefix);
      if ((mine.base & maskOf(prefix)) >>> 0 === (theirs.base & maskOf(prefix)) >>> 0) {
        ctx.warn('overlapping-pod-cidr', { cidr: node.podCIDR, otherCidr: prev.text, other: prev.name }, [
          'spec',
          'podCIDR',
        ]);
      }
    }
    cidrs.push({ name: node.name, text: node.podCIDR });
  }
}

function checkPods(collected: Collected): void {
  const nodes = new Map(collected.nodes.map((n) => [n.value.name, n.value]));
  for (let i = 0; i < collected.pods.length; i++) {
    const entry = collected.pods[i];
    if (entry === undefined) continue;
    const node = nodes.get(entry.value.nodeName);
    if (node === undefined) {
      entry.ctx.error('unknown-node', { node: entry.value.nodeName }, ['spec', 'nodeName']);
      continue;
    }
    const cidr = parseCidr(node.podCIDR, 'reject');
    const ip = parseIPv4(entry.value.ip, 'reject');
    // hostNetwork pods carry the node's own address; anything else should be in the podCIDR.
    if (cidr !== undefined && ip !== null && !cidrContains(cidr, ip) && entry.value.ip !== node.internalIP) {
      entry.ctx.warn('pod-ip-outside-cidr', { ip: entry.value.ip, cidr: node.podCIDR, node: node.name }, [
        'status',
        'podIP',
      ]);
    }
  }
}

function checkServices(collected: Collected): void {
  const clusterIPs = new Map<string, string>();
  const nodePorts = new Map<string, string>();
  for (const { value: svc, ctx } of collected.services) {
    const label = `${svc.namespace}/${svc.name}`;
    if (svc.clusterIP !== 'None') {
      const other = clusterIPs.get(svc.clusterIP);
      if (other !== undefined) ctx.error('duplicate-cluster-ip', { ip: svc.clusterIP, other }, ['spec', 'clusterIP']);
      clusterIPs.set(svc.clusterIP, label);
    }
    svc.ports.forEach((port, i) => {
      if (port.nodePort === 0) return;
      const key = `${port.nodePort}/${port.protocol}`;
      const other = nodePorts.get(key);
      if (other !== undefined && other !== label) {
        ctx.error('duplicate-node-port', { port: port.nodePort, protocol: port.protocol, other }, [
          'spec',
          'ports',
          i,
          'nodePort',
        ]);
      }
      nodePorts.set(key, label);
    });
  }
}

function checkSlices(collected: Collected): void {
  const nodes = new Set(collected.nodes.map((n) => n.value.name));
  for (const { value: slice, ctx } of collected.slices) {
    slice.endpoints.forEach((endpoint, i) => {
      if (endpoint.nodeName !== undefined && !nodes.has(endpoint.nodeName)) {
        ctx.warn('endpoint-unknown-node', { node: endpoint.nodeName }, ['endpoints', i, 'nodeName']);
      }
    });
  }
}
