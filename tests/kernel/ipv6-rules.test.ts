import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProbeResult } from './harness/kernelCluster';
import {
  BACKENDS,
  CLIENT_IP,
  CLUSTER_IP,
  describeIpv6Rules,
  dualStackIPv6View,
  EXTRA_CLIENT_IPS,
  IPV6_DUMPS,
  SNAT_POOL,
  SNAT_POOL_IPS,
  endpointLabel,
  SERVICE_CIDR,
  NODE_IP,
  NODE_PORT,
  POD_SOURCE_IP,
  SERVICE_PORT,
  TARGET_PORT,
} from './harness/ipv6Rules';
import { compareWithEngine, formatComparison } from './harness/compare';
import { engineEcho6, engineExpectation, judgeWithEngine } from './harness/ipv6Engine';
import { expectedTally, pingReason } from './harness/ping';
import { Ipv6RulesNode, type Ipv6Probe } from './harness/ipv6Node';
import { normalizeSave, type RulesMode } from './harness/rules';
import { generateIptablesSave } from '../../src/engine/kubeproxy';
import { generateNftables } from '../../src/engine/kubeproxy/nftables';

// The engine's --rules mode on IPv6, against the kernel: one node loads kube-proxy's IPv6
// rules for a NodePort Service (externalTrafficPolicy Cluster, two endpoints on other nodes'
// pod CIDRs) as ip6tables-save or as `table ip6 kube-proxy`; a client on its LAN connects; the
// connections the node DNATs leave by eth0 to two backend namespaces, whose listeners report
// the source they saw. Each case checks first what the kernel did (so a failure there is the
// harness's or the rules'), then that the engine's exact outcomes fit it (χ², compare.ts).

const MODES: readonly RulesMode[] = ['iptables', 'nftables'];
/** An address of the ServiceCIDR that no Service holds. */
const UNALLOCATED_IP = 'fd00:10:96::99';
const PING_COUNT = 3;
const ENDPOINTS = BACKENDS.map((b) => endpointLabel(b.ip, TARGET_PORT));

/** Per backend, the sources it saw, sorted: the kernel's side in a form a test can state. */
function sourcesSeen(probe: ProbeResult): Record<string, string[]> {
  return Object.fromEntries([...probe.seenSources].map(([backend, seen]) => [backend, [...seen.keys()].sort()]));
}

