/** kube-proxy's IPv6 rules for node-1 of tests/fixtures/ipv6/dual-stack.yaml, as the kernel suite loads them. */
import { readFileSync } from 'node:fs';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/ipv6/${name}`, import.meta.url), 'utf8');

/** The ip6tables-save dump (iptables mode) and the `table ip6 kube-proxy` (nftables mode). */
export const IPV6_DUMPS = {
  iptables: fixture('kube-proxy.ip6tables-save'),
  nftables: fixture('kube-proxy-ip6.nft'),
} as const;
