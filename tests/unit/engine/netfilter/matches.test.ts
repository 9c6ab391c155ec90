import { describe, expect, it } from 'vitest';
import { Verdict } from '../../../../src/engine/netfilter/evaluate';
import { CtState } from '../../../../src/engine/netfilter/model';
import { enumerate } from '../../../../src/engine/random/exact';
import { compile, dump, env, matchedRules, run, type PacketInit } from './harness';

/** Whether a single filter INPUT rule made of `match` matches the packet. */
function matches(match: string, init: PacketInit = {}, options: Parameters<typeof compile>[1] = {}): boolean {
  const c = compile(dump('filter', [`-A INPUT ${match} -j DROP`]), options);
  return run(c, 'filter', 'INPUT', init).verdict === Verdict.DROP;
}

describe('basic matches', () => {
  it('-s/-d match prefixes and single addresses, and ! negates them', () => {
    expect(matches('-s 192.168.10.0/24')).toBe(true);
    expect(matches('-s 192.168.10.100/32')).toBe(true);
    expect(matches('-s 192.168.10.101')).toBe(false);
    expect(matches('! -s 10.0.0.0/8')).toBe(true);
    expect(matches('-d 192.168.10.12')).toBe(true);
    expect(matches('! -d 192.168.10.12/32')).toBe(false);
    expect(matches('-s 0.0.0.0/0')).toBe(true);
  });
  it('-i/-o compare interface names, "+" is a prefix wildcard, ! negates', () => {
    expect(matches('-i eth0')).toBe(true);
    expect(matches('-i eth1')).toBe(false);
    expect(matches('-i eth+')).toBe(true);
    expect(matches('-i veth+', { in: 'veth0af40202' })).toBe(true);
    expect(matches('! -i veth+')).toBe(true);
    expect(matches('-o eth0', { out: 'eth0' })).toBe(true);
    expect(matches('-o eth0')).toBe(false);
  });
  it('-p matches the protocol by name or number; ! negates; all matches everything', () => {
    expect(matches('-p tcp')).toBe(true);
    expect(matches('-p udp')).toBe(false);
    expect(matches('-p 17', { proto: 17 })).toBe(true);
    expect(matches('! -p tcp', { proto: 17 })).toBe(true);
    expect(matches('-p all', { proto: 132 })).toBe(true);
  });
  it('-f never matches a first packet; ! -f always does', () => {
    expect(matches('-f')).toBe(false);
    expect(matches('! -f')).toBe(true);
  });
});

describe('-m tcp / udp / sctp', () => {
  it('--dport and --sport match single ports and ranges (open ends too), ! negates', () => {
    expect(matches('-p tcp -m tcp --dport 30080')).toBe(true);
    expect(matches('-p tcp -m tcp --dport 30000:30100')).toBe(true);
    expect(matches('-p tcp -m tcp --dport 30081:')).toBe(false);
    expect(matches('-p tcp -m tcp --dport :30080')).toBe(true);
    expect(matches('-p tcp -m tcp ! --dport 80')).toBe(true);
    expect(matches('-p tcp -m tcp --sport 40000 --dport 30080')).toBe(true);
    expect(matches('-p tcp -m tcp --source-port 1:1023')).toBe(false);
  });
  it('udp and sctp ports work for their protocol only', () => {
    expect(matches('-p udp -m udp --dport 53', { proto: 17, dport: 53 })).toBe(true);
    expect(matches('-p udp -m udp --dport 53', { proto: 6, dport: 53 })).toBe(false);
    expect(matches('-p sctp -m sctp --dport 9000', { proto: 132, dport: 9000 })).toBe(true);
  });
  it('--syn and --tcp-flags see a connection first packet as SYN', () => {
    expect(matches('-p tcp -m tcp --syn')).toBe(true);
    expect(matches('-p tcp -m tcp ! --syn')).toBe(false);
    expect(matches('-p tcp -m tcp --tcp-flags SYN,ACK SYN')).toBe(true);
    expect(matches('-p tcp -m tcp --tcp-flags SYN,ACK ACK')).toBe(false);
  });
});

