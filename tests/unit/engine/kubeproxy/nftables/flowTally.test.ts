/**
 * The replay's figures, re-measurable: `npx vitest run
 * tests/unit/engine/kubeproxy/nftables/flowTally.test.ts --reporter=verbose` prints them in
 * the first test's name. Every flow is also two vitest cases named "(nftables, …)" (kube-proxy's
 * tracer, the engine), so `npx vitest run tests/unit/engine/kubeproxy -t "\(nftables, "`
 * counts twice the flows.
 */
import { describe, expect, it } from 'vitest';
import { generateNftables, generateNftablesSpec } from '../../../../../src/engine/kubeproxy/nftables';
import { TEST_NODE_IPS, TEST_NODE_NAME } from '../helpers/fakeProxier';
import { engineFlow } from '../helpers/flows';
import { NFT_FAKE_OPTIONS, tally } from '../helpers/nftFlows';
import { traceNftPacket } from '../helpers/nftTracer';
import { GENERAL_SUITES } from './flows/general';
import { MASQUERADE_SUITES } from './flows/masquerade';
import { NODE_PORT_SUITES } from './flows/nodePorts';
import { POLICY_SUITES } from './flows/policies';

const suites = [...GENERAL_SUITES, ...NODE_PORT_SUITES, ...POLICY_SUITES, ...MASQUERADE_SUITES];
const figures = tally(suites);

describe("kube-proxy's nftables packet-flow cases through our rules (nftables)", () => {
  it(`replays ${figures.replayed} flows: ${figures.agree} agree with kube-proxy, ${figures.differences} documented differences`, () => {
    // A change in these numbers is a flow added, lost, or newly explained away: say why.
    expect(figures).toEqual({ replayed: 207, agree: 207, differences: 0 });
  });

  it('names each flow once per suite, so every vitest case is distinct', () => {
    for (const suite of suites) {
      const names = suite.flows.map((f) => f.name);
      expect(new Set(names).size, suite.path.join(' / ')).toBe(names.length);
    }
  });

  it("is not blind: without NewFakeProxier's service CIDR both checks see the unallocated ClusterIP pass", () => {
    const suite = GENERAL_SUITES.find((s) => s.path[0] === 'TestClusterIPGeneral');
    const flow = suite?.flows.find((f) => f.name === 'packet to unallocated cluster ip');
    if (suite === undefined || flow === undefined) throw new Error('TestClusterIPGeneral lost its DROP case');
    const options = { ...NFT_FAKE_OPTIONS, serviceCIDRs: ['10.96.0.0/12'] };
    const table = generateNftablesSpec(suite.cluster, TEST_NODE_NAME, options);
    expect(traceNftPacket(table, flow.sourceIP, 'tcp', flow.destIP, flow.destPort, TEST_NODE_IPS).output).toBe('');
    expect(engineFlow(generateNftables(suite.cluster, TEST_NODE_NAME, options), flow).output).toBe('');
  });
});
