import type { Node } from '../types';
import type { ObjectContext } from './context';
import type { Mapping } from './fields';
import { checkCidr, checkCidr6, checkIPv4, checkIPv6, isMapping, readList, readMapping, readString } from './fields';
import { looksLikeIPv6 } from '../ip';
import { readMeta } from './readMeta';

/**
 * A Node as `kubectl get node -o yaml` prints it: the IPv4 InternalIP from status.addresses
 * and the IPv4 pod CIDR from spec.podCIDR (or spec.podCIDRs on dual-stack nodes). A dual-stack
 * node's IPv6 InternalIP and IPv6 pod CIDR are kept beside them for the IPv6 proxier.
 */
export function readNode(ctx: ObjectContext, obj: Mapping): Node | undefined {
  const meta = readMeta(ctx, obj, 'Node', false);
  const spec = readMapping(ctx, obj, 'spec', []) ?? {};
  const status = readMapping(ctx, obj, 'status', []) ?? {};

  let internalIP: string | undefined;
  let internalIPv6: string | undefined;
  let ipProblem = false;
  const addresses = readList(ctx, status, 'addresses', ['status']) ?? [];
  addresses.forEach((entry, i) => {
    if (!isMapping(entry)) return;
    const type = readString(ctx, entry, 'type', ['status', 'addresses', i]);
    const address = readString(ctx, entry, 'address', ['status', 'addresses', i]);
    if (type !== 'InternalIP' || address === undefined) return;
    const path = ['status', 'addresses', i, 'address'];
    if (looksLikeIPv6(address)) {
      if (internalIPv6 !== undefined) return;
      internalIPv6 = checkIPv6(ctx, address, path);
      if (internalIPv6 === undefined) ipProblem = true;
      return;
    }
    if (internalIP !== undefined) return;
    internalIP = checkIPv4(ctx, address, path);
    if (internalIP === undefined) ipProblem = true;
  });
  if (internalIP === undefined && !ipProblem) ctx.error('node-no-internal-ip', {}, ['status', 'addresses']);

  // Dual-stack nodes list both families in podCIDRs; podCIDR is the first of them.
  const candidates: { value: unknown; path: (string | number)[] }[] = [];
  if (spec['podCIDR'] !== undefined) candidates.push({ value: spec['podCIDR'], path: ['spec', 'podCIDR'] });
  (readList(ctx, spec, 'podCIDRs', ['spec']) ?? []).forEach((value, i) =>
    candidates.push({ value, path: ['spec', 'podCIDRs', i] }),
  );
  const v4 = candidates.find((c) => typeof c.value !== 'string' || !looksLikeIPv6(c.value));
  const podCIDR = v4 === undefined ? undefined : checkCidr(ctx, v4.value, v4.path);
  if (v4 === undefined) ctx.error('node-no-pod-cidr', {}, ['spec', 'podCIDR']);
  const v6 = candidates.find((c) => typeof c.value === 'string' && looksLikeIPv6(c.value));
  const podCIDRv6 = v6 === undefined ? '' : checkCidr6(ctx, v6.value, v6.path);

  if (meta === undefined || internalIP === undefined || podCIDR === undefined || podCIDRv6 === undefined || ipProblem)
    return undefined;
  const node = { name: meta.name, internalIP, podCIDR };
  return internalIPv6 === undefined ? node : { ...node, ipv6: { internalIP: internalIPv6, podCIDR: podCIDRv6 } };
}
