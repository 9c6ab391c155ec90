/**
 * kube-proxy's nftables packet-flow cases (pkg/proxy/nftables/proxier_test.go) replayed
 * through our nftables generator: each flow is checked with kube-proxy's own crude nftables
 * tracer (helpers/nftTracer.ts) and with the real engine walking the generated ruleset as
 * `npm run trace -- --rules` would (engineFlow). Expectations are kube-proxy's, verbatim.
 */
import { describe, expect, it } from 'vitest';
import { generateNftables, generateNftablesSpec } from '../../../../../src/engine/kubeproxy/nftables';
import type { NftablesOptions } from '../../../../../src/engine/kubeproxy/nftables';
import type { Cluster, EndpointSlice, ProxyConfig, Service } from '../../../../../src/engine/model/types';
import {
  TEST_EXTERNAL_IP,
  TEST_NODE_IP,
  TEST_NODE_IPS_DUAL,
  TEST_NODE_IPV6,
  TEST_NODE_IPV6_ALT,
  TEST_NODE_IP_ALT,
  TEST_NODE_NAME,
  fakeCluster,
} from './fakeProxier';
import { engineFlow } from './flows';
import { traceNftPacket } from './nftTracer';
import type { PacketFlowTest } from './tracer';

// When the engine (a model of the kernel) and kube-proxy's tracer (a crude model of it)
// differ for a reason in the tracer's semantics, the flow asserts the engine's answer and
// still states kube-proxy's, so neither is silently dropped.
/** The engine's answer where it differs from kube-proxy's tracer by design, and why. */
export interface KnownDifference {
  /** Why the two differ (which tracer simplification, which kernel behaviour). */
  readonly why: string;
  readonly output: string;
  readonly masq: boolean;
}

/** One nftables runPacketFlowTests case; `output`/`masq` are kube-proxy's expectation. */
export interface NftPacketFlowTest extends PacketFlowTest {
  readonly knownDifference?: KnownDifference;
}

/** One runPacketFlowTests call: the path of t.Run names, the proxier's state, its flows. */
export interface NftFlowSuite {
  readonly path: readonly string[];
  readonly cluster: Cluster;
  readonly options?: NftablesOptions;
  readonly flows: readonly NftPacketFlowTest[];
}

// nodePortAddresses is NewFakeProxier's own "192.168.0.2/32", not the empty list; nftables
// mode has no localhost NodePorts; detect-local stays the shared 10.0.0.0/8.
/** NewFakeProxier's (nftables) settings that are in the model. */
export const NFT_FAKE_PROXY_CONFIG: Partial<ProxyConfig> = {
  mode: 'nftables',
  nodePortAddresses: [`${TEST_NODE_IP}/32`],
  localhostNodePorts: false,
};

/** The fake network's interfaces: lo and eth0, both families (each proxier keeps its own). */
const FAKE_INTERFACES = [
  '127.0.0.1',
  '::1',
  TEST_NODE_IP,
  TEST_NODE_IP_ALT,
  TEST_EXTERNAL_IP,
  TEST_NODE_IPV6,
  TEST_NODE_IPV6_ALT,
];

/** NewFakeProxier's inputs that are not in the model: serviceCIDRs, the mark, eth0's addresses. */
export const NFT_FAKE_OPTIONS: NftablesOptions = {
  serviceCIDRs: ['172.30.0.0/16'],
  masqueradeMark: '0x4000',
  interfaceAddresses: FAKE_INTERFACES,
};

/** NewFakeProxier(v1.IPv6Protocol)'s: the IPv6 service CIDR, same mark and interfaces. */
export const NFT_FAKE_OPTIONS_IPV6: NftablesOptions = {
  serviceCIDRs: ['fd00:10:96::/112'],
  masqueradeMark: '0x4000',
  interfaceAddresses: FAKE_INTERFACES,
};

/**
 * The cluster NewFakeProxier(v1.IPv6Protocol) sees: the IPv6 view, with node IP 2001:db8::1,
 * detect-local by fd00:10::/64, and nodePortAddresses [192.168.0.2/32, 2001:db8::1/128] of
 * which the IPv6 proxier keeps the second.
 */
export function nftFakeClusterIPv6(
  services: Service[],
  slices: EndpointSlice[],
  proxy: Partial<ProxyConfig> = {},
): Cluster {
  const base = fakeCluster(services, slices, {
    ...NFT_FAKE_PROXY_CONFIG,
    clusterCIDR: 'fd00:10::/64',
    nodePortAddresses: [`${TEST_NODE_IP}/32`, `${TEST_NODE_IPV6}/128`],
    ...proxy,
  });
  return {
    ...base,
    ipFamily: 'IPv6',
    nodes: [{ name: TEST_NODE_NAME, internalIP: TEST_NODE_IPV6, podCIDR: 'fd00:10::/64' }],
  };
}

/** The cluster the nftables fake proxier sees, with the test's overrides of its settings. */
export function nftFakeCluster(
  services: Service[],
  slices: EndpointSlice[],
  proxy: Partial<ProxyConfig> = {},
): Cluster {
  return fakeCluster(services, slices, { ...NFT_FAKE_PROXY_CONFIG, ...proxy });
}

const sorted = (output: string): string => (output === '' ? '' : output.split(', ').sort().join(', '));

/** runPacketFlowTests for nftables: two vitest cases per flow, both named "(nftables)". */
export function runNftPacketFlowTests(suite: NftFlowSuite): void {
  const options = suite.options ?? NFT_FAKE_OPTIONS;
  for (const flow of suite.flows) {
    const expected = { output: flow.output, masq: flow.masq ?? false };
    it(`${flow.name} (nftables, kube-proxy's tracer)`, () => {
      const table = generateNftablesSpec(suite.cluster, TEST_NODE_NAME, options);
      const r = traceNftPacket(
        table,
        flow.sourceIP,
        flow.protocol ?? 'tcp',
        flow.destIP,
        flow.destPort,
        TEST_NODE_IPS_DUAL,
      );
      expect({ output: r.output, masq: r.masq }, r.matches.join('\n')).toEqual(expected);
    });
    const difference = flow.knownDifference;
    const label = difference === undefined ? '' : ', known difference';
    it(`${flow.name} (nftables, the engine as --rules walks it${label})`, () => {
      const ruleset = generateNftables(suite.cluster, TEST_NODE_NAME, options);
      const engine = engineFlow(ruleset, flow);
      if (difference === undefined) {
        expect(engine).toEqual({ output: sorted(expected.output), masq: expected.masq });
      } else {
        // The documented answer, and proof it still differs from kube-proxy's.
        expect(engine).toEqual({ output: sorted(difference.output), masq: difference.masq });
        expect(engine).not.toEqual({ output: sorted(expected.output), masq: expected.masq });
      }
    });
  }
}

/** One describe per suite, named by kube-proxy's test function and t.Run path. */
export function describeNftSuites(suites: readonly NftFlowSuite[]): void {
  for (const suite of suites) describe(suite.path.join(' / '), () => runNftPacketFlowTests(suite));
}

/** The figures the replay reports: flows replayed, agreeing with kube-proxy, documented differences. */
export function tally(suites: readonly NftFlowSuite[]): { replayed: number; agree: number; differences: number } {
  const flows = suites.flatMap((s) => s.flows);
  const differences = flows.filter((f) => f.knownDifference !== undefined).length;
  return { replayed: flows.length, agree: flows.length - differences, differences };
}