describe('-m multiport', () => {
  it('--dports, --sports and --ports match any listed port or range; ! negates', () => {
    expect(matches('-p tcp -m multiport --dports 80,443,30000:30100')).toBe(true);
    expect(matches('-p tcp -m multiport --dports 80,443')).toBe(false);
    expect(matches('-p tcp -m multiport ! --dports 80,443')).toBe(true);
    expect(matches('-p tcp -m multiport --sports 40000')).toBe(true);
    expect(matches('-p tcp -m multiport --ports 40000')).toBe(true);
    expect(matches('-p tcp -m multiport --ports 1,2')).toBe(false);
  });
});

describe('-m addrtype', () => {
  it('LOCAL is every address of the node, 127.0.0.0/8 included', () => {
    expect(matches('-m addrtype --dst-type LOCAL')).toBe(true);
    expect(matches('-m addrtype --dst-type LOCAL', { dst: '10.244.2.1' })).toBe(true);
    expect(matches('-m addrtype --dst-type LOCAL', { dst: '127.0.0.5' })).toBe(true);
    expect(matches('-m addrtype --dst-type LOCAL', { dst: '192.168.10.13' })).toBe(false);
    expect(matches('-m addrtype --src-type LOCAL')).toBe(false);
    expect(matches('-m addrtype ! --src-type LOCAL')).toBe(true);
  });
  it('knows UNICAST, BROADCAST and MULTICAST', () => {
    expect(matches('-m addrtype --dst-type UNICAST', { dst: '8.8.8.8' })).toBe(true);
    expect(matches('-m addrtype --dst-type BROADCAST', { dst: '192.168.10.255' })).toBe(true);
    expect(matches('-m addrtype --dst-type MULTICAST', { dst: '224.0.0.1' })).toBe(true);
  });
  it('--limit-iface-in only counts addresses of the incoming interface', () => {
    expect(matches('-m addrtype --dst-type LOCAL --limit-iface-in', { dst: '192.168.10.12', in: 'eth0' })).toBe(true);
    expect(matches('-m addrtype --dst-type LOCAL --limit-iface-in', { dst: '10.244.2.1', in: 'eth0' })).toBe(false);
  });
  it('reports route-dependent types as unsupported', () => {
    expect(() => compile(dump('filter', ['-A INPUT -m addrtype --dst-type BLACKHOLE -j DROP']))).toThrow(
      /depends on routes/,
    );
  });
});

describe('-m comment and -m nfacct', () => {
  it('never change whether a rule matches', () => {
    expect(matches('-m comment --comment "anything at all"')).toBe(true);
    expect(matches('-m nfacct --nfacct-name localhost_nps_accepted_pkts')).toBe(true);
  });
});

describe('-m statistic', () => {
  const statRule = (p: string): ReturnType<typeof compile> =>
    compile(dump('filter', [`-A INPUT -m statistic --mode random ${p} -j DROP`]));
  const dropShare = (c: ReturnType<typeof compile>): number =>
    enumerate((chooser) => run(c, 'filter', 'INPUT', {}, env(c, { chooser })).verdict === Verdict.DROP)
      .filter((o) => o.value)
      .reduce((s, o) => s + o.probability, 0);

  it('--mode random matches with lround(p·2^31)/2^31, the kernel threshold', () => {
    expect(dropShare(statRule('--probability 0.5000000000'))).toBe(0.5);
    expect(dropShare(statRule('--probability 0.3333333333'))).toBe(Math.round(0.3333333333 * 2 ** 31) / 2 ** 31);
    expect(dropShare(statRule('--probability 0.3333333333'))).not.toBe(0.3333333333);
  });
  it('! --probability p matches with 1 - p', () => {
    expect(dropShare(statRule('! --probability 0.25000000000'))).toBe(0.75);
  });
  it('--mode nth --every n --packet p matches packets p, p+n, … of the rule (0-based)', () => {
    const c = compile(dump('filter', ['-A INPUT -m statistic --mode nth --every 3 --packet 1 -j DROP']));
    const e = env(c);
    const seen = Array.from({ length: 7 }, () => run(c, 'filter', 'INPUT', {}, e).verdict === Verdict.DROP);
    expect(seen).toEqual([false, true, false, false, true, false, false]);
    expect(c.stateful).toBe(true);
  });
});

