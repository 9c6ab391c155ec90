/**
 * A Service's IP families (spec.clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy), checked as
 * the API server checks them, and the per-family split of its other address lists: the IPv4
 * entries are the Service the model's IPv4 readers see, the IPv6 ones go to the IPv6 proxier.
 */
import type { LoadBalancerIngress } from '../types';
import { looksLikeIPv6 } from '../ip';
import type { FieldPath, ObjectContext } from './context';
import type { Mapping } from './fields';
import {
  checkCidr,
  checkCidr6,
  checkIPv4,
  checkIPv6,
  isMapping,
  readEnum,
  readList,
  readMapping,
  readString,
} from './fields';

/** Addresses or CIDRs of a list, split by family. */
export interface ByFamily<T> {
  readonly v4: T[];
  readonly v6: T[];
}

/** The ClusterIPs: the IPv4 one (or "None"), and the IPv6 one of a dual-stack Service. */
export interface ClusterIPs {
  readonly v4: string;
  readonly v6?: string;
}

/**
 * spec.clusterIP / clusterIPs / ipFamilies / ipFamilyPolicy. clusterIPs[0] must be clusterIP,
 * at most one address per family, ipFamilies in the same order, SingleStack with one address.
 * A Service with no IPv4 ClusterIP is refused: the simulated cluster is IPv4 with IPv6 beside it.
 */
export function readClusterIPs(ctx: ObjectContext, spec: Mapping): ClusterIPs | undefined {
  const single = readString(ctx, spec, 'clusterIP', ['spec']);
  if (single === 'None') return { v4: 'None' };
  const raw = readList(ctx, spec, 'clusterIPs', ['spec']) ?? [];
  const list: { value: unknown; path: FieldPath }[] = raw.map((value, i) => ({
    value,
    path: ['spec', 'clusterIPs', i],
  }));
  if (single !== undefined && single !== '') {
    if (list.length === 0) list.push({ value: single, path: ['spec', 'clusterIP'] });
    else if (list[0]?.value !== single) {
      ctx.error('cluster-ips-first', { clusterIP: single }, ['spec', 'clusterIPs', 0]);
      return undefined;
    }
  }
  if (list.length === 0) {
    ctx.error('cluster-ip-missing', {}, ['spec', 'clusterIP']);
    return undefined;
  }
  if (list.length > 2) {
    ctx.error('cluster-ips-families', {}, ['spec', 'clusterIPs']);
    return undefined;
  }
  const policy = readEnum(
    ctx,
    spec,
    'ipFamilyPolicy',
    ['spec'],
    ['SingleStack', 'PreferDualStack', 'RequireDualStack'] as const,
    'SingleStack',
  );
  if (policy === undefined) return undefined;
  if (policy === 'SingleStack' && list.length === 2) {
    ctx.error('single-stack-two-ips', {}, ['spec', 'ipFamilyPolicy']);
    return undefined;
  }
  const families = readList(ctx, spec, 'ipFamilies', ['spec']) ?? [];
  let v4: string | undefined;
  let v6: string | undefined;
  let ok = true;
  list.forEach(({ value, path }, i) => {
    const isV6 = typeof value === 'string' && looksLikeIPv6(value);
    const declared = families[i];
    if (declared !== undefined && declared !== (isV6 ? 'IPv6' : 'IPv4')) {
      ctx.error('ip-family-mismatch', { index: i, family: String(declared), value: String(value) }, [
        'spec',
        'ipFamilies',
        i,
      ]);
      ok = false;
      return;
    }
    if ((isV6 ? v6 : v4) !== undefined) {
      ctx.error('cluster-ips-families', {}, path);
      ok = false;
      return;
    }
    const checked = isV6 ? checkIPv6(ctx, value, path) : checkIPv4(ctx, value, path);
    if (checked === undefined) ok = false;
    else if (isV6) v6 = checked;
    else v4 = checked;
  });
  if (!ok) return undefined;
  if (v4 === undefined) {
    ctx.error('ipv6-only-service', {}, ['spec', 'clusterIP']);
    return undefined;
  }
  return v6 === undefined ? { v4 } : { v4, v6 };
}

type Check = (ctx: ObjectContext, value: unknown, path: FieldPath) => string | undefined;

/** A list of addresses or CIDRs, each checked by its family's rule and split by family; undefined after an error. */
function readListByFamily(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
  check4: Check,
  check6: Check,
): ByFamily<string> | undefined {
  const out: ByFamily<string> = { v4: [], v6: [] };
  let ok = true;
  (readList(ctx, obj, key, base) ?? []).forEach((value, i) => {
    const isV6 = typeof value === 'string' && looksLikeIPv6(value);
    const checked = (isV6 ? check6 : check4)(ctx, value, [...base, key, i]);
    if (checked === undefined) ok = false;
    else (isV6 ? out.v6 : out.v4).push(checked);
  });
  return ok ? out : undefined;
}

/** A list of addresses (externalIPs), split by family; undefined after an error. */
export function readAddressesByFamily(
  ctx: ObjectContext,
  obj: Mapping,
  key: string,
  base: FieldPath,
): ByFamily<string> | undefined {
  return readListByFamily(ctx, obj, key, base, checkIPv4, checkIPv6);
}

/** loadBalancerSourceRanges, split by family; undefined after an error. */
export function readSourceRangesByFamily(ctx: ObjectContext, spec: Mapping): ByFamily<string> | undefined {
  return readListByFamily(ctx, spec, 'loadBalancerSourceRanges', ['spec'], checkCidr, checkCidr6);
}

/** status.loadBalancer.ingress IPs, split by family; entries without an IP are skipped with a warning. */
export function readIngressByFamily(ctx: ObjectContext, obj: Mapping): ByFamily<LoadBalancerIngress> | undefined {
  const status = readMapping(ctx, obj, 'status', []);
  const lb = status === undefined ? undefined : readMapping(ctx, status, 'loadBalancer', ['status']);
  const list = lb === undefined ? [] : (readList(ctx, lb, 'ingress', ['status', 'loadBalancer']) ?? []);
  const out: ByFamily<LoadBalancerIngress> = { v4: [], v6: [] };
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
    const isV6 = typeof raw === 'string' && looksLikeIPv6(raw);
    const ip = isV6 ? checkIPv6(ctx, raw, [...path, 'ip']) : checkIPv4(ctx, raw, [...path, 'ip']);
    if (ip === undefined || ipMode === undefined) ok = false;
    else (isV6 ? out.v6 : out.v4).push({ ip, ipMode });
  });
  return ok ? out : undefined;
}
