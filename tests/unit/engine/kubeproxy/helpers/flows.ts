import { expect, it } from 'vitest';
import type { IptablesOptions } from '../../../../../src/engine/kubeproxy';
import { generateIptablesSave } from '../../../../../src/engine/kubeproxy';
import type { Cluster } from '../../../../../src/engine/model/types';
import { FAKE_PROXIER_OPTIONS, TEST_NODE_IPS_DUAL, TEST_NODE_NAME } from './fakeProxier';
import { joinHostPort } from '../../../../../src/engine/netfilter/ip';
import type { PacketFlowTest } from './tracer';
import { tracePacket } from './tracer';
import { fromRulesText } from '../../../../../src/engine/simulate';
import { rulesSource } from '../../../../../src/cli/source';

/**
 * What the real engine makes of a flow, through `--rules` mode as the CLI walks a dump: the
 * verdicts and DNAT destinations of every exact outcome, spelled as kube-proxy's tracer spells
 * its output ("REJECT", "DROP", or "ip:port, ip:port" with IPv6 in brackets), and whether
 * every outcome that got through was masqueraded. The node's addresses are both families'
 * (testNodeIPs); the dump's own family decides which ones a flow can use.
 */
export function engineFlow(dump: string, flow: PacketFlowTest): { output: string; masq: boolean } {
  const localIPs = [...TEST_NODE_IPS_DUAL, '127.0.0.1', '::1'];
  const simulation = fromRulesText(dump, { localIPs });
  const outcomes = simulation.exact(
    {
      from: rulesSource(flow.sourceIP, localIPs, false),
      to: { ip: flow.destIP, port: flow.destPort },
      protocol: flow.protocol ?? 'tcp',
    },
    { trace: false },
  );
  const outputs = new Set<string>();
  let masq = false;
  for (const { result } of outcomes) {
    if (result.verdict === 'DNAT' && result.destination)
      outputs.add(joinHostPort(result.destination.ip, result.destination.port));
    else if (result.verdict === 'DROP' || result.verdict === 'REJECT') outputs.add(result.verdict);
    // kube-proxy's tracer reports an ACCEPT only when a rule says so, not a chain's policy.
    else if (result.verdict === 'ACCEPT' && result.decidedBy?.text.includes('-j ACCEPT')) outputs.add('ACCEPT');
    masq ||= result.masquerade;
  }
  return { output: [...outputs].sort().join(', '), masq };
}

/** runPacketFlowTests: one vitest case per flow, traced over the full iptables-save state. */
export function runPacketFlowTests(
  cluster: Cluster,
  flows: readonly PacketFlowTest[],
  options: IptablesOptions = FAKE_PROXIER_OPTIONS,
): void {
  for (const flow of flows) {
    it(flow.name, () => {
      const dump = generateIptablesSave(cluster, TEST_NODE_NAME, options);
      const result = tracePacket(
        dump,
        flow.sourceIP,
        flow.protocol ?? 'tcp',
        flow.destIP,
        flow.destPort,
        TEST_NODE_IPS_DUAL,
      );
      expect({ output: result.output, masq: result.masq }, result.matches.join('\n')).toEqual({
        output: flow.output,
        masq: flow.masq ?? false,
      });
    });
    it(`${flow.name} (the engine, as --rules walks it)`, () => {
      const dump = generateIptablesSave(cluster, TEST_NODE_NAME, options);
      const sorted = flow.output.split(', ').sort().join(', ');
      expect(engineFlow(dump, flow)).toEqual({ output: sorted, masq: flow.masq ?? false });
    });
  }
}
