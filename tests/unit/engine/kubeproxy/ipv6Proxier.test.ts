/**
 * The IPv6 proxier, from manifests: a dual-stack cluster's IPv6 view generates `table ip6
 * kube-proxy` (nftables mode) and the ip6tables-save dump (iptables mode) exactly as the
 * fixtures have them, which are the rulesets the kernel loads in tests/kernel/ipv6-rules.test.ts
 * and the unit tests trace; the IPv4 view of the same cluster is untouched.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { generateNftables } from '../../../../src/engine/kubeproxy/nftables';
import { ipv6View, loadManifests } from '../../../../src/engine/model';

const read = (name: string): string => readFileSync(new URL(`../../../fixtures/ipv6/${name}`, import.meta.url), 'utf8');

describe('the IPv6 proxier', () => {
  const loaded = loadManifests(read('dual-stack.yaml'), 'dual-stack.yaml');
  const cluster = loaded.cluster;

  it('loads the dual-stack manifests without problems', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.map((w) => w.code)).toEqual([]);
    expect(cluster).toBeDefined();
  });

  it('iptables mode writes the ip6tables-save fixture for node-1, byte for byte', () => {
    const rules = generateIptablesSave(ipv6View(cluster!)!, 'node-1');
    expect(rules).toBe(read('kube-proxy.ip6tables-save'));
  });

  it('ip6tables-save in the kernel spelling gives host addresses /128', () => {
    const rules = generateIptablesSave(ipv6View(cluster!)!, 'node-1', { style: 'kernel' });
    expect(rules).toContain('-s fd00:10:244:2::2/128');
    expect(rules).toContain('-d fd00:10:96::10/128');
    expect(rules).not.toMatch(/\/32\b/);
  });

  it('nftables mode writes the table ip6 fixture for node-1, byte for byte', () => {
    const view = ipv6View(cluster!);
    expect(view?.ipFamily).toBe('IPv6');
    const rules = generateNftables(view!, 'node-1', { serviceCIDRs: ['fd00:10:96::/112'] });
    expect(rules).toBe(read('kube-proxy-ip6.nft'));
  });

  it('keeps the IPv4 rules IPv4: no IPv6 address reaches `table ip` or iptables', () => {
    expect(generateIptablesSave(cluster!, 'node-1')).not.toMatch(/fd00/);
    const rules = generateNftables(cluster!, 'node-1');
    expect(rules).toContain('add table ip kube-proxy');
    expect(rules).toContain('dnat to 10.244.2.2:8080');
    expect(rules).not.toMatch(/fd00/);
  });
});
