/**
 * One proxier per IP family, as kube-proxy runs them on a dual-stack node: the IPv4 proxier
 * sees only IPv4 ClusterIPs, endpoints and node addresses, the IPv6 one only IPv6. A model
 * cluster says which proxier it is for with `ipFamily` (absent: IPv4); these helpers read and
 * normalise addresses for that family, the way kube-proxy's ServiceChangeTracker and
 * EndpointsChangeTracker filter them (pkg/proxy/serviceport.go, endpointslicecache.go).
 */
import { formatPrefix, parseAddress, formatAddress, familyOf, parsePrefix, type IPFamily } from '../netfilter/ip';
import { normalizeCidr, normalizeIPv4 } from '../model/ip';
import type { Cluster } from '../model/types';

/** The family of the proxier a cluster is handed to: 6 for an IPv6 view, else 4. */
export function proxierFamily(cluster: Pick<Cluster, 'ipFamily'>): IPFamily {
  return cluster.ipFamily === 'IPv6' ? 6 : 4;
}

/** An address of `family`, sloppy-parsed (IPv4) and re-printed; undefined for the other family or junk. */
export function normalizeIPOf(text: string, family: IPFamily): string | undefined {
  if (family === 4) return normalizeIPv4(text);
  const value = parseAddress(text.trim());
  return value !== null && familyOf(value) === 6 ? formatAddress(value) : undefined;
}

/** A CIDR of `family`, trimmed and masked; undefined for the other family or junk. */
export function normalizeCidrOf(text: string, family: IPFamily): string | undefined {
  if (family === 4) return text.includes(':') ? undefined : normalizeCidr(text);
  const t = text.trim();
  if (!t.includes(':') || !t.includes('/')) return undefined;
  const prefix = parsePrefix(t);
  return prefix === null ? undefined : formatPrefix(prefix);
}

/** The entries of `list` that are addresses of `family`, normalised. */
export function addressesOf(list: readonly string[], family: IPFamily): string[] {
  return list.flatMap((ip) => normalizeIPOf(ip, family) ?? []);
}

/** net.IP.IsLoopback() for a normalised address of either family: 127.0.0.0/8 or ::1. */
export function isLoopbackIP(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1';
}

/** The EndpointSlice addressType a proxier of `family` reads. */
export function addressTypeOf(family: IPFamily): 'IPv4' | 'IPv6' {
  return family === 4 ? 'IPv4' : 'IPv6';
}
