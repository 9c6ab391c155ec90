import type { ManifestError } from '../errors';
import type { EndpointSlice, Node, Pod, ProxyConfig, Service } from '../types';
import type { ObjectContext } from './context';
import { ObjectContext as Context } from './context';
import type { LoadedDocument } from './documents';
import { parseDocuments } from './documents';
import type { Mapping } from './fields';
import { isMapping } from './fields';
import { readEndpointSlice } from './readEndpointSlice';
import { readNode } from './readNode';
import { readPod } from './readPod';
import { readProxyConfig } from './readProxyConfig';
import { readService } from './readService';
import { describeValue } from './context';

/** An object read from a document, with the context to report further problems about it. */
export interface Read<T> {
  readonly value: T;
  readonly ctx: ObjectContext;
}

/** Everything read from all documents, before cross-object checks. */
export interface Collected {
  readonly nodes: Read<Node>[];
  readonly pods: Read<Pod>[];
  readonly services: Read<Service>[];
  readonly slices: Read<EndpointSlice>[];
  readonly proxyConfigs: Read<ProxyConfig>[];
}

const EXPECTED_VERSION: Readonly<Record<string, string>> = {
  Node: 'v1',
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
};

/** Reads every object of every document into `into`, reporting problems to `sink`. */
export function collectDocuments(docs: readonly LoadedDocument[], sink: ManifestError[], into: Collected): void {
  for (const doc of docs) {
    const ctx = new Context(doc.site, sink, [], undefined);
    if (!isMapping(doc.value)) {
      ctx.error('not-an-object', { found: describeValue(doc.value) }, []);
      continue;
    }
    collectObject(ctx, doc.value, sink, into, true);
  }
}

function collectObject(
  ctx: ObjectContext,
  obj: Mapping,
  sink: ManifestError[],
  into: Collected,
  topLevel: boolean,
): void {
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : undefined;
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : undefined;
  if (kind === undefined || apiVersion === undefined) {
    ctx.error('missing-field', {}, [kind === undefined ? 'kind' : 'apiVersion']);
    return;
  }
  if (topLevel && kind.endsWith('List') && Array.isArray(obj['items'])) {
    obj['items'].forEach((item: unknown, i: number) => {
      const child = ctx.child(['items', i]);
      if (isMapping(item)) collectObject(child, item, sink, into, false);
      else child.error('not-an-object', { found: describeValue(item) }, []);
    });
    return;
  }
  const expected = EXPECTED_VERSION[kind];
  if (expected !== undefined && apiVersion !== expected) {
    ctx.setLabel(kind);
    ctx.error('unsupported-api-version', { apiVersion, kind, expected }, ['apiVersion']);
    return;
  }
  try {
    readKind(ctx, kind, apiVersion, obj, sink, into);
  } catch (e) {
    // A reader bug must not take the whole load down: report it against this object.
    ctx.error('internal-error', { detail: e instanceof Error ? e.message : String(e) }, []);
  }
}

function readKind(
  ctx: ObjectContext,
  kind: string,
  apiVersion: string,
  obj: Mapping,
  sink: ManifestError[],
  into: Collected,
): void {
  const keep = <T>(list: Read<T>[], value: T | undefined): void => {
    if (value !== undefined) list.push({ value, ctx });
  };
  switch (kind) {
    case 'Node':
      return keep(into.nodes, readNode(ctx, obj));
    case 'Pod':
      return keep(into.pods, readPod(ctx, obj));
    case 'Service':
      return keep(into.services, readService(ctx, obj));
    case 'EndpointSlice':
      return keep(into.slices, readEndpointSlice(ctx, obj));
    case 'Endpoints':
      ctx.setLabel('Endpoints');
      return ctx.warn('endpoints-kind-ignored', {}, []);
    case 'KubeProxyConfiguration':
      if (!apiVersion.startsWith('kubeproxy.config.k8s.io/')) {
        ctx.error('unsupported-api-version', { apiVersion, kind, expected: 'kubeproxy.config.k8s.io/v1alpha1' }, [
          'apiVersion',
        ]);
        return;
      }
      if (apiVersion !== 'kubeproxy.config.k8s.io/v1alpha1')
        ctx.warn('proxy-config-version', { apiVersion }, ['apiVersion']);
      return keep(into.proxyConfigs, readProxyConfig(ctx, obj));
    case 'ConfigMap':
      return readConfigMap(ctx, obj, sink, into);
    default:
      ctx.setLabel(kind);
      ctx.warn('unknown-kind', { kind, apiVersion }, []);
  }
}

/**
 * kube-proxy's own ConfigMap (kube-system/kube-proxy, key config.conf) carries its
 * KubeProxyConfiguration as an embedded YAML string; other ConfigMaps are irrelevant.
 */
function readConfigMap(ctx: ObjectContext, obj: Mapping, sink: ManifestError[], into: Collected): void {
  ctx.setLabel('ConfigMap');
  const data = isMapping(obj['data']) ? obj['data'] : {};
  const text = data['config.conf'];
  if (typeof text !== 'string' || !/kind:\s*KubeProxyConfiguration/.test(text)) {
    ctx.warn('unknown-kind', { kind: 'ConfigMap', apiVersion: 'v1' }, []);
    return;
  }
  const inner = parseDocuments({ text, source: 'ConfigMap data["config.conf"]' }, sink);
  collectDocuments(inner, sink, into);
}
