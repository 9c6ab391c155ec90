import type { Service, ServicePort } from '../types';
import { term } from '../messages';
import type { FieldPath, ObjectContext } from './context';
import { describeValue } from './context';
import type { Mapping } from './fields';
import {
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
import {
  readAddressesByFamily,
  readClusterIPs,
  readIngressByFamily,
  readSourceRangesByFamily,
} from './readServiceFamilies';

type ServiceType = Service['type'] | 'ExternalName';
const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/**
 * A Service with the API server's defaults applied: type ClusterIP, traffic policies Cluster,
 * sessionAffinity None with a 10800 s timeout, protocol TCP, targetPort = port. Fields the
 * API server allocates (clusterIP, nodePort) must be present: the simulator cannot guess them.
 * The fields are the IPv4 family's, as kube-proxy's IPv4 proxier reads them; a dual-stack
 * Service's IPv6 family is kept in `ipv6` for the IPv6 proxier.
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
  const clusterIPs = readClusterIPs(ctx, spec);
  const clusterIP = clusterIPs?.v4;
  const headless = clusterIP === 'None';
  const selectorMap = readStringMap(ctx, spec, 'selector', ['spec']);
  const selector = selectorMap === undefined || Object.keys(selectorMap).length === 0 ? undefined : selectorMap;
  const ports = type === undefined ? undefined : readPorts(ctx, spec, type, headless);
  const policies = ['Cluster', 'Local'] as const;
  const externalTrafficPolicy = readEnum(ctx, spec, 'externalTrafficPolicy', ['spec'], policies, 'Cluster');
  const internalTrafficPolicy = readEnum(ctx, spec, 'internalTrafficPolicy', ['spec'], policies, 'Cluster');
  const sessionAffinity = readEnum(ctx, spec, 'sessionAffinity', ['spec'], ['None', 'ClientIP'] as const, 'None');
  const timeout = readAffinityTimeout(ctx, spec);
  const externalIPs = readAddressesByFamily(ctx, spec, 'externalIPs', ['spec']);
  const sourceRanges = readSourceRangesByFamily(ctx, spec);
  const ingress = readIngressByFamily(ctx, obj);
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
    externalIPs: externalIPs.v4,
    loadBalancerIngress: ingress.v4,
    loadBalancerSourceRanges: sourceRanges.v4,
    healthCheckNodePort,
  };
  const ipv6 =
    clusterIPs?.v6 === undefined
      ? undefined
      : {
          clusterIP: clusterIPs.v6,
          externalIPs: externalIPs.v6,
          loadBalancerIngress: ingress.v6,
          loadBalancerSourceRanges: sourceRanges.v6,
        };
  return {
    ...service,
    ...(publishNotReady === true ? { publishNotReadyAddresses: true } : {}),
    ...(ipv6 === undefined ? {} : { ipv6 }),
  };
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
