/** The tracer end to end with an in-memory file system: outputs and exit statuses. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { generateNftables } from '../../../src/engine/kubeproxy/nftables';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';

const bounce = readFileSync(fileURLToPath(new URL('../../fixtures/bounce.yaml', import.meta.url)), 'utf8');
const files: Record<string, string> = {
  'bounce.yaml': bounce,
  'local.yaml': bounce.replace('externalTrafficPolicy: Cluster', 'externalTrafficPolicy: Local'),
  'broken.yaml': bounce.replace('port: 80\n', 'port: 99999\n'),
  'nft.yaml': bounce.replace('mode: iptables', 'mode: nftables'),
  'v6.save': readFileSync(
    fileURLToPath(new URL('../../fixtures/ipv6/kube-proxy.ip6tables-save', import.meta.url)),
    'utf8',
  ),
  'v6.nft': readFileSync(fileURLToPath(new URL('../../fixtures/ipv6/kube-proxy-ip6.nft', import.meta.url)), 'utf8'),
  'dual.yaml': readFileSync(fileURLToPath(new URL('../../fixtures/ipv6/dual-stack.yaml', import.meta.url)), 'utf8'),
};

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    read: (path) => {
      if (path === '-') return stdin;
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

describe('trace CLI', () => {
  it('--rules-out prints the generated dump for the node', async () => {
    const r = await run(['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-2']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\*filter\n:INPUT ACCEPT \[0:0\]/);
    expect(r.out).toContain(
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.2:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-UIQK3OSOSTRHRPBX',
    );
    expect(r.err).toBe('');
  });

  it('--rules-out --style kernel', async () => {
    const r = await run(['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-2', '--style', 'kernel']);
    expect(r.out).toContain('--probability 0.50000000000');
  });

  it('exact outcomes of the bounce question (ETP Cluster): half bounce to node-1, masqueraded', async () => {
    const r = await run(['--scenario', 'bounce.yaml', '--to', 'node/node-2:nodeport', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      outcomes: { probability: number; verdict: string; destination: string; masquerade: boolean }[];
    };
    expect(json.outcomes.map((o) => [o.probability, o.verdict, o.destination, o.masquerade]).sort()).toEqual([
      [0.5, 'DNAT', '10.244.1.2:8080', true],
      [0.5, 'DNAT', '10.244.2.2:8080', true],
    ]);
  });

  it('ETP Local: node-2 keeps everything, node-3 drops it', async () => {
    const two = JSON.parse((await run(['--scenario', 'local.yaml', '--to', 'node/node-2:30080', '--json'])).out) as {
      outcomes: { probability: number; destination: string; masquerade: boolean }[];
    };
    expect(two.outcomes.map((o) => [o.probability, o.destination, o.masquerade])).toEqual([
      [1, '10.244.2.2:8080', false],
    ]);
    const three = JSON.parse((await run(['--scenario', 'local.yaml', '--to', 'node/node-3:30080', '--json'])).out) as {
      outcomes: { verdict: string }[];
    };
    expect(three.outcomes.map((o) => o.verdict)).toEqual(['DROP']);
  });

  it('--count adds a sampled summary in JSON and text', async () => {
    const json = JSON.parse(
      (
        await run([
          '--scenario',
          'bounce.yaml',
          '--to',
          'node/node-2:30080',
          '--count',
          '2000',
          '--seed',
          '3',
          '--json',
        ])
      ).out,
    ) as {
      sampled: { count: number; destinations: Record<string, number>; dropped: number; rejected: number };
    };
    expect(json.sampled.count).toBe(2000);
    expect(Object.values(json.sampled.destinations).reduce((a, b) => a + b, 0)).toBe(2000);
    const text = (
      await run(['--scenario', 'bounce.yaml', '--to', 'node/node-2:30080', '--count', '2000', '--seed', '3'])
    ).out;
    expect(text).toContain('Sampled 2000 connections (seed 3):');
  });

  it('human output names the outcome, and --trace lists the rules', async () => {
    const r = await run(['--scenario', 'local.yaml', '--to', 'node/node-3:nodeport', '--trace']);
    expect(r.out).toContain('100.00%  DROP  hops node-3  by node-3 filter/KUBE-EXTERNAL-SERVICES #1');
    expect(r.out).toMatch(/node-3 nat:KUBE-NODEPORTS:2 +matched → jump KUBE-EXT-CDGGSHYLG3RE2FKL/);
  });

  it('--rules detects an nftables ruleset (nft -f input or nft list output): same options, same JSON', async () => {
    const transaction = generateNftables(bounceCluster(), 'node-1');
    const listing = generateNftables(bounceCluster(), 'node-1', { rendering: 'listing' });
    for (const text of [transaction, listing]) {
      const r = await run(
        ['--rules', '-', '--local-ip', '192.168.10.11', '--dst', '192.168.10.11:30080', '--json'],
        text,
      );
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as { outcomes: { probability: number; verdict: string }[] };
      expect(json.outcomes.map((o) => [o.probability, o.verdict])).toEqual([
        [0.5, 'DNAT'],
        [0.5, 'DNAT'],
      ]);
    }
    const bad = await run(['--rules', '-', '--local-ip', '1.2.3.4', '--dst', '1.2.3.4:80'], 'add rule ip t c accept\n');
    expect(bad.err).toBe('trace: stdin:1: not an nftables ruleset (no table): no chain "c" in table ip t\n');
  });

  it('a scenario in nftables mode: --rules-out prints the nft rules, and the trace walks them', async () => {
    expect((await run(['--scenario', 'nft.yaml', '--rules-out', '--node', 'node-2'])).out).toBe(
      generateNftables(bounceCluster(), 'node-2'),
    );
    expect((await run(['--scenario', 'nft.yaml', '--rules-out', '--node', 'node-2', '--style', 'kernel'])).out).toMatch(
      /^table ip kube-proxy \{\n/,
    );
    const json = JSON.parse(
      (await run(['--scenario', 'nft.yaml', '--to', 'node/node-2:30080', '--json', '--trace'])).out,
    ) as { outcomes: { probability: number }[] };
    expect(json.outcomes.map((o) => o.probability)).toEqual([0.5, 0.5]);
    expect((await run(['--scenario', 'nft.yaml', '--to', 'node/node-2:30080', '--trace'])).out).toContain(
      'ip kube-proxy',
    );
  });

  it('--rules mode walks a pasted dump (from stdin)', async () => {
    const dump = (await run(['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-1'])).out;
    const r = await run(
      ['--rules', '-', '--local-ip', '192.168.10.11', '--dst', '192.168.10.11:30080', '--json'],
      dump,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { outcomes: { probability: number; verdict: string }[] };
    expect(json.outcomes.map((o) => [o.probability, o.verdict])).toEqual([
      [0.5, 'DNAT'],
      [0.5, 'DNAT'],
    ]);
  });

  describe('traffic that starts on the node (--rules)', () => {
    type Outcome = {
      probability: number;
      verdict: string;
      destination: string;
      sourceSeen: string | null;
      masquerade: boolean;
    };
    const outcomes = (out: string) =>
      (JSON.parse(out) as { outcomes: Outcome[] }).outcomes
        .map((o) => [o.probability, o.verdict, o.destination, o.sourceSeen, o.masquerade])
        .sort();
    const node1 = ['--rules', '-', '--local-ip', '192.168.10.11'];

    // Scenario mode's --from node/node-1 is checked against the kernel (tests/kernel); the same
    // node's dump must answer the same through --rules, whichever way "from the node" is said.
    it.each([
      ['its own address', ['--src', '192.168.10.11', '--dst', '192.168.10.11:30080'], 'node/node-1:30080'],
      ['--from-node', ['--from-node', '--dst', '192.168.10.11:30080'], 'node/node-1:30080'],
      ['localhost node port', ['--src', '127.0.0.1', '--dst', '127.0.0.1:30080'], '127.0.0.1:30080'],
      ['a ClusterIP', ['--from-node', '--dst', '10.96.120.15:80'], 'svc/web'],
    ])('%s: as scenario mode walks node-1', async (_, args, to) => {
      const dump = (await run(['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-1'])).out;
      const fromRules = await run([...node1, ...args, '--json'], dump);
      const fromScenario = await run(['--scenario', 'bounce.yaml', '--from', 'node/node-1', '--to', to, '--json']);
      expect(fromRules.err).toBe('');
      expect(fromRules.code).toBe(0);
      const scenario = outcomes(fromScenario.out);
      expect(scenario.length).toBeGreaterThan(0);
      // --rules knows one node and one interface: what it sends leaves on eth0. The destinations,
      // odds and masquerade agree; the source seen agrees for the pod on another node (a pod on
      // node-1 itself sees the bridge's address in scenario mode, an interface a dump never shows).
      const rules = outcomes(fromRules.out);
      expect(rules.map(([p, v, d, , m]) => [p, v, d, m])).toEqual(scenario.map(([p, v, d, , m]) => [p, v, d, m]));
      const elsewhere = (o: (typeof rules)[number]) => String(o[2]).startsWith('10.244.2.');
      expect(rules.filter(elsewhere)).toHaveLength(1);
      expect(rules.filter(elsewhere)).toEqual(scenario.filter(elsewhere));
    });

    it('the heading says the node sent it; a client address with --from-node is refused', async () => {
      const dump = (await run(['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-1'])).out;
      const r = await run([...node1, '--from-node', '--dst', '10.96.120.15:80'], dump);
      expect(r.out.split('\n')[0]).toBe('node 192.168.10.11 → 10.96.120.15:80 (10.96.120.15:80/tcp)');
      expect(await run([...node1, '--from-node', '--src', '192.168.10.50', '--dst', '10.96.120.15:80'], dump)).toEqual({
        code: 2,
        out: '',
        err: "trace: --src: 192.168.10.50 is not one of the node's addresses (--local-ip, 127.0.0.0/8 or ::1), so it cannot start on the node\n",
      });
    });
  });

  describe('IPv6 (--rules with an ip6tables-save dump or a table ip6)', () => {
    const v6 = ['--local-ip', 'fd00:10::12'];

    it.each(['v6.save', 'v6.nft'])('%s: a NodePort in brackets, outcomes and sources in brackets too', async (file) => {
      const r = await run(['--rules', file, ...v6, '--src', 'fd00:10::100', '--dst', '[fd00:10::12]:30080']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('fd00:10::100 → [fd00:10::12]:30080 ([fd00:10::12]:30080/tcp)');
      expect(r.out).toMatch(
        /50\.00% {2}DNAT → \[fd00:10:244:2::2\]:8080 outside the cluster {2}source seen \[fd00:10::12\]:random/,
      );
      expect(r.out).toMatch(/50\.00% {2}DNAT → \[fd00:10:244:3::2\]:8080 outside the cluster/);
    });

    it('--from-node picks the node address of the destination’s family', async () => {
      const r = await run([
        '--rules',
        'v6.save',
        '--local-ip',
        '192.168.10.12',
        ...v6,
        '--from-node',
        '--dst',
        '[fd00:10:96::10]:80',
      ]);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe('node fd00:10::12 → [fd00:10:96::10]:80 ([fd00:10:96::10]:80/tcp)');
    });

    it.each([
      ['nftables', 'add table ip6 kube-proxy'],
      ['iptables', '-A KUBE-SEP-44OAPYS4LDTTYJA2 -m comment --comment default/web:http -s fd00:10:244:2::2'],
    ])(
      '--rules-out --family ipv6 (%s) prints the IPv6 proxier’s rules, which --rules then traces',
      async (mode, line) => {
        files['dual-mode.yaml'] = files['dual.yaml']!.replace('mode: nftables', `mode: ${mode}`);
        const out = await run(['--scenario', 'dual-mode.yaml', '--rules-out', '--node', 'node-1', '--family', 'ipv6']);
        expect(out.err).toBe('');
        expect(out.out).toContain(line);
        const r = await run(['--rules', '-', ...v6, '--src', 'fd00:10::100', '--dst', '[fd00:10::12]:30080'], out.out);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/50\.00% {2}DNAT → \[fd00:10:244:2::2\]:8080/);
        expect(r.out).toMatch(/50\.00% {2}DNAT → \[fd00:10:244:3::2\]:8080/);
      },
    );

    it.each([
      [
        ['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-1', '--family', 'ipv6'],
        'trace: --family ipv6: no node has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)\n',
      ],
      [
        ['--scenario', 'dual.yaml', '--rules-out', '--node', 'node-1', '--family', 'v6'],
        'trace: --family must be ipv4 or ipv6, not "v6"\n',
      ],
      [
        ['--scenario', 'bounce.yaml', '--to', 'svc/web:80', '--family', 'ipv6'],
        'trace: --family ipv6: no node has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)\n',
      ],
      [
        ['--scenario', 'bounce.yaml', '--to', '[fd00:10:96::10]:80'],
        'trace: to.ip: fd00:10:96::10 is IPv6, and no node of this cluster has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)\n',
      ],
    ])('--family mistakes %j exit 2 with one line', async (args, stderr) => {
      expect(await run(args)).toEqual({ code: 2, out: '', err: stderr });
    });

    it('--proto icmp to an IPv6 address pings with ICMPv6 and prints what ping would', async () => {
      const r = await run([
        '--rules',
        'v6.save',
        ...v6,
        '--src',
        'fd00:10::100',
        '--proto',
        'icmp',
        '--dst',
        'fd00:10::12',
      ]);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe('fd00:10::100 → fd00:10::12 (fd00:10::12, icmpv6 echo request)');
      expect(r.out).toContain('ping: echo reply from fd00:10::12 (node node answers)');
    });

    it.each([[['--to', '[fd00:10:96::10]:80']], [['--to', 'svc/web:80', '--family', 'ipv6']]])(
      'scenario mode walks an IPv6 connection over the cluster’s IPv6 network: %j',
      async (args) => {
        const r = await run(['--scenario', 'dual.yaml', '--from', 'pod/web-3', ...args]);
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/50\.00% {2}DNAT → pod default\/web-2 \(\[fd00:10:244:2::2\]:8080\) on node-2/);
        expect(r.out).toMatch(/50\.00% {2}DNAT → pod default\/web-3 \(\[fd00:10:244:3::2\]:8080\) on node-3/);
      },
    );

    it('a ping names an IPv6 address bare or in brackets, never with a port', async () => {
      for (const to of ['fd00:10:96::10', '[fd00:10:96::10]']) {
        const r = await run(['--scenario', 'dual.yaml', '--from', 'pod/web-3', '--proto', 'icmp', '--to', to]);
        expect(r.out).toContain(
          'ping: icmp6-port-unreachable (ICMPv6 type 1 code 4) from fd00:10:244:3::1, sent by node-3',
        );
      }
      expect(await run(['--scenario', 'dual.yaml', '--proto', 'icmp', '--to', '[fd00:10:96::10]:80'])).toEqual({
        code: 2,
        out: '',
        err: 'trace: --to: a ping (--proto icmp) has no port; write "fd00:10:96::10" without ":80"\n',
      });
    });

    it('::1 is the node’s own, as 127.0.0.1 is', async () => {
      const r = await run(['--rules', 'v6.save', ...v6, '--src', '::1', '--dst', '[fd00:10:96::10]:80']);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toMatch(/^node ::1 → /);
    });

    it.each([
      [
        ['--src', '192.168.10.100', '--dst', '[fd00:10::12]:30080'],
        'trace: from.ip: 192.168.10.100 is IPv4 but to.ip fd00:10::12 is IPv6: a connection stays in one family\n',
      ],
      [
        ['--dst', 'fd00:10::12:30080'],
        'trace: --dst: "fd00:10::12:30080" is not IP:PORT (an IPv6 address in brackets: [fd00::1]:80)\n',
      ],
      [
        ['--src', 'fd00::g', '--dst', '[fd00:10::12]:30080'],
        'trace: --src: "fd00::g" is not an IPv4 or IPv6 address\n',
      ],
      [
        ['--src', '192.168.10.100', '--proto', 'icmp', '--dst', 'fd00:10::12'],
        'trace: from.ip: 192.168.10.100 is IPv4 but to.ip fd00:10::12 is IPv6: a connection stays in one family\n',
      ],
      [
        ['--proto', 'icmp', '--dst', '[fd00:10::12]:80'],
        'trace: --dst: a ping (--proto icmp) has no port; write "fd00:10::12" without ":80"\n',
      ],
    ])('bad IPv6 input %j exits 2 with one line', async (args, stderr) => {
      expect(await run(['--rules', 'v6.save', ...v6, ...args])).toEqual({ code: 2, out: '', err: stderr });
    });
  });

  it.each([
    [
      ['--scenario', 'missing.yaml', '--to', '1.2.3.4:80'],
      "trace: cannot read missing.yaml: no such file or directory, open 'missing.yaml'\n",
    ],
    [
      ['--scenario', 'broken.yaml', '--to', '1.2.3.4:80'],
      'trace: broken.yaml:113: document 6, Service default/web, field spec.ports[0].port: 99999 is not a port number (1-65535)\n',
    ],
    [
      ['--scenario', 'bounce.yaml', '--rules-out', '--node', 'node-9'],
      'trace: --node: no node "node-9" (nodes: node-1, node-2, node-3)\n',
    ],
    [['--scenario', 'bounce.yaml', '--to', 'svc/nope'], 'trace: --to: no Service "nope" (Services: default/web)\n'],
    [
      ['--scenario', 'bounce.yaml', '--from', 'robot', '--to', 'svc/web'],
      'trace: from: "robot" is not client, client/IP, pod/NAME, pod/NAMESPACE/NAME or node/NAME\n',
    ],
    [
      ['--rules', '-', '--local-ip', '1.2.3.4', '--dst', '1.2.3.4:80'],
      'trace: stdin:1: not an iptables-save dump (no *nat or *filter table): line outside any *table section\n',
    ],
    [
      ['--rules', '-', '--local-ip', '1.2.3', '--dst', '1.2.3.4:80'],
      'trace: --local-ip: "1.2.3" is not an IPv4 or IPv6 address\n',
    ],
    [['--bogus'], 'trace: unknown option "--bogus" (see --help)\n'],
  ])('bad input %j exits 2 with one line', async (argv, stderr) => {
    const r = await run(argv, 'garbage\n');
    expect(r).toEqual({ code: 2, out: '', err: stderr });
  });

  it('error messages in Korean with --lang ko', async () => {
    const r = await run(['--scenario', 'broken.yaml', '--to', '1.2.3.4:80', '--lang', 'ko']);
    expect(r.err).toBe(
      'trace: broken.yaml:113: 문서 6, Service default/web, 필드 spec.ports[0].port: 99999는 포트 번호(1-65535)가 아닙니다\n',
    );
  });

  it('--help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: npm run -s trace -- [options]');
  });
});

describe('--proto icmp: a ping, which has no port', () => {
  it.each([
    [['--to', 'svc/web:80'], '--to: a ping (--proto icmp) has no port; write "svc/web" without ":80"'],
    [['--to', '10.96.120.15:80'], '--to: a ping (--proto icmp) has no port; write "10.96.120.15" without ":80"'],
    [['--to', 'node/node-2:nodeport'], 'write "node/node-2" without ":nodeport"'],
    [['--to', 'nowhere'], '--to: "nowhere" is not an IPv4 or IPv6 address, node/NAME, svc/NAME, lb/NAME or pod/NAME'],
  ])('%j is one line on stderr, exit 2', async (to, message) => {
    const { code, out, err } = await run(['--scenario', 'bounce.yaml', '--proto', 'icmp', ...to]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(message);
  });

  it('--rules: --dst IP:PORT is refused, --dst IP is traced', async () => {
    const rules = generateNftables(bounceCluster(), 'node-1');
    files['node-1.nft'] = rules;
    const bad = await run([
      '--rules',
      'node-1.nft',
      '--local-ip',
      '192.168.10.11',
      '--dst',
      '10.96.120.15:80',
      '--proto',
      'icmp',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('trace: --dst: a ping (--proto icmp) has no port; write "10.96.120.15" without ":80"\n');
    const ok = await run([
      '--rules',
      'node-1.nft',
      '--local-ip',
      '192.168.10.11',
      '--src',
      '10.244.1.2',
      '--dst',
      '10.96.120.15',
      '--proto',
      'icmp',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('REJECT');
    expect(ok.out).toContain('ping: icmp-port-unreachable (ICMP type 3 code 3)');
  });

  it('svc/NAME, node/NAME and pod/NAME name an address; the report and --json say what ping got', async () => {
    const svc = await run(['--scenario', 'bounce.yaml', '--proto', 'icmp', '--to', 'svc/web', '--node', 'node-1']);
    expect(svc.code).toBe(0);
    expect(svc.out).toContain('(10.96.120.15, icmp echo request, entering node-1)');
    expect(svc.out).toContain('ping: no answer (nothing rewrote the echo request');
    const node = await run(['--scenario', 'bounce.yaml', '--proto', 'icmp', '--to', 'node/node-2', '--json']);
    expect(JSON.parse(node.out).outcomes[0].echo).toEqual({
      kind: 'reply',
      from: '192.168.10.12',
      responder: 'node node-2',
    });
    const pod = await run(['--scenario', 'bounce.yaml', '--proto', 'icmp', '--from', 'pod/pod-1', '--to', 'pod/pod-2']);
    expect(pod.out).toContain('ping: echo reply from 10.244.2.2 (pod default/pod-2 answers)');
    const nft = await run(['--scenario', 'nft.yaml', '--proto', 'icmp', '--from', 'pod/pod-1', '--to', 'svc/web']);
    expect(nft.out).toContain('icmp-port-unreachable (ICMP type 3 code 3) from 10.244.1.1, sent by node-1');
  });
});
