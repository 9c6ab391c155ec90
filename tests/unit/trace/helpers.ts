/** Shared inputs of the trace page's unit tests. */
import { generateIptablesSave } from '../../../src/engine/kubeproxy';
import { generateNftables } from '../../../src/engine/kubeproxy/nftables';
import { bounceCluster, type BounceOptions } from '../../../src/engine/scenarios/bounce';
import type { TraceRequest } from '../../../src/workers/trace/protocol';

/** A bounce node's rules, as the page's example uses them. */
export function bounceRules(node = 'node-2', options: BounceOptions = {}): string {
  return generateIptablesSave(bounceCluster(options), node);
}

/** A bounce node's rules in kube-proxy's nftables mode (`nft list table` spelling, or `nft -f` input). */
export function bounceNft(
  node = 'node-2',
  rendering: 'listing' | 'transaction' = 'listing',
  options: BounceOptions = {},
): string {
  const cluster = bounceCluster(options);
  return generateNftables({ ...cluster, proxy: { ...cluster.proxy, mode: 'nftables' } }, node, { rendering });
}

/** The bounce client's connection to `dst`:`port`, through `text`, node address `local`. */
export function request(
  text: string,
  overrides: Partial<TraceRequest> & { dst?: string; port?: number; src?: string } = {},
): TraceRequest {
  const { dst = '192.168.10.12', port = 30080, src = '192.168.10.100', ...rest } = overrides;
  return {
    text,
    packet: { src, dst, port, protocol: 'tcp' },
    localIPs: ['192.168.10.12'],
    runCount: 2_000,
    seed: 1,
    ...rest,
  };
}

/** A filter table with the given chains (declared) and rules. */
export function filterDump(chains: readonly string[], rules: readonly string[]): string {
  return [
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ...chains.map((c) => `:${c} - [0:0]`),
    ...rules,
    'COMMIT',
    '',
  ].join('\n');
}
