/** kube-proxy's TestNodePorts (IPv4 cases): --nodeport-addresses × localhostNodePorts. */
import { describe, expect, it } from 'vitest';
import { generateRestoreInput } from '../../../../src/engine/kubeproxy';
import { parseDump } from '../../../../src/engine/kubeproxy/iptables/dump';
import { runPacketFlowTests } from './helpers/flows';
import {
  FAKE_PROXIER_OPTIONS,
  TEST_EXTERNAL_CLIENT,
  TEST_NODE_IP,
  TEST_NODE_IP_ALT,
  TEST_NODE_NAME,
  ep,
  fakeCluster,
  makeTestEndpointSlice,
  makeTestService,
  port,
} from './helpers/fakeProxier';

const cases = [
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
];

describe('TestNodePorts', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const cluster = fakeCluster(
        [
          makeTestService('ns1', 'svc1', {
            type: 'NodePort',
            clusterIP: '172.30.0.41',
            ports: [port('p80', 80, { nodePort: 3001 })],
          }),
        ],
        [
          makeTestEndpointSlice(
            'ns1',
            'svc1',
            1,
            [ep('10.180.0.1'), ep('10.180.2.1', TEST_NODE_NAME)],
            [{ name: 'p80', port: 80 }],
          ),
        ],
        { localhostNodePorts: c.localhostNodePorts, nodePortAddresses: c.nodePortAddresses },
      );
      const output = '10.180.0.1:80, 10.180.2.1:80';
      runPacketFlowTests(cluster, [
        { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output },
        {
          name: 'external to nodePort',
          sourceIP: TEST_EXTERNAL_CLIENT,
          destIP: TEST_NODE_IP,
          destPort: 3001,
          output,
          masq: true,
        },
        { name: 'node to nodePort', sourceIP: TEST_NODE_IP, destIP: TEST_NODE_IP, destPort: 3001, output, masq: true },
        c.localhostNodePorts
          ? {
              name: 'localhost to nodePort gets masqueraded',
              sourceIP: '127.0.0.1',
              destIP: '127.0.0.1',
              destPort: 3001,
              output,
              masq: true,
            }
          : {
              name: 'localhost to nodePort is ignored',
              sourceIP: '127.0.0.1',
              destIP: '127.0.0.1',
              destPort: 3001,
              output: '',
            },
        c.allowAltNodeIP
          ? {
              name: 'external to nodePort on secondary IP',
              sourceIP: TEST_EXTERNAL_CLIENT,
              destIP: TEST_NODE_IP_ALT,
              destPort: 3001,
              output,
              masq: true,
            }
          : {
              name: 'secondary nodeIP ignores NodePorts',
              sourceIP: TEST_EXTERNAL_CLIENT,
              destIP: TEST_NODE_IP_ALT,
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