for (const mode of MODES) {
  describeIpv6Rules(
    'kube-proxy IPv6 rules, one node (--rules mode)',
    () => {
      let node: Ipv6RulesNode | undefined;
      beforeAll(async () => {
        node = await Ipv6RulesNode.start(mode);
        // Only without the nfacct tool: its matches are stripped, which changes no verdict.
        if (node.adjustment) console.warn(`kernel suite: IPv6 node [${mode}]: ${node.adjustment}`);
      });
      afterAll(async () => {
        if (!node) return;
        expect(await node.close(), 'namespaces or processes left behind').toEqual([]);
      });

      const kernel = (): Ipv6RulesNode => {
        if (!node) throw new Error('the IPv6 node did not start');
        return node;
      };
      const agree = (request: Ipv6Probe, probe: ProbeResult): void => {
        const verdict = judgeWithEngine(mode, request, probe);
        expect(verdict.comparison.agrees, `\n${verdict.report}\n`).toBe(true);
      };

      // The generator's rules (from tests/fixtures/ipv6/dual-stack.yaml) load unchanged, and the
      // kernel prints them back exactly as the engine's "kernel" spelling / nft listing says.
      it('the node lists the rules back as the engine spells them', () => {
        const live = kernel().savedRules();
        if (mode === 'iptables') {
          // Without the nfacct tool the harness strips those matches, so the text cannot agree.
          if (kernel().adjustment) return;
          const predicted = generateIptablesSave(dualStackIPv6View(), 'node-1', { style: 'kernel' });
          expect(normalizeSave(live)).toBe(normalizeSave(predicted));
        } else {
          const predicted = generateNftables(dualStackIPv6View(), 'node-1', {
            serviceCIDRs: [SERVICE_CIDR],
            rendering: 'listing',
          });
          expect(live).toBe(predicted);
        }
      });

      it(`client → [${NODE_IP}]:${NODE_PORT}: both endpoints about half each, and each sees the node's address (MASQUERADE)`, async () => {
        const request = { from: CLIENT_IP, host: NODE_IP, port: NODE_PORT, count: 400 };
        const probe = await kernel().probe(request);
        // The NodePort's EXT chain marks every connection; KUBE-POSTROUTING / masquerading then
        // takes the address of eth0, the interface the DNATed packet leaves by.
        expect(sourcesSeen(probe)).toEqual(Object.fromEntries(ENDPOINTS.map((e) => [e, [NODE_IP]])));
        expect(probe.failures.size).toBe(0);
        agree(request, probe);
      });

      it(`client → [${CLUSTER_IP}]:${SERVICE_PORT} through the node: both endpoints, masqueraded (the client is outside the cluster CIDR)`, async () => {
        const request = { from: CLIENT_IP, host: CLUSTER_IP, port: SERVICE_PORT, count: 400 };
        const probe = await kernel().probe(request);
        // The service chain's `! -s fd00:10:244::/56` (nft: `ip6 saddr != …`) marks off-cluster
        // sources, so an answer can come back through this node.
        expect(sourcesSeen(probe)).toEqual(Object.fromEntries(ENDPOINTS.map((e) => [e, [NODE_IP]])));
        expect(probe.failures.size).toBe(0);
        agree(request, probe);
      });

      it(`pod-CIDR source ${POD_SOURCE_IP} → [${CLUSTER_IP}]:${SERVICE_PORT} through the node: both endpoints, not masqueraded`, async () => {
        const request = { from: POD_SOURCE_IP, host: CLUSTER_IP, port: SERVICE_PORT, count: 400 };
        const probe = await kernel().probe(request);
        // Inside the cluster CIDR the local detector does not match: DNAT only, source kept.
        expect(sourcesSeen(probe)).toEqual(Object.fromEntries(ENDPOINTS.map((e) => [e, [POD_SOURCE_IP]])));
        expect(probe.failures.size).toBe(0);
        agree(request, probe);
      });

      it(`client → [${NODE_IP}]:${NODE_PORT + 1} (no Service): the node's own stack refuses it`, async () => {
        const request = { from: CLIENT_IP, host: NODE_IP, port: NODE_PORT + 1, count: 20 };
        const probe = await kernel().probe(request);
        // No rule matches the port, nothing listens on the node: a RST, so connect() is refused.
        expect([...probe.failures]).toEqual([['refused', 20]]);
        agree(request, probe);
      });

      // "Can you ping a Service?" on IPv6: a real `ping -6` against the engine's echo result.
      // Neither mode has an iptables/nft rule that matches ICMPv6 to the NodePort address, so
      // the node answers; a ClusterIP ping is routed on in iptables mode (nothing answers) and
      // rejected by cluster-ips-check in nftables mode (ICMPv6 port unreachable, type 1 code 4);
      // an unallocated ClusterIP is dropped there.
      const missingPing = pingReason();
      const PINGS: readonly (readonly ['client' | 'node', string])[] = [
        ['client', NODE_IP],
        ['node', NODE_IP],
        ['client', CLUSTER_IP],
        ['node', CLUSTER_IP],
        ['client', UNALLOCATED_IP],
      ];
      for (const [from, ip] of PINGS) {
        it.skipIf(missingPing !== '')(
          `ping -6 from the ${from} to ${ip}${missingPing ? ` — SKIPPED: ${missingPing}` : ''}`,
          () => {
            const echo = engineEcho6(mode, from, ip);
            const kernelSaw = kernel().ping(from, ip, PING_COUNT);
            expect([...kernelSaw], `engine: ${JSON.stringify(echo)}`).toEqual([...expectedTally(echo, PING_COUNT)]);
          },
        );
      }

      // An IPv6 SNAT range (iptables only: the engine reads nft NAT statements of one address).
      // The kernel does not draw the address at random: find_best_ips_proto() hashes the
      // source and the (DNATed) destination, word by word for IPv6. Each client address gets
      // a fixed address of the pool per backend, which the engine must predict exactly.
      if (mode === 'iptables') {
        it(`SNAT --to-source [${SNAT_POOL.first}]-[${SNAT_POOL.last}]: each source gets the pool address the kernel's hash picks`, async () => {
          const rule = ['-s', 'fd00:10::/64', '-j', 'SNAT', '--to-source', `${SNAT_POOL.first}-${SNAT_POOL.last}`];
          kernel().ip6tables(['-t', 'nat', '-I', 'POSTROUTING', '1', ...rule]);
          try {
            // The same rule first in the dump's POSTROUTING, as -I puts it in the kernel.
            const dump = IPV6_DUMPS.iptables.replace(/^-A POSTROUTING /m, `-A POSTROUTING ${rule.join(' ')}\n$&`);
            const seen = new Set<string>();
            for (const from of EXTRA_CLIENT_IPS) {
              const request = { from, host: NODE_IP, port: NODE_PORT, count: 20 };
              const probe = await kernel().probe(request);
              for (const bySource of probe.seenSources.values()) for (const s of bySource.keys()) seen.add(s);
              const expected = engineExpectation(dump, from, NODE_IP, NODE_PORT, [NODE_IP, ...SNAT_POOL_IPS]);
              const comparison = compareWithEngine(probe, expected);
              const report = formatComparison(
                `[iptables, IPv6 SNAT range] ${from} → [${NODE_IP}]:${NODE_PORT}`,
                comparison,
              );
              expect(comparison.agrees, `\n${report}\n`).toBe(true);
            }
            // The sources the backends saw come from the pool, and more than one of its addresses.
            expect([...seen].every((s) => SNAT_POOL_IPS.includes(s))).toBe(true);
            expect(seen.size).toBeGreaterThan(1);
          } finally {
            kernel().ip6tables(['-t', 'nat', '-D', 'POSTROUTING', ...rule]);
          }
        });
      }

      // Only nftables mode has a rule for a ClusterIP's other ports (cluster-ips-check); in
      // iptables mode the packet is routed on towards the gateway, out of what --rules models.
      if (mode === 'nftables') {
        it(`client → [${CLUSTER_IP}]:${SERVICE_PORT + 1} (a port the Service lacks): cluster-ips-check rejects it`, async () => {
          // All at once: the ICMPv6 error for a first SYN can come back while connect() still
          // holds the socket, and the kernel then keeps it only as a soft error
          // (TcpExtLockDroppedIcmps), so many connections are refused at the retransmission
          // one second later; the default 3.5 s limit covers that.
          const request = { from: CLIENT_IP, host: CLUSTER_IP, port: SERVICE_PORT + 1, count: 20 };
          const probe = await kernel().probe(request);
          // `reject` in the ip6 family answers ICMPv6 port unreachable: connect() is refused.
          expect([...probe.failures]).toEqual([['refused', 20]]);
          agree(request, probe);
        });
      }
    },
    mode,
  );
}
