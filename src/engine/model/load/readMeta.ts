import type { ObjectContext } from './context';
import type { Mapping } from './fields';
import { checkName, readMapping, readString } from './fields';

/** metadata.name / namespace of an object, with the namespace defaulted as kubectl does. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace: string;
  readonly metadata: Mapping;
}

/**
 * Reads metadata and sets the context label ("Service default/web"). `namespaced` false for
 * cluster-scoped kinds (Node). Returns undefined when there is no usable name.
 */
export function readMeta(ctx: ObjectContext, obj: Mapping, kind: string, namespaced: boolean): ObjectMeta | undefined {
  const metadata = readMapping(ctx, obj, 'metadata', []);
  if (metadata === undefined) {
    ctx.setLabel(kind);
    ctx.error('missing-field', {}, ['metadata', 'name']);
    return undefined;
  }
  const name = readString(ctx, metadata, 'name', ['metadata'], true);
  const namespace = namespaced ? (readString(ctx, metadata, 'namespace', ['metadata']) ?? 'default') : '';
  if (name === undefined) {
    ctx.setLabel(kind);
    return undefined;
  }
  ctx.setLabel(namespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`);
  if (!checkName(ctx, name, ['metadata', 'name'])) return undefined;
  if (namespaced && !checkName(ctx, namespace, ['metadata', 'namespace'], true)) return undefined;
  return { name, namespace, metadata };
}
