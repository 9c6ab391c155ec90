/** kube-proxy's TestNodePorts (all seven cases, IPv4 and IPv6): --nodeport-addresses × localhostNodePorts. */
import { describe, expect, it } from 'vitest';
import { generateRestoreInput } from '../../../../src/engine/kubeproxy';
import { parseDump } from '../../../../src/engine/kubeproxy/iptables/dump';
import { runPacketFlowTests } from './helpers/flows';
import {
  FAKE_PROXIER_OPTIONS,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  fakeClusterIPv6,
  makeTestEndpointSlice,
  makeTestService,
  NODE_PORTS_FAMILY,
  port,
} from './helpers/fakeProxier';

const cases: {
  name: string;
  family?: 'IPv6';
  localhostNodePorts: boolean;
  nodePortAddresses: string[];
  allowAltNodeIP: boolean;
  expectFirewall: boolean;
}[] = [
  {
    name: 'localhost-nodeports enabled',
    localhostNodePorts: true,
    nodePortAddresses: [] as string[],
    allowAltNodeIP: true,
    expectFirewall: true,
  },
  {
    name: 'localhost-nodeports disabled',
    localhostNodePorts: false,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: 'localhost-nodeports disabled, localhost in nodeport-addresses',
    localhostNodePorts: false,
    nodePortAddresses: ['192.168.0.0/24', '127.0.0.1/32'],
    allowAltNodeIP: false,
    expectFirewall: false,
  },
  {
    name: 'localhost-nodeports enabled, multiple nodeport-addresses',
    // As in the Go test: despite its name it runs with localhost NodePorts off.
    localhostNodePorts: false,
    nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  // IPv6: localhost NodePorts never apply, whatever the flag says.
  {
    name: 'ipv6, localhost-nodeports enabled',
    family: 'IPv6',
    localhostNodePorts: true,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: 'ipv6, localhost-nodeports disabled',
    family: 'IPv6',
    localhostNodePorts: false,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: 'ipv6, localhost-nodeports disabled, multiple nodeport-addresses',
    family: 'IPv6',
    localhostNodePorts: false,
    nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'],
    allowAltNodeIP: false,
    expectFirewall: false,
  },
];

describe('TestNodePorts', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const family = c.family ?? 'IPv4';
      const v = NODE_PORTS_FAMILY[family];
      const services = [
        makeTestService('ns1', 'svc1', {
          type: 'NodePort',
          clusterIP: v.svcIP,
          ports: [port('p80', 80, { nodePort: 3001 })],
        }),
      ];
      const slices = [
        makeTestEndpointSlice(
          'ns1',
          'svc1',
          1,
          [ep(v.epIP1), ep(v.epIP2, TEST_NODE_NAME)],
          [{ name: 'p80', port: 80 }],
          family,
        ),
      ];
      const proxy = { localhostNodePorts: c.localhostNodePorts, nodePortAddresses: c.nodePortAddresses };
      const cluster =
        family === 'IPv4' ? fakeCluster(services, slices, proxy) : fakeClusterIPv6(services, slices, proxy);
      const output = v.output;
      runPacketFlowTests(cluster, [
        { name: 'pod to cluster IP', sourceIP: v.podIP, destIP: v.svcIP, destPort: 80, output },
        {
          name: 'external to nodePort',
          sourceIP: v.externalClientIP,
          destIP: v.nodeIP,
          destPort: 3001,
          output,
          masq: true,
        },
        { name: 'node to nodePort', sourceIP: v.nodeIP, destIP: v.nodeIP, destPort: 3001, output, masq: true },
        // localhost to NodePort is only allowed in IPv4, and only if not disabled.
        family === 'IPv4' && c.localhostNodePorts
          ? {
              name: 'localhost to nodePort gets masqueraded',
              sourceIP: v.localhostIP,
              destIP: v.localhostIP,
              destPort: 3001,
              output,
              masq: true,
            }
          : {
              name: 'localhost to nodePort is ignored',
              sourceIP: v.localhostIP,
              destIP: v.localhostIP,
              destPort: 3001,
              output: '',
            },
        c.allowAltNodeIP
          ? {
              name: 'external to nodePort on secondary IP',
              sourceIP: v.externalClientIP,
              destIP: v.altNodeIP,
              destPort: 3001,
              output,
              masq: true,
            }
          : {
              name: 'secondary nodeIP ignores NodePorts',
              sourceIP: v.externalClientIP,
              destIP: v.altNodeIP,
              destPort: 3001,
              output: '',
            },
      ]);
      it('KUBE-FIREWALL holds the anti-martian rule only with localhost NodePorts', () => {
        const dump = parseDump(generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS));
        const chain = dump.tables.find((t) => t.name === 'filter')?.chains.find((x) => x.name === 'KUBE-FIREWALL');
        expect(chain?.rules ?? []).toEqual(
          c.expectFirewall
            ? [
                '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
              ]
            : [],
        );
      });
    });
  }

  it('writes one KUBE-SERVICES rule per matching node address, loopback skipped without localhost NodePorts', () => {
    const cluster = fakeCluster([], [], {
      localhostNodePorts: false,
      nodePortAddresses: ['192.168.0.0/24', '127.0.0.1/32'],
    });
    const nat = generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS)
      .split('\n')
      .filter((l) => l.includes('-j KUBE-NODEPORTS'));
    expect(nat).toEqual([
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -d 192.168.0.2 -j KUBE-NODEPORTS',
    ]);
  });

  it('"primary" means the node IP only', () => {
    const cluster = fakeCluster([], [], { nodePortAddresses: ['primary'] });
    const nat = generateRestoreInput(cluster, TEST_NODE_NAME, FAKE_PROXIER_OPTIONS)
      .split('\n')
      .filter((l) => l.includes('-j KUBE-NODEPORTS'));
    expect(nat).toEqual([
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -d 192.168.0.2 -j KUBE-NODEPORTS',
    ]);
  });
});
