import { expect, it } from 'vitest';
import { BOUNCE_NODE_PORT, bounceCluster } from '../../src/engine/scenarios/bounce';
import { expectAgreement, runCase, useScenario, type CaseRequest, type ScenarioFixture } from './harness/scenario';
import { describeKernel } from './harness/suite';

// A real node's dump has more than kube-proxy's nat and filter: other agents write raw and
// mangle rules, and the kernel runs them first (raw at -300, mangle at -150, before the DNAT at
// -100). Two rules added to the bounce cluster's dumps, walked by the engine from the same text:
// - node-2 raw PREROUTING drops the client's packets to the NodePort before kube-proxy sees them;
// - node-1 mangle PREROUTING sets kube-proxy's masquerade bit (0x4000) on pod-1's packets, so
//   kube-proxy's own KUBE-POSTROUTING masquerades pod → Service traffic it would leave alone;
// - node-3 raw PREROUTING NOTRACKs the client's packets to the NodePort, so kube-proxy's DNAT
//   never sees them and node-3, which listens on no such port, answers with a reset;
// - node-1 raw PREROUTING drops the client's packets in state NEW, which never matches there:
//   raw runs before conntrack, where -m conntrack sees INVALID.

const extra: Readonly<Record<string, string>> = {
  'node-2': `*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -s 192.168.10.100/32 -p tcp -m tcp --dport ${BOUNCE_NODE_PORT} -j DROP\nCOMMIT\n`,
  'node-1':
    `*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -s 192.168.10.100/32 -m conntrack --ctstate NEW -j DROP\nCOMMIT\n` +
    '*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A PREROUTING -s 10.244.1.2/32 -j MARK --set-xmark 0x4000/0x4000\nCOMMIT\n',
  // Untracked packets get no conntrack entry, and NAT runs only on packets that have one.
  'node-3': `*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -s 192.168.10.100/32 -p tcp -m tcp --dport ${BOUNCE_NODE_PORT} -j NOTRACK\nCOMMIT\n`,
};

/**
 * Connections from the client to a node's NodePort, through the kernel and the engine. By
 * default 40 with a short time-out: enough when every one ends alike; a split needs 400.
 */
const toNodePort = (
  fixture: ScenarioFixture,
  host: string,
  size: Pick<CaseRequest, 'count' | 'timeoutMs'> = { count: 40, timeoutMs: 1_500 },
) => runCase(fixture.kernel, fixture.simulation, { from: { kind: 'client' }, host, port: BOUNCE_NODE_PORT, ...size });

/** The engine's exact outcomes for one new connection from the client to a node's NodePort. */
const exactAtNodePort = (fixture: ScenarioFixture, host: string) =>
  fixture.simulation.exact({ from: { kind: 'client' }, to: { ip: host, port: BOUNCE_NODE_PORT } }, { trace: false });

describeKernel('raw and mangle rules beside kube-proxy’s', () => {
  const scenario = useScenario(() => bounceCluster(), 'iptables', { prepend: extra });

  it('a raw PREROUTING DROP on node-2 stops the client before kube-proxy’s DNAT', async () => {
    const exact = exactAtNodePort(scenario(), '192.168.10.12');
    expect(exact.map((o) => [o.result.verdict, o.result.decidedBy?.table])).toEqual([['DROP', 'raw']]);
    expectAgreement(await toNodePort(scenario(), '192.168.10.12'));
  });

  it('NOTRACK on node-3 keeps the client’s NodePort connection out of kube-proxy’s DNAT: node-3 itself refuses it', async () => {
    const exact = exactAtNodePort(scenario(), '192.168.10.13');
    // Without the rule node-3 sends it on to pod-1 or pod-2, masqueraded (bounce-cluster.test.ts).
    expect(exact.map((o) => [o.result.verdict, o.result.destination?.kind])).toEqual([['NONE', 'node']]);
    expectAgreement(await toNodePort(scenario(), '192.168.10.13'));
  });

  it('raw on node-1 drops packets in state NEW, which none is before conntrack: the NodePort works as ever', async () => {
    const result = await toNodePort(scenario(), '192.168.10.11', { count: 400 });
    expectAgreement(result);
    expect(result.probe.failures.size).toBe(0);
  });

  it('a mangle mark on node-1 makes kube-proxy masquerade pod-1 → Service: pod-2 sees node-1, not pod-1', async () => {
    const { kernel, simulation } = scenario();
    const result = await runCase(kernel, simulation, {
      from: { kind: 'pod', name: 'pod-1' },
      host: '10.96.120.15',
      port: 80,
      count: 400,
    });
    expectAgreement(result);
    // Without the mark pod-2 would see 10.244.1.2 (tests/kernel/bounce-cluster.test.ts).
    expect([...(result.probe.seenSources.get('pod-2')?.keys() ?? [])]).toEqual(['192.168.10.11']);
  });
});

// nftables: `notrack` works only before conntrack (prerouting or output, priority below -200);
// later, nft_notrack_eval() finds the packet's entry and does nothing. node-3 has the statement
// at -300 and node-2 the same statement at priority 0, beside kube-proxy's nftables table.
const rawNft = (priority: number, statement = `tcp dport ${BOUNCE_NODE_PORT} notrack`) =>
  `table ip raw {\n  chain prerouting {\n    type filter hook prerouting priority ${priority}; policy accept;\n    ip saddr 192.168.10.100 ${statement}\n  }\n}\n`;

describeKernel(
  'nft notrack beside kube-proxy’s nftables table',
  () => {
    const scenario = useScenario(() => bounceCluster(), 'nftables', {
      // node-1: before conntrack `ct state` is invalid, so this drops every new connection.
      prepend: { 'node-3': rawNft(-300), 'node-2': rawNft(0), 'node-1': rawNft(-300, 'ct state invalid drop') },
    });

    it('at priority -300 on node-3 the NodePort connection is untracked, never DNATed: node-3 refuses it', async () => {
      const result = await toNodePort(scenario(), '192.168.10.13');
      expectAgreement(result);
      expect(result.probe.failures.get('refused')).toBe(40);
    });

    it('at -300 on node-1 ct state is invalid, not new: a rule dropping invalid drops the client', async () => {
      const result = await toNodePort(scenario(), '192.168.10.11');
      expectAgreement(result);
      expect(result.probe.failures.get('timeout')).toBe(40);
    });

    it('at priority 0 on node-2 it comes too late: node-2 still splits between pod-1 and pod-2', async () => {
      expectAgreement(await toNodePort(scenario(), '192.168.10.12', { count: 400 }));
    });
  },
  'nftables',
);
