import type { LoadBalancerIngress, Service, ServicePort } from '../types';
import { looksLikeIPv6 } from '../ip';
import { term } from '../messages';
import type { FieldPath, ObjectContext } from './context';
import { describeValue } from './context';
import type { Mapping } from './fields';
import {
  checkCidr,
  checkIPv4,
  checkName,
  isMapping,
  isPortName,
  readBoolean,
  readEnum,
  readInteger,
  readList,
  readMapping,
  readString,
  readStringMap,
} from './fields';
import { PROTOCOLS } from './readPod';
import { readMeta } from './readMeta';

type ServiceType = Service['type'] | 'ExternalName';
const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/**
 * A Service with the API server's defaults applied: type ClusterIP, traffic policies Cluster,
 * sessionAffinity None with a 10800 s timeout, protocol TCP, targetPort = port. Fields the
 * API server allocates (clusterIP, nodePort) must be present: the simulator cannot guess them.
 * On dual-stack objects only the IPv4 family is read, as kube-proxy's IPv4 proxier does.
 */
export function readService(ctx: ObjectContext, obj: Mapping): Service | undefined {
  const meta = readMeta(ctx, obj, 'Service', true);
  const spec = readMapping(ctx, obj, 'spec', []);
  if (spec === undefined) {
    ctx.error('missing-field', {}, ['spec']);
    return undefined;
  }
  const type = readEnum(ctx, spec, 'type', ['spec'], SERVICE_TYPES, 'ClusterIP');
  if (type === 'ExternalName') {
    ctx.warn('external-name-ignored', {}, ['spec', 'type']);
    return undefined;
  }
  const clusterIP = readClusterIP(ctx, spec);
  const headless = clusterIP === 'None';
  const selectorMap = readStringMap(ctx, spec, 'selector', ['spec']);
  const selector = selectorMap === undefined || Object.keys(selectorMap).length === 0 ? undefined : selectorMap;
  const ports = type === undefined ? undefined : readPorts(ctx, spec, type, headless);
  const policies = ['Cluster', 'Local'] as const;
  const externalTrafficPolicy = readEnum(ctx, spec, 'externalTrafficPolicy', ['spec'], policies, 'Cluster');
  const internalTrafficPolicy = readEnum(ctx, spec, 'internalTrafficPolicy', ['spec'], policies, 'Cluster');
  const sessionAffinity = readEnum(ctx, spec, 'sessionAffinity', ['spec'], ['None', 'ClientIP'] as const, 'None');
  const timeout = readAffinityTimeout(ctx, spec);
  const externalIPs = readAddressList(ctx, spec, 'externalIPs', ['spec']);
  const sourceRanges = readSourceRanges(ctx, spec);
  const ingress = readIngress(ctx, obj);
  const healthCheckNodePort =
    readInteger(ctx, spec, 'healthCheckNodePort', ['spec'], { min: 1, max: 65535, port: true }) ?? 0;
  const publishNotReady = readBoolean(ctx, spec, 'publishNotReadyAddresses', ['spec']);
  const needsHealthCheck = type === 'LoadBalancer' && externalTrafficPolicy === 'Local';
  if (needsHealthCheck && healthCheckNodePort === 0) ctx.warn('health-check-port-missing', {}, ['spec']);
  if (!needsHealthCheck && healthCheckNodePort !== 0)
    ctx.warn('health-check-port-ignored', {}, ['spec', 'healthCheckNodePort']);

  if (
    meta === undefined ||
    type === undefined ||
    clusterIP === undefined ||
    ports === undefined ||
    externalTrafficPolicy === undefined ||
    internalTrafficPolicy === undefined ||
    sessionAffinity === undefined ||
    timeout === undefined ||
    externalIPs === undefined ||
    sourceRanges === undefined ||
    ingress === undefined
  ) {
    return undefined;
  }
  const service: Service = {
    namespace: meta.namespace,
    name: meta.name,
    type,
    clusterIP,
    selector,
    ports,
    externalTrafficPolicy,
    internalTrafficPolicy,
    sessionAffinity,
    sessionAffinityTimeoutSeconds: timeout,
    externalIPs,
    loadBalancerIngress: ingress,
    loadBalancerSourceRanges: sourceRanges,
    healthCheckNodePort,
  };
  return publishNotReady === true ? { ...service, publishNotReadyAddresses: true } : service;
}

