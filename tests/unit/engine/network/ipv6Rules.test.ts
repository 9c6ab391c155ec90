/**
 * IPv6 through a pasted dump: kube-proxy's ip6tables-save and `table ip6` rules (the same text
 * the kernel suite loads, tests/kernel/ipv6-rules.test.ts), the family read from the text, and
 * the kernel's separation of families — an IPv6 packet never sees an iptables rule or an `ip`
 * table, an IPv4 packet never an ip6tables rule or an `ip6` table; `inet` tables see both.
 */
import { describe, expect, it } from 'vitest';
import { ConnectionError, fromRulesText, type ConnectionSpec } from '../../../../src/engine/simulate';
import { IPV6_DUMPS } from './ipv6Dumps';

const DUMPS = IPV6_DUMPS;

const NODE = 'fd00:10::12';
const CLIENT = 'fd00:10::100';
const CLUSTER_IP = 'fd00:10:96::10';

/** Exact outcomes as "verdict destination seen-source probability" lines. */
function outcomes(text: string, spec: ConnectionSpec, localIPs: string[] = [NODE]): string[] {
  const simulation = fromRulesText(text, { localIPs });
  return simulation
    .exact(spec, { trace: false })
    .map(
      ({ result: r, probability }) =>
        `${r.verdict} ${r.destination ? `${r.destination.kind} ${r.destination.ip}:${r.destination.port}` : '-'} ${
          r.sourceSeen?.ip ?? '-'
        } ${probability}`,
    )
    .sort();
}

for (const mode of ['iptables', 'nftables'] as const) {
  describe(`kube-proxy's IPv6 rules, ${mode} mode`, () => {
    const dump = DUMPS[mode];

    it('reads the dump without a problem', () => {
      const problems = fromRulesText(dump, { localIPs: [NODE] }).problems();
      expect(problems.filter((p) => p.level !== 'note')).toEqual([]);
    });

    it('a client to the NodePort: half to each endpoint, masqueraded to the node', () => {
      expect(outcomes(dump, { from: { kind: 'client', ip: CLIENT }, to: { ip: NODE, port: 30080 } })).toEqual([
        `DNAT external fd00:10:244:2::2:8080 ${NODE} 0.5`,
        `DNAT external fd00:10:244:3::2:8080 ${NODE} 0.5`,
      ]);
    });

    it('a pod-CIDR source to the ClusterIP keeps its address (the local detector)', () => {
      const from = { kind: 'client' as const, ip: 'fd00:10:244:9::5' };
      expect(outcomes(dump, { from, to: { ip: CLUSTER_IP, port: 80 } })).toEqual([
        'DNAT external fd00:10:244:2::2:8080 fd00:10:244:9::5 0.5',
        'DNAT external fd00:10:244:3::2:8080 fd00:10:244:9::5 0.5',
      ]);
    });

    it('the client with no address given is the LAN’s ::100', () => {
      expect(outcomes(dump, { from: { kind: 'client' }, to: { ip: NODE, port: 30080 } })).toHaveLength(2);
    });

    it('the node itself can reach the ClusterIP (OUTPUT), from its own IPv6 address', () => {
      const [first] = fromRulesText(dump, { localIPs: [NODE] }).exact(
        { from: { kind: 'node', name: 'node' }, to: { ip: CLUSTER_IP, port: 80 } },
        { trace: false },
      );
      expect(first?.result.verdict).toBe('DNAT');
      expect(first?.result.sourceSeen?.ip).toBe(NODE);
    });
  });
}

describe('one family per packet', () => {
  it('nftables mode rejects an unserved ClusterIP port; iptables mode lets it leave by the default route', () => {
    const spec = { from: { kind: 'client' as const, ip: CLIENT }, to: { ip: CLUSTER_IP, port: 81 } };
    expect(outcomes(DUMPS.nftables, spec)).toEqual([`REJECT - - 1`]);
    expect(outcomes(DUMPS.iptables, spec)).toEqual([`NONE external ${CLUSTER_IP}:81 ${CLIENT} 1`]);
  });

  it('an IPv4 packet walks past IPv6 rules as the kernel does: they are another family’s tables', () => {
    const spec = { from: { kind: 'client' as const, ip: '192.168.10.100' }, to: { ip: '192.168.10.12', port: 30080 } };
    for (const dump of Object.values(DUMPS))
      expect(outcomes(dump, spec, [NODE, '192.168.10.12'])).toEqual(['NONE node 192.168.10.12:30080 192.168.10.100 1']);
  });

  it('an IPv6 packet walks past iptables-save rules and `table ip` chains', () => {
    const v4 = [
      '*nat',
      ':PREROUTING DROP [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      '-A PREROUTING -p tcp -j DNAT --to-destination 10.244.1.2:8080',
      'COMMIT',
      '',
    ].join('\n');
    const spec = { from: { kind: 'client' as const, ip: CLIENT }, to: { ip: NODE, port: 30080 } };
    expect(outcomes(v4, spec, ['192.168.10.12', NODE])).toEqual([`NONE node ${NODE}:30080 ${CLIENT} 1`]);
    const nft = 'table ip t {\n  chain p {\n    type filter hook prerouting priority 0; policy drop;\n  }\n}\n';
    expect(outcomes(nft, spec, ['192.168.10.12', NODE])).toEqual([`NONE node ${NODE}:30080 ${CLIENT} 1`]);
  });

  it('an inet table sees both families, and `ip6 saddr` matches only IPv6 packets, negated or not', () => {
    const nft = [
      'table inet t {',
      '  chain p {',
      '    type filter hook prerouting priority 0; policy accept;',
      '    ip6 saddr != fd00:10::/64 drop',
      '    ip saddr != 192.168.10.0/24 drop',
      '    tcp dport 30080 drop',
      '  }',
      '}',
      '',
    ].join('\n');
    const local = ['192.168.10.12', NODE];
    const to4 = { ip: '192.168.10.12', port: 30080 };
    const to6 = { ip: NODE, port: 30080 };
    // Each packet passes the other family's != match and is dropped by the port.
    expect(outcomes(nft, { from: { kind: 'client', ip: '192.168.10.100' }, to: to4 }, local)).toEqual(['DROP - - 1']);
    expect(outcomes(nft, { from: { kind: 'client', ip: CLIENT }, to: to6 }, local)).toEqual(['DROP - - 1']);
    expect(outcomes(nft, { from: { kind: 'client', ip: '2001:db8::1' }, to: to6 }, local)).toEqual(['DROP - - 1']);
    const passing = nft.replace('tcp dport 30080 drop', 'tcp dport 1 drop');
    expect(outcomes(passing, { from: { kind: 'client', ip: CLIENT }, to: to6 }, local)).toEqual([
      `NONE node ${NODE}:30080 ${CLIENT} 1`,
    ]);
  });
});

