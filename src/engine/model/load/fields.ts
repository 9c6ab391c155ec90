import { formatIPv4, formatPrefix, parseIPv4, parsePrefix } from '../../netfilter/ip';
import { formatIPv6, parseIPv6 } from '../../netfilter/ip6';
import { looksLikeIPv6, normalizeCidr, parseCidr } from '../ip';
import { term } from '../messages';
import type { FieldPath, ObjectContext } from './context';
import { describeValue } from './context';

/** A decoded YAML/JSON mapping. */
export type Mapping = Readonly<Record<string, unknown>>;

/** True for a plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested mapping; absent/null gives undefined, anything else is a wrong-type error. */
export function readMapping(ctx: ObjectContext, obj: Mapping, key: string, base: FieldPath): Mapping | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (isMapping(value)) return value;
  ctx.error('wrong-type', { expected: term('mapping'), found: describeValue(value) }, [...base, key]);
  return undefined;
}

/** A list; absent/null gives undefined. */
export function readList(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
): readonly unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  ctx.error('wrong-type', { expected: term('list'), found: describeValue(value) }, [...base, key]);
  return undefined;
}

/** A string field; `required` reports a missing value. */
export function readString(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
  required = false,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) ctx.error('missing-field', {}, [...base, key]);
    return undefined;
  }
  if (typeof value === 'string') return value;
  ctx.error('wrong-type', { expected: term('string'), found: describeValue(value) }, [...base, key]);
  return undefined;
}

/** A boolean field. */
export function readBoolean(ctx: ObjectContext, obj: Mapping, key: string, base: FieldPath): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  ctx.error('wrong-type', { expected: term('boolean'), found: describeValue(value) }, [...base, key]);
  return undefined;
}

/** An integer field within [min, max]; out-of-range values are errors. */
export function readInteger(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
  range: { min: number; max: number; required?: boolean; port?: boolean },
): number | undefined {
  const value = obj[key];
  const path = [...base, key];
  if (value === undefined || value === null) {
    if (range.required === true) ctx.error('missing-field', {}, path);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    ctx.error('wrong-type', { expected: term('integer'), found: describeValue(value) }, path);
    return undefined;
  }
  if (value < range.min || value > range.max) {
    if (range.port === true) ctx.error('invalid-port', { value }, path);
    else ctx.error('integer-range', { value, min: range.min, max: range.max }, path);
    return undefined;
  }
  return value;
}

/** One of a fixed set of strings, or `fallback` when absent. */
export function readEnum<T extends string>(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
  allowed: readonly T[],
  fallback: T,
): T | undefined {
  const value = readString(ctx, obj, key, base);
  if (value === undefined) return obj[key] === undefined || obj[key] === null ? fallback : undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  ctx.error('invalid-enum', { value, allowed: allowed.join(', ') }, [...base, key]);
  return undefined;
}

/** A string→string map (labels, selector); non-string values are errors, as in the API. */
export function readStringMap(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
): Record<string, string> | undefined {
  const map = readMapping(ctx, obj, key, base);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'string') out[k] = v;
    else ctx.error('label-not-string', { key: k, value: v === null ? '' : String(v) }, [...base, key, k]);
  }
  return out;
}

/**
 * An IPv4 address value, normalised. Leading zeros are accepted with a warning (kube-proxy
 * reads them as decimal); IPv6 and garbage are errors.
 */
export function checkIPv4(ctx: ObjectContext, value: unknown, path: FieldPath): string | undefined {
  if (typeof value !== 'string') {
    ctx.error('wrong-type', { expected: term('string'), found: describeValue(value) }, path);
    return undefined;
  }
  if (parseIPv4(value, 'reject') !== null) return value;
  if (looksLikeIPv6(value)) {
    ctx.error('ipv6-unsupported', { value }, path);
    return undefined;
  }
  const sloppy = parseIPv4(value);
  if (sloppy === null) {
    ctx.error('invalid-ip', { value }, path);
    return undefined;
  }
  const normalized = formatIPv4(sloppy);
  ctx.warn('ip-leading-zeros', { value, normalized }, path);
  return normalized;
}

/** An IPv4 CIDR value, normalised (masked, trimmed) with a warning when that changed it. */
export function checkCidr(ctx: ObjectContext, value: unknown, path: FieldPath): string | undefined {
  if (typeof value !== 'string') {
    ctx.error('wrong-type', { expected: term('string'), found: describeValue(value) }, path);
    return undefined;
  }
  const trimmed = value.trim();
  if (looksLikeIPv6(trimmed)) {
    ctx.error('ipv6-unsupported', { value }, path);
    return undefined;
  }
  const normalized = normalizeCidr(trimmed);
  if (normalized === undefined) {
    ctx.error('invalid-cidr', { value }, path);
    return undefined;
  }
  if (parseCidr(trimmed, 'reject') === undefined) ctx.warn('ip-leading-zeros', { value, normalized }, path);
  else if (normalized !== trimmed) ctx.warn('cidr-not-normalized', { value, normalized }, path);
  return normalized;
}

/** An IPv6 address value, printed as RFC 5952 (kube-proxy's net.IP.String()). */
export function checkIPv6(ctx: ObjectContext, value: unknown, path: FieldPath): string | undefined {
  if (typeof value !== 'string') {
    ctx.error('wrong-type', { expected: term('string'), found: describeValue(value) }, path);
    return undefined;
  }
  const parsed = value.includes(':') ? parseIPv6(value) : null;
  if (parsed === null) {
    ctx.error('invalid-ipv6', { value }, path);
    return undefined;
  }
  return formatIPv6(parsed);
}

/** An IPv6 CIDR value, masked and printed as RFC 5952, with a warning when that changed it. */
export function checkCidr6(ctx: ObjectContext, value: unknown, path: FieldPath): string | undefined {
  if (typeof value !== 'string') {
    ctx.error('wrong-type', { expected: term('string'), found: describeValue(value) }, path);
    return undefined;
  }
  const trimmed = value.trim();
  const prefix = trimmed.includes(':') && /\/\d{1,3}$/.test(trimmed) ? parsePrefix(trimmed) : null;
  if (prefix === null) {
    ctx.error('invalid-cidr6', { value }, path);
    return undefined;
  }
  const normalized = formatPrefix(prefix);
  if (normalized !== trimmed) ctx.warn('cidr-not-normalized', { value, normalized }, path);
  return normalized;
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Validates an object name as a DNS-1123 subdomain (or a label, for `label` true). */
export function checkName(ctx: ObjectContext, value: string, path: FieldPath, label = false): boolean {
  const max = label ? 63 : 253;
  if (value.length > 0 && value.length <= max && (label ? LABEL : SUBDOMAIN).test(value)) return true;
  ctx.error('invalid-name', { value, max }, path);
  return false;
}

const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A container port name or named targetPort: IANA_SVC_NAME as the API validates it. */
export function isPortName(value: string): boolean {
  return value.length <= 15 && IANA_SVC_NAME.test(value) && !value.includes('--') && /[a-z]/.test(value);
}
