import type { ProxyConfig, ProxyMode } from '../types';
import { looksLikeIPv6 } from '../ip';
import type { ObjectContext } from './context';
import type { Mapping } from './fields';
import { checkCidr, checkCidr6, readBoolean, readEnum, readInteger, readList, readMapping, readString } from './fields';

/** kube-proxy's defaults for the fields the model keeps (v1alpha1 SetDefaults on Linux). */
export const DEFAULT_PROXY_CONFIG: ProxyConfig = {
  mode: 'iptables',
  clusterCIDR: '',
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
};

const MODES = ['', 'iptables', 'ipvs', 'nftables'] as const;
const DETECT_MODES = ['', 'ClusterCIDR', 'NodeCIDR', 'None', 'BridgeInterface', 'InterfaceNamePrefix'] as const;

/**
 * A KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1). Only the fields that change
 * iptables rules are read; everything else (metrics, conntrack, …) is ignored.
 */
export function readProxyConfig(ctx: ObjectContext, obj: Mapping): ProxyConfig | undefined {
  ctx.setLabel('KubeProxyConfiguration');
  const modeRaw = readEnum(ctx, obj, 'mode', [], MODES, '');
  const mode: ProxyMode | undefined = modeRaw === undefined ? undefined : modeRaw === '' ? 'iptables' : modeRaw;
  // iptables and nftables modes are both generated and walked; only ipvs falls back.
  if (mode === 'ipvs') ctx.warn('proxy-mode-not-simulated', { mode }, ['mode']);

  const clusterCIDR = readClusterCIDR(ctx, obj, 4);
  const clusterCIDRv6 = readClusterCIDR(ctx, obj, 6);
  const detectRaw = readEnum(ctx, obj, 'detectLocalMode', [], DETECT_MODES, '');
  let detectLocalMode: ProxyConfig['detectLocalMode'] | undefined;
  if (detectRaw === 'BridgeInterface' || detectRaw === 'InterfaceNamePrefix') {
    ctx.error('detect-local-unsupported', { mode: detectRaw }, ['detectLocalMode']);
  } else if (detectRaw !== undefined) {
    detectLocalMode = detectRaw === '' ? 'ClusterCIDR' : detectRaw;
  }
  if (detectLocalMode === 'ClusterCIDR' && clusterCIDR === '') ctx.warn('cluster-cidr-missing', {}, ['clusterCIDR']);

  const iptables = readMapping(ctx, obj, 'iptables', []) ?? {};
  const masqueradeAll = readBoolean(ctx, iptables, 'masqueradeAll', ['iptables']) ?? false;
  const masqueradeBit = readInteger(ctx, iptables, 'masqueradeBit', ['iptables'], { min: 0, max: 31 });
  const badBit = masqueradeBit === undefined && iptables['masqueradeBit'] != null;
  const localhostNodePorts = readBoolean(ctx, iptables, 'localhostNodePorts', ['iptables']) ?? true;
  const nodePortAddresses = readNodePortAddresses(ctx, obj, 4);
  const nodePortAddressesV6 = readNodePortAddresses(ctx, obj, 6);

  if (
    mode === undefined ||
    clusterCIDR === undefined ||
    detectLocalMode === undefined ||
    badBit ||
    nodePortAddresses === undefined ||
    clusterCIDRv6 === undefined ||
    nodePortAddressesV6 === undefined
  ) {
    return undefined;
  }
  const config: ProxyConfig = {
    mode,
    clusterCIDR,
    detectLocalMode,
    masqueradeAll,
    masqueradeBit: masqueradeBit ?? 14,
    localhostNodePorts,
    nodePortAddresses,
  };
  const hasV6 = clusterCIDRv6 !== '' || nodePortAddressesV6.length > 0;
  return hasV6 ? { ...config, ipv6: { clusterCIDR: clusterCIDRv6, nodePortAddresses: nodePortAddressesV6 } } : config;
}

/** clusterCIDR may list one CIDR per family ("10.244.0.0/16,fd00::/48"); the one of `family` is read. */
function readClusterCIDR(ctx: ObjectContext, obj: Mapping, family: 4 | 6): string | undefined {
  const raw = readString(ctx, obj, 'clusterCIDR', []);
  if (raw === undefined) return obj['clusterCIDR'] == null ? '' : undefined;
  const ofFamily = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && looksLikeIPv6(part) === (family === 6));
  if (ofFamily.length === 0) return '';
  return (family === 4 ? checkCidr : checkCidr6)(ctx, ofFamily[0], ['clusterCIDR']);
}

/**
 * The CIDRs of one family, or the single value "primary" (each proxier reads its own family's
 * entries). A list with entries of the other family only is "::/0" or "0.0.0.0/0" here: kube-proxy
 * then matches every address of this family, and "empty" would mean "primary" in nftables mode.
 */
function readNodePortAddresses(ctx: ObjectContext, obj: Mapping, family: 4 | 6): string[] | undefined {
  const list = readList(ctx, obj, 'nodePortAddresses', []) ?? [];
  if (list.length === 1 && list[0] === 'primary') return family === 4 ? ['primary'] : [];
  const out: string[] = [];
  let ok = true;
  list.forEach((value, i) => {
    if (typeof value === 'string' && looksLikeIPv6(value) !== (family === 6)) return;
    const cidr = (family === 4 ? checkCidr : checkCidr6)(ctx, value, ['nodePortAddresses', i]);
    if (cidr === undefined) ok = false;
    else out.push(cidr);
  });
  if (!ok) return undefined;
  if (family === 6 && out.length === 0 && list.length > 0) return ['::/0'];
  return out;
}
