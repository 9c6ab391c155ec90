import { parseAddress, parseIPv4 } from '../engine/rules';
import type { Cluster, Service, ServicePort } from '../engine/model/types';
import { CliUsageError } from './args';

/** Where a --to shorthand points. */
export interface ResolvedTarget {
  readonly ip: string;
  readonly port: number;
  /** The node the shorthand names (node/NAME:…), used as the entry node by default. */
  readonly node?: string;
}

/**
 * A valid address: IPv4 as the Kubernetes API writes it (no leading zeros), or IPv6 in any RFC
 * 4291 form (no brackets, no zone).
 */
export function isAddress(text: string): boolean {
  return text.includes(':') ? parseAddress(text) !== null : parseIPv4(text, 'reject') !== null;
}

/**
 * "IP:PORT" with a valid address and port, or undefined. An IPv6 address is written in
 * brackets ("[fd00::1]:80"), as in a URL; the returned ip has none.
 */
export function parseIPPort(text: string): { ip: string; port: number } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  let ip = text.slice(0, colon);
  const port = text.slice(colon + 1);
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  else if (ip.includes(':')) return undefined;
  if (!isAddress(ip) || !/^\d{1,5}$/.test(port) || Number(port) > 65535) return undefined;
  return { ip, port: Number(port) };
}

function splitPort(text: string): [string, string | undefined] {
  const colon = text.indexOf(':');
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

function findService(cluster: Cluster, ref: string): Service {
  const parts = ref.split('/');
  const matches = cluster.services.filter((s) =>
    parts.length === 2 ? s.namespace === parts[0] && s.name === parts[1] : parts.length === 1 && s.name === parts[0],
  );
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1) {
    throw new CliUsageError(
      `--to: Service "${ref}" exists in several namespaces (${matches.map((s) => s.namespace).join(', ')}); write NAMESPACE/NAME`,
    );
  }
  const names = cluster.services.map((s) => `${s.namespace}/${s.name}`).join(', ');
  throw new CliUsageError(`--to: no Service "${ref}" (Services: ${names === '' ? 'none' : names})`);
}

function findPort(service: Service, port: string | undefined): ServicePort {
  const label = `${service.namespace}/${service.name}`;
  if (port === undefined) {
    if (service.ports.length === 1 && service.ports[0] !== undefined) return service.ports[0];
    throw new CliUsageError(
      `--to: Service ${label} has ${service.ports.length} ports; add :PORT (${service.ports.map((p) => p.name || p.port).join(', ')})`,
    );
  }
  const found = service.ports.find((p) => p.name === port || String(p.port) === port);
  if (found === undefined)
    throw new CliUsageError(
      `--to: Service ${label} has no port "${port}" (${service.ports.map((p) => p.name || p.port).join(', ')})`,
    );
  return found;
}

/**
 * Resolves a --to value against the cluster: IP:PORT, node/NAME:PORT, node/NAME:nodeport,
 * svc/[NS/]NAME[:PORT], lb/[NS/]NAME[:PORT], pod/[NS/]NAME:PORT. Throws CliUsageError.
 */