/** spec.clusterIP, or the IPv4 entry of spec.clusterIPs on an IPv6-primary dual-stack Service. */
function readClusterIP(ctx: ObjectContext, spec: Mapping): string | undefined {
  const single = readString(ctx, spec, 'clusterIP', ['spec']);
  if (single === 'None') return 'None';
  if (single !== undefined && single !== '' && !looksLikeIPv6(single))
    return checkIPv4(ctx, single, ['spec', 'clusterIP']);
  const list = readList(ctx, spec, 'clusterIPs', ['spec']) ?? [];
  const index = list.findIndex((ip) => typeof ip === 'string' && !looksLikeIPv6(ip));
  if (index >= 0) return checkIPv4(ctx, list[index], ['spec', 'clusterIPs', index]);
  if (single !== undefined && looksLikeIPv6(single))
    ctx.error('ipv6-unsupported', { value: single }, ['spec', 'clusterIP']);
  else ctx.error('cluster-ip-missing', {}, ['spec', 'clusterIP']);
  return undefined;
}

function readPorts(
  ctx: ObjectContext,
  spec: Mapping,
  type: Service['type'],
  headless: boolean,
): ServicePort[] | undefined {
  const list = readList(ctx, spec, 'ports', ['spec']);
  if (list === undefined || list.length === 0) {
    if (headless) return [];
    if (spec['ports'] == null || list !== undefined) ctx.error('missing-field', {}, ['spec', 'ports']);
    return undefined;
  }
  const noNodePortsAllowed = type === 'LoadBalancer' && spec['allocateLoadBalancerNodePorts'] === false;
  const ports: ServicePort[] = [];
  let ok = true;
  list.forEach((entry, i) => {
    const port = readServicePort(ctx, entry, ['spec', 'ports', i], type, noNodePortsAllowed);
    if (port === undefined) ok = false;
    else ports.push(port);
  });
  if (!ok) return undefined;
  const names = new Set<string>();
  const numbers = new Set<string>();
  ports.forEach((port, i) => {
    if (ports.length > 1 && port.name === '') {
      ctx.error('port-name-required', {}, ['spec', 'ports', i, 'name']);
      ok = false;
    } else if (names.has(port.name)) {
      ctx.error('duplicate-port-name', { name: port.name }, ['spec', 'ports', i, 'name']);
      ok = false;
    }
    const key = `${port.port}/${port.protocol}`;
    if (numbers.has(key)) {
      ctx.error('duplicate-port', { port: port.port, protocol: port.protocol }, ['spec', 'ports', i]);
      ok = false;
    }
    names.add(port.name);
    numbers.add(key);
  });
  return ok ? ports : undefined;
}

function readServicePort(
  ctx: ObjectContext,
  entry: unknown,
  path: FieldPath,
  type: Service['type'],
  nodePortOptional: boolean,
): ServicePort | undefined {
  if (!isMapping(entry)) {
    ctx.error('wrong-type', { expected: term('mapping'), found: describeValue(entry) }, path);
    return undefined;
  }
  const name = readString(ctx, entry, 'name', path) ?? '';
  const nameOk = name === '' || checkName(ctx, name, [...path, 'name'], true);
  const protocol = readEnum(ctx, entry, 'protocol', path, PROTOCOLS, 'TCP');
  const port = readInteger(ctx, entry, 'port', path, { min: 1, max: 65535, required: true, port: true });
  const targetPort = readTargetPort(ctx, entry, path);
  const nodePort = readInteger(ctx, entry, 'nodePort', path, { min: 0, max: 65535, port: true }) ?? 0;
  if (nodePort !== 0 && type === 'ClusterIP') {
    ctx.error('node-port-not-allowed', {}, [...path, 'nodePort']);
    return undefined;
  }
  if (nodePort === 0 && type !== 'ClusterIP' && !nodePortOptional) {
    ctx.error('node-port-missing', { type }, [...path, 'nodePort']);
    return undefined;
  }
  if (nodePort !== 0 && (nodePort < 30000 || nodePort > 32767)) {
    ctx.warn('node-port-out-of-range', { port: nodePort }, [...path, 'nodePort']);
  }
  if (!nameOk || protocol === undefined || port === undefined || targetPort === null) return undefined;
  return { name, protocol, port, targetPort: targetPort ?? port, nodePort };
}