describe('-m mark', () => {
  it('compares mark & mask with the value; ! negates; no mask means all bits', () => {
    expect(matches('-m mark --mark 0x4000/0x4000', { mark: 0x4001 })).toBe(true);
    expect(matches('-m mark --mark 0x4000/0x4000', { mark: 0x1 })).toBe(false);
    expect(matches('-m mark ! --mark 0x4000/0x4000', { mark: 0x1 })).toBe(true);
    expect(matches('-m mark --mark 0x4000', { mark: 0x4001 })).toBe(false);
    expect(matches('-m mark --mark 16384', { mark: 0x4000 })).toBe(true);
  });
});

describe('-m conntrack and -m state', () => {
  it('a first packet is NEW; DNAT appears once the connection is DNATed', () => {
    expect(matches('-m conntrack --ctstate NEW')).toBe(true);
    expect(matches('-m conntrack --ctstate RELATED,ESTABLISHED')).toBe(false);
    expect(matches('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT')).toBe(true);
    expect(matches('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT', { ctstate: CtState.NEW | CtState.DNAT })).toBe(
      false,
    );
    expect(matches('-m conntrack --ctstate INVALID', { ctstate: CtState.INVALID })).toBe(true);
    expect(matches('-m state --state NEW')).toBe(true);
  });
  it('other conntrack options are reported, not guessed', () => {
    expect(() => compile(dump('filter', ['-A INPUT -m conntrack --ctorigdst 10.0.0.1 -j DROP']))).toThrow(
      /not modelled/,
    );
  });
});

describe('-m set', () => {
  const rule = '-m set --match-set KUBE-CLUSTER-IP dst,dst';
  it('is unsupported without the set: a packet that reaches it stops the walk', () => {
    const c = compile(dump('filter', [`-A INPUT ${rule} -j ACCEPT`]));
    const r = run(c, 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.ERROR);
    expect(r.env.error).toMatch(/ipset "KUBE-CLUSTER-IP" is not supplied/);
  });
  it('matches against a supplied set', () => {
    const sets = { 'KUBE-CLUSTER-IP': { type: 'hash:ip,port', members: ['10.96.120.15,tcp:80'] } } as const;
    expect(matches(rule, { dst: '10.96.120.15', dport: 80 }, { sets })).toBe(true);
    expect(matches(rule, { dst: '10.96.120.15', dport: 81 }, { sets })).toBe(false);
    expect(matches(`-m set ! --match-set KUBE-CLUSTER-IP dst,dst`, { dst: '10.96.120.16', dport: 80 }, { sets })).toBe(
      true,
    );
    expect(matches(`-m set --match-set KUBE-CLUSTER-IP dst`, { dst: '10.96.120.15', dport: 80 }, { sets })).toBe(false);
  });
});

describe('match order', () => {
  it('IP header matches are tested before -m matches, whatever order they were written in', () => {
    // -s fails, so the statistic match is never asked for a draw: one outcome only.
    const c = compile(dump('filter', ['-A INPUT -m statistic --mode random --probability 0.5 -s 10.0.0.0/8 -j DROP']));
    expect(enumerate((chooser) => run(c, 'filter', 'INPUT', {}, env(c, { chooser })).verdict)).toEqual([
      { probability: 1, value: Verdict.ACCEPT },
    ]);
  });
  it('matchedRules reports only the rules that matched', () => {
    const c = compile(dump('filter', ['-A INPUT -s 10.0.0.0/8 -j DROP', '-A INPUT -p tcp', '-A INPUT -j ACCEPT']));
    expect(matchedRules(run(c, 'filter', 'INPUT'), 'INPUT')).toEqual([2, 3]);
  });
});