export function resolveTarget(cluster: Cluster, text: string): ResolvedTarget {
  const direct = parseIPPort(text);
  if (direct !== undefined) return direct;
  const slash = text.indexOf('/');
  const kind = slash < 0 ? '' : text.slice(0, slash);
  const [ref, port] = splitPort(text.slice(slash + 1));
  switch (kind) {
    case 'node': {
      const node = cluster.nodes.find((n) => n.name === ref);
      if (node === undefined)
        throw new CliUsageError(`--to: no node "${ref}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`);
      if (port === 'nodeport') {
        const nodePorts = cluster.services.flatMap((s) =>
          s.ports.filter((p) => p.nodePort !== 0).map((p) => ({ s, p })),
        );
        const only = nodePorts[0];
        if (nodePorts.length !== 1 || only === undefined) {
          const list = nodePorts.map(({ s, p }) => `${s.namespace}/${s.name}:${p.nodePort}`).join(', ');
          throw new CliUsageError(
            `--to: node/${ref}:nodeport needs exactly one node port in the cluster, found ${nodePorts.length}${list === '' ? '' : ` (${list})`}; write node/${ref}:PORT`,
          );
        }
        return { ip: node.internalIP, port: only.p.nodePort, node: node.name };
      }
      if (port === undefined || !/^\d{1,5}$/.test(port) || Number(port) > 65535) {
        throw new CliUsageError(`--to: "${text}" needs :PORT or :nodeport after the node name`);
      }
      return { ip: node.internalIP, port: Number(port), node: node.name };
    }
    case 'svc': {
      const service = findService(cluster, ref);
      if (service.clusterIP === 'None')
        throw new CliUsageError(`--to: Service ${service.namespace}/${service.name} is headless (no ClusterIP)`);
      return { ip: service.clusterIP, port: findPort(service, port).port };
    }
    case 'lb': {
      const service = findService(cluster, ref);
      const ingress = service.loadBalancerIngress.find((i) => i.ipMode === 'VIP') ?? service.loadBalancerIngress[0];
      if (ingress === undefined)
        throw new CliUsageError(`--to: Service ${service.namespace}/${service.name} has no load-balancer IP`);
      return { ip: ingress.ip, port: findPort(service, port).port };
    }
    case 'pod': {
      const parts = ref.split('/');
      const pods = cluster.pods.filter((p) =>
        parts.length === 2 ? p.namespace === parts[0] && p.name === parts[1] : p.name === ref,
      );
      const pod = pods[0];
      if (pods.length !== 1 || pod === undefined)
        throw new CliUsageError(`--to: ${pods.length === 0 ? 'no' : 'more than one'} pod "${ref}"`);
      if (port === undefined || !/^\d{1,5}$/.test(port) || Number(port) > 65535)
        throw new CliUsageError(`--to: "${text}" needs :PORT`);
      return { ip: pod.ip, port: Number(port) };
    }
    default:
      throw new CliUsageError(
        `--to: "${text}" is not IP:PORT, node/NAME:PORT, node/NAME:nodeport, svc/NAME[:PORT], lb/NAME[:PORT] or pod/NAME:PORT`,
      );
  }
}

/**
 * Resolves a --to value for a ping (--proto icmp), which has no port: IP, node/NAME,
 * svc/[NS/]NAME, lb/[NS/]NAME or pod/[NS/]NAME. Any port is refused, naming what to write.
 */
export function resolvePingTarget(cluster: Cluster, text: string): { readonly ip: string; readonly node?: string } {
  if (isAddress(text)) return { ip: text };
  // An IPv6 address may come in brackets, as it does before a port elsewhere.
  const bracketed = /^\[([^\]]*)\](.*)$/.exec(text);
  if (bracketed && isAddress(bracketed[1] ?? '')) {
    if (bracketed[2] === '') return { ip: bracketed[1] ?? '' };
    throw new CliUsageError(
      `--to: a ping (--proto icmp) has no port; write "${bracketed[1] ?? ''}" without "${bracketed[2] ?? ''}"`,
    );
  }
  const slash = text.indexOf('/');
  const notTarget = `--to: "${text}" is not an IPv4 or IPv6 address, node/NAME, svc/NAME, lb/NAME or pod/NAME`;
  // Two colons and no slash: a mistyped IPv6 address, not an address and a port.
  if (slash < 0 && text.indexOf(':') !== text.lastIndexOf(':')) throw new CliUsageError(notTarget);
  const colon = slash < 0 ? text.lastIndexOf(':') : text.indexOf(':', slash);
  if (colon >= 0)
    throw new CliUsageError(
      `--to: a ping (--proto icmp) has no port; write "${text.slice(0, colon)}" without "${text.slice(colon)}"`,
    );
  if (slash < 0) {
    throw new CliUsageError(notTarget);
  }
  const kind = text.slice(0, slash);
  const ref = text.slice(slash + 1);
  if (kind === 'node') {
    const node = cluster.nodes.find((n) => n.name === ref);
    if (node === undefined)
      throw new CliUsageError(`--to: no node "${ref}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`);
    return { ip: node.internalIP, node: node.name };
  }
  // The other shorthands need a port only to pick a Service port; give them a harmless one.
  const service = kind === 'svc' || kind === 'lb' ? findService(cluster, ref) : undefined;
  const first = service?.ports[0];
  const port = first === undefined ? '' : `:${first.name || first.port}`;
  const resolved = resolveTarget(cluster, kind === 'pod' ? `${text}:1` : `${text}${port}`);
  return { ip: resolved.ip };
}