/** targetPort: a number, or a container port name; undefined when absent, null when invalid. */
function readTargetPort(ctx: ObjectContext, entry: Mapping, path: FieldPath): number | string | undefined | null {
  const value = entry['targetPort'];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    // The API accepts a numeric string for an IntOrString only as a name; "8080" is a name.
    if (isPortName(value)) return value;
    ctx.error('invalid-port-name', { value }, [...path, 'targetPort']);
    return null;
  }
  return readInteger(ctx, entry, 'targetPort', path, { min: 1, max: 65535, port: true }) ?? null;
}

function readAffinityTimeout(ctx: ObjectContext, spec: Mapping): number | undefined {
  const config = readMapping(ctx, spec, 'sessionAffinityConfig', ['spec']);
  const clientIP =
    config === undefined ? undefined : readMapping(ctx, config, 'clientIP', ['spec', 'sessionAffinityConfig']);
  if (clientIP === undefined) return 10800;
  const path = ['spec', 'sessionAffinityConfig', 'clientIP'];
  const value = readInteger(ctx, clientIP, 'timeoutSeconds', path, { min: 1, max: 86400 });
  if (value === undefined && clientIP['timeoutSeconds'] != null) return undefined;
  return value ?? 10800;
}

/** A list of addresses; IPv6 entries are skipped (they belong to the IPv6 proxier). */
function readAddressList(ctx: ObjectContext, obj: Mapping, key: string, base: FieldPath): string[] | undefined {
  const list = readList(ctx, obj, key, base) ?? [];
  const out: string[] = [];
  let ok = true;
  list.forEach((value, i) => {
    if (typeof value === 'string' && looksLikeIPv6(value)) return;
    const ip = checkIPv4(ctx, value, [...base, key, i]);
    if (ip === undefined) ok = false;
    else out.push(ip);
  });
  return ok ? out : undefined;
}

function readSourceRanges(ctx: ObjectContext, spec: Mapping): string[] | undefined {
  const list = readList(ctx, spec, 'loadBalancerSourceRanges', ['spec']) ?? [];
  const out: string[] = [];
  let ok = true;
  list.forEach((value, i) => {
    if (typeof value === 'string' && looksLikeIPv6(value)) return;
    const cidr = checkCidr(ctx, value, ['spec', 'loadBalancerSourceRanges', i]);
    if (cidr === undefined) ok = false;
    else out.push(cidr);
  });
  return ok ? out : undefined;
}

function readIngress(ctx: ObjectContext, obj: Mapping): LoadBalancerIngress[] | undefined {
  const status = readMapping(ctx, obj, 'status', []);
  const lb = status === undefined ? undefined : readMapping(ctx, status, 'loadBalancer', ['status']);
  const list = lb === undefined ? [] : (readList(ctx, lb, 'ingress', ['status', 'loadBalancer']) ?? []);
  const out: LoadBalancerIngress[] = [];
  let ok = true;
  list.forEach((entry, i) => {
    const path = ['status', 'loadBalancer', 'ingress', i];
    if (!isMapping(entry)) return;
    const ipMode = readEnum(ctx, entry, 'ipMode', path, ['VIP', 'Proxy'] as const, 'VIP');
    const raw = entry['ip'];
    if (raw === undefined || raw === null || raw === '') {
      ctx.warn('lb-ingress-no-ip', {}, path);
      return;
    }
    if (typeof raw === 'string' && looksLikeIPv6(raw)) return;
    const ip = checkIPv4(ctx, raw, [...path, 'ip']);
    if (ip === undefined || ipMode === undefined) ok = false;
    else out.push({ ip, ipMode });
  });
  return ok ? out : undefined;
}
