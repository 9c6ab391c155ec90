import type { ContainerPort, Pod, Protocol } from '../types';
import { looksLikeIPv6 } from '../ip';
import type { FieldPath, ObjectContext } from './context';
import type { Mapping } from './fields';
import {
  checkIPv4,
  checkIPv6,
  isMapping,
  isPortName,
  readEnum,
  readInteger,
  readList,
  readMapping,
  readString,
  readStringMap,
} from './fields';
import { readMeta } from './readMeta';

/** The protocols the API accepts on ports. */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/**
 * A Pod as the EndpointSlice controller sees it. Pods that can never be endpoints (not
 * scheduled, no IP yet, Succeeded/Failed) are skipped with a warning, since the model has no
 * way to represent them and they do not change any rule.
 */
export function readPod(ctx: ObjectContext, obj: Mapping): Pod | undefined {
  const meta = readMeta(ctx, obj, 'Pod', true);
  const spec = readMapping(ctx, obj, 'spec', []) ?? {};
  const status = readMapping(ctx, obj, 'status', []) ?? {};
  const labels = meta === undefined ? {} : (readStringMap(ctx, meta.metadata, 'labels', ['metadata']) ?? {});
  const terminating = meta !== undefined && meta.metadata['deletionTimestamp'] != null;
  const ports = readContainerPorts(ctx, spec);

  const nodeName = readString(ctx, spec, 'nodeName', ['spec']);
  const phase = readString(ctx, status, 'phase', ['status']);
  if (meta === undefined) return undefined;
  if (phase === 'Succeeded' || phase === 'Failed') {
    ctx.warn('pod-finished', { phase }, ['status', 'phase']);
    return undefined;
  }
  if (nodeName === undefined || nodeName === '') {
    ctx.warn('pod-not-scheduled', {}, ['spec', 'nodeName']);
    return undefined;
  }
  const ip = readPodIP(ctx, status);
  if (ip === null) return undefined;
  if (ip === undefined) {
    ctx.warn('pod-no-ip', {}, ['status', 'podIP']);
    return undefined;
  }
  // A dual-stack pod's IPv6 address, for the IPv6 proxier.
  const ipv6 = podIPOfFamily(ctx, status, true);
  const ready = readReady(ctx, status);
  if (ports === undefined || ready === undefined || ipv6 === null) return undefined;
  const pod = { namespace: meta.namespace, name: meta.name, nodeName, ip, labels, ready, terminating, ports };
  return ipv6 === undefined ? pod : { ...pod, ipv6 };
}

/** The first entry of status.podIPs of one family (checked); undefined if none, null after an error. */
function podIPOfFamily(ctx: ObjectContext, status: Mapping, v6: boolean): string | undefined | null {
  const list = readList(ctx, status, 'podIPs', ['status']) ?? [];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (!isMapping(entry) || typeof entry['ip'] !== 'string' || looksLikeIPv6(entry['ip']) !== v6) continue;
    const path = ['status', 'podIPs', i, 'ip'];
    return (v6 ? checkIPv6(ctx, entry['ip'], path) : checkIPv4(ctx, entry['ip'], path)) ?? null;
  }
  return undefined;
}

/** status.podIP, or the first IPv4 of status.podIPs; null after an error was reported. */
function readPodIP(ctx: ObjectContext, status: Mapping): string | undefined | null {
  const podIP = status['podIP'];
  if (podIP !== undefined && podIP !== null && !(typeof podIP === 'string' && looksLikeIPv6(podIP))) {
    return checkIPv4(ctx, podIP, ['status', 'podIP']) ?? null;
  }
  return podIPOfFamily(ctx, status, false);
}

/** The Ready condition; pods written by hand without conditions are assumed Ready. */
function readReady(ctx: ObjectContext, status: Mapping): boolean | undefined {
  const conditions = readList(ctx, status, 'conditions', ['status']);
  if (conditions === undefined) {
    ctx.warn('pod-conditions-missing', {}, ['status']);
    return true;
  }
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if (!isMapping(c) || c['type'] !== 'Ready') continue;
    const value = readEnum(ctx, c, 'status', ['status', 'conditions', i], ['True', 'False', 'Unknown'], 'Unknown');
    return value === undefined ? undefined : value === 'True';
  }
  return false;
}

/** Declared ports of app containers and of sidecars (init containers with restartPolicy Always). */
function readContainerPorts(ctx: ObjectContext, spec: Mapping): ContainerPort[] | undefined {
  const out: ContainerPort[] = [];
  let ok = true;
  for (const group of ['containers', 'initContainers'] as const) {
    const containers = readList(ctx, spec, group, ['spec']) ?? [];
    containers.forEach((container, ci) => {
      if (!isMapping(container)) return;
      if (group === 'initContainers' && container['restartPolicy'] !== 'Always') return;
      const base: FieldPath = ['spec', group, ci];
      (readList(ctx, container, 'ports', base) ?? []).forEach((port, pi) => {
        const read = readContainerPort(ctx, port, [...base, 'ports', pi]);
        if (read === undefined) ok = false;
        else out.push(read);
      });
    });
  }
  return ok ? out : undefined;
}

function readContainerPort(ctx: ObjectContext, port: unknown, path: FieldPath): ContainerPort | undefined {
  if (!isMapping(port)) {
    ctx.error('not-an-object', { found: typeof port }, path);
    return undefined;
  }
  const containerPort = readInteger(ctx, port, 'containerPort', path, {
    min: 1,
    max: 65535,
    required: true,
    port: true,
  });
  const protocol = readEnum(ctx, port, 'protocol', path, PROTOCOLS, 'TCP');
  const name = readString(ctx, port, 'name', path);
  if (name !== undefined && !isPortName(name)) {
    ctx.error('invalid-port-name', { value: name }, [...path, 'name']);
    return undefined;
  }
  if (containerPort === undefined || protocol === undefined) return undefined;
  return name === undefined ? { containerPort, protocol } : { name, containerPort, protocol };
}