describe('the family of a dump', () => {
  it('an ip6tables-save dump with an IPv4 address in it is reported at that line', () => {
    const mixed = DUMPS.iptables.replace(
      '-d fd00:10:96::10 --dport 80 -j KUBE-SVC',
      '-d 10.96.0.10 --dport 80 -j KUBE-SVC',
    );
    const problems = fromRulesText(mixed, { localIPs: [NODE] }).problems();
    expect(problems.map((p) => p.message)).toContainEqual(
      "an IPv4 address in an ip6tables-save dump: iptables-save rules are a separate dump (paste one family's rules)",
    );
  });

  it('IPv6 NAT ranges are read; malformed bracketed targets are refused by name', () => {
    const dump = (target: string) =>
      `*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d fd00::1/128 -p tcp -j DNAT --to-destination ${target}\nCOMMIT\n`;
    const message = (target: string) =>
      fromRulesText(dump(target), { localIPs: [NODE] })
        .problems()
        .map((p) => p.message)
        .join('\n');
    expect(message('[fd00::2]-[fd00::3]:80')).toBe('');
    expect(message('[fd00::3]-[fd00::2]:80')).toContain('address range "fd00::3-fd00::2" is reversed');
    expect(message('[fd00::2]-[10.0.0.1]:80')).toContain('mixes IPv4 and IPv6');
    expect(message('[fd00::zz]:80')).toContain('is not an IPv4 or IPv6 address or range');
    expect(message('[fd00::2]:80')).toBe('');
    expect(message('fd00::2')).toBe('');
  });
});

describe('a connection stays in one family', () => {
  const simulation = fromRulesText(DUMPS.iptables, { localIPs: [NODE] });
  const refusal = (spec: ConnectionSpec): string => {
    try {
      simulation.exact(spec, { trace: false });
    } catch (e) {
      if (e instanceof ConnectionError) return e.message;
      throw e;
    }
    return 'no error';
  };

  it('an IPv4 client to an IPv6 address is refused at from.ip', () => {
    expect(refusal({ from: { kind: 'client', ip: '192.168.10.100' }, to: { ip: NODE, port: 30080 } })).toBe(
      'from.ip: 192.168.10.100 is IPv4 but to.ip fd00:10::12 is IPv6: a connection stays in one family',
    );
  });

  it('a default client of a family the node has no LAN for is refused', () => {
    expect(refusal({ from: { kind: 'client' }, to: { ip: '10.96.0.10', port: 80 } })).toBe('no error');
    const v4only = fromRulesText(DUMPS.iptables, { localIPs: ['192.168.10.12'] });
    expect(() => v4only.exact({ from: { kind: 'client' }, to: { ip: NODE, port: 30080 } })).toThrow(
      'from.ip: the network has no IPv6 LAN, so there is no default IPv6 client; give one',
    );
  });

  it('an IPv4 client pinging an IPv6 address is refused at from.ip, and a ping takes no port', () => {
    expect(refusal({ from: { kind: 'client', ip: '192.168.10.100' }, to: { ip: NODE }, protocol: 'icmp' })).toBe(
      'from.ip: 192.168.10.100 is IPv4 but to.ip fd00:10::12 is IPv6: a connection stays in one family',
    );
    expect(refusal({ from: { kind: 'client', ip: CLIENT }, to: { ip: NODE, port: 80 }, protocol: 'icmp' })).toBe(
      'to.port: an icmp echo request has no port; leave out 80',
    );
  });

  it('an address of neither family is refused at to.ip', () => {
    expect(refusal({ from: { kind: 'client', ip: CLIENT }, to: { ip: 'fd00::g', port: 80 } })).toBe(
      'to.ip: "fd00::g" is not an IPv4 or IPv6 address',
    );
  });
});
