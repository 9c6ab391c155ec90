import { expect, it } from 'vitest';
import type { IptablesOptions } from '../../../../../src/engine/kubeproxy';
import { generateIptablesSave } from '../../../../../src/engine/kubeproxy';
import type { Cluster } from '../../../../../src/engine/model/types';
import { FAKE_PROXIER_OPTIONS, TEST_NODE_IPS, TEST_NODE_NAME } from './fakeProxier';
import type { PacketFlowTest } from './tracer';
import { tracePacket } from './tracer';

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
        TEST_NODE_IPS,
      );
      expect({ output: result.output, masq: result.masq }, result.matches.join('\n')).toEqual({
        output: flow.output,
        masq: flow.masq ?? false,
      });
    });
  }
}
