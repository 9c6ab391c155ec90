import type { Endpoint, EndpointConditions, EndpointPort, EndpointSlice } from '../types';
import type { FieldPath, ObjectContext } from './context';
import type { Mapping } from './fields';
import {
  checkIPv4,
  checkIPv6,
  isMapping,
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

/** The label that ties a slice to its Service; kube-proxy ignores slices without it. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * An EndpointSlice (discovery.k8s.io/v1) with API defaults: port name "" and protocol TCP.
 * Conditions stay tri-state (absent = undefined), because kube-proxy reads absent `ready` and
 * `serving` as true and absent `terminating` as false. Slices of addressType IPv6 are read for
 * the IPv6 proxier; FQDN slices, which kube-proxy never proxies, are skipped with a warning.
 */
export function readEndpointSlice(ctx: ObjectContext, obj: Mapping): EndpointSlice | undefined {
  const meta = readMeta(ctx, obj, 'EndpointSlice', true);
  if (meta === undefined) return undefined;
  const labels = readStringMap(ctx, meta.metadata, 'labels', ['metadata']) ?? {};
  const serviceName = labels[SERVICE_NAME_LABEL];
  const addressType = readString(ctx, obj, 'addressType', [], true);
  if (addressType === undefined) return undefined;
  if (addressType !== 'IPv4' && addressType !== 'IPv6') {
    ctx.warn('slice-address-type', { type: addressType }, ['addressType']);
    return undefined;
  }
  if (serviceName === undefined || serviceName === '') {
    ctx.warn('slice-no-service-label', {}, ['metadata', 'labels']);
    return undefined;
  }
  const ports = readSlicePorts(ctx, obj);
  const endpoints = readEndpoints(ctx, obj, addressType);
  if (ports === undefined || endpoints === undefined) return undefined;
  return { namespace: meta.namespace, name: meta.name, serviceName, addressType, ports, endpoints };
}

function readSlicePorts(ctx: ObjectContext, obj: Mapping): EndpointPort[] | undefined {
  const out: EndpointPort[] = [];
  let ok = true;
  (readList(ctx, obj, 'ports', []) ?? []).forEach((entry, i) => {
    const path: FieldPath = ['ports', i];
    if (!isMapping(entry)) return;
    const name = readString(ctx, entry, 'name', path) ?? '';
    const protocol = readEnum(ctx, entry, 'protocol', path, PROTOCOLS, 'TCP');
    const port = readInteger(ctx, entry, 'port', path, { min: 0, max: 65535, port: true });
    if (protocol === undefined || (port === undefined && entry['port'] != null)) {
      ok = false;
      return;
    }
    // kube-proxy skips ports without a number ("TODO: handle nil ports to mean all").
    if (port === undefined || port === 0) {
      ctx.warn('slice-port-ignored', {}, path);
      return;
    }
    out.push({ name, port, protocol });
  });
  return ok ? out : undefined;
}

function readEndpoints(ctx: ObjectContext, obj: Mapping, addressType: 'IPv4' | 'IPv6'): Endpoint[] | undefined {
  const check = addressType === 'IPv4' ? checkIPv4 : checkIPv6;
  const out: Endpoint[] = [];
  let ok = true;
  (readList(ctx, obj, 'endpoints', []) ?? []).forEach((entry, i) => {
    const path: FieldPath = ['endpoints', i];
    if (!isMapping(entry)) return;
    const addresses: string[] = [];
    const list = readList(ctx, entry, 'addresses', path);
    if (list === undefined || list.length === 0) {
      ctx.error('missing-field', {}, [...path, 'addresses']);
      ok = false;
      return;
    }
    list.forEach((address, ai) => {
      const ip = check(ctx, address, [...path, 'addresses', ai]);
      if (ip === undefined) ok = false;
      else addresses.push(ip);
    });
    const nodeName = readString(ctx, entry, 'nodeName', path);
    const conditions = readConditions(ctx, entry, path);
    const targetRef = readMapping(ctx, entry, 'targetRef', path);
    const podName =
      targetRef !== undefined && (targetRef['kind'] === undefined || targetRef['kind'] === 'Pod')
        ? readString(ctx, targetRef, 'name', [...path, 'targetRef'])
        : undefined;
    if (conditions === undefined) {
      ok = false;
      return;
    }
    out.push({
      addresses,
      ...(nodeName === undefined ? {} : { nodeName }),
      conditions,
      ...(podName === undefined ? {} : { podName }),
    });
  });
  return ok ? out : undefined;
}

function readConditions(ctx: ObjectContext, entry: Mapping, base: FieldPath): EndpointConditions | undefined {
  const map = readMapping(ctx, entry, 'conditions', base) ?? {};
  const path = [...base, 'conditions'];
  const out: { ready?: boolean; serving?: boolean; terminating?: boolean } = {};
  let ok = true;
  for (const key of ['ready', 'serving', 'terminating'] as const) {
    const value = readBoolean(ctx, map, key, path);
    if (value !== undefined) out[key] = value;
    else if (map[key] != null) ok = false;
  }
  return ok ? out : undefined;
}
