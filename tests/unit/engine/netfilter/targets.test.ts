import { describe, expect, it } from 'vitest';
import { Verdict, MAX_JUMP_DEPTH } from '../../../../src/engine/netfilter/evaluate';
import { parseIPv4 } from '../../../../src/engine/netfilter/ip';
import { CtState } from '../../../../src/engine/netfilter/model';
import { jhash2, pickNatAddress, pickNatAddress6 } from '../../../../src/engine/netfilter/nat';
import { formatIPv6, parseIPv6 } from '../../../../src/engine/netfilter/ip6';
import { fromRulesText } from '../../../../src/engine/simulate';
import { compile, dump, env, matchedRules, run } from './harness';

describe('terminal targets and policies', () => {
  it('ACCEPT, DROP and REJECT decide and name the deciding rule', () => {
    for (const [target, verdict] of [
      ['ACCEPT', Verdict.ACCEPT],
      ['DROP', Verdict.DROP],
      ['REJECT --reject-with icmp-port-unreachable', Verdict.REJECT],
    ] as const) {
      const c = compile(
        dump('filter', ['-A INPUT -s 10.0.0.0/8 -j ACCEPT', `-A INPUT -p tcp -j ${target}`, '-A INPUT -j ACCEPT']),
      );
      const r = run(c, 'filter', 'INPUT');
      expect(r.verdict).toBe(verdict);
      expect(r.env.decider).toMatchObject({ table: 'filter', chain: 'INPUT', rule: 2 });
    }
  });
  it('falling off a built-in chain applies its policy, counted on the policy', () => {
    const c = compile(['*filter', ':INPUT DROP [0:0]', '-A INPUT -s 10.0.0.0/8 -j ACCEPT', 'COMMIT'].join('\n'));
    const r = run(c, 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.DROP);
    expect(r.env.decider).toMatchObject({ chain: 'INPUT', rule: 0, text: 'policy DROP' });
    const policySlot = c.tables.get('filter')?.get('INPUT')?.policySlot as number;
    expect(r.env.counters?.[policySlot]).toBe(1);
  });
  it('LOG and rules without a target continue to the next rule', () => {
    const c = compile(dump('filter', ['-A INPUT -j LOG --log-prefix "seen: "', '-A INPUT -p tcp', '-A INPUT -j DROP']));
    const r = run(c, 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.DROP);
    expect(matchedRules(r, 'INPUT')).toEqual([1, 2, 3]);
  });
});

describe('user chains', () => {
  it('-j returns to the next rule after the jump when the chain ends or RETURNs', () => {
    const c = compile(dump('filter', ['-A INPUT -j A', '-A INPUT -j DROP', '-A A -j RETURN', '-A A -j ACCEPT'], ['A']));
    expect(run(c, 'filter', 'INPUT').verdict).toBe(Verdict.DROP);
  });
  it('RETURN in a built-in chain applies the policy', () => {
    const c = compile(
      ['*filter', ':INPUT DROP [0:0]', '-A INPUT -j RETURN', '-A INPUT -j ACCEPT', 'COMMIT'].join('\n'),
    );
    expect(run(c, 'filter', 'INPUT').verdict).toBe(Verdict.DROP);
  });
  it('-g does not come back: when the chain ends, the caller of the current chain resumes', () => {
    const c = compile(
      dump(
        'filter',
        ['-A INPUT -j A', '-A INPUT -j DROP', '-A A -g B', '-A A -j ACCEPT', '-A B -s 10.0.0.0/8 -j ACCEPT'],
        ['A', 'B'],
      ),
    );
    const r = run(c, 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.DROP); // A's "-j ACCEPT" is skipped after the goto
    expect(matchedRules(r, 'A')).toEqual([1]);
  });
  it('-g from a built-in chain falls back to the policy', () => {
    const c = compile(
      ['*filter', ':INPUT DROP [0:0]', ':B - [0:0]', '-A INPUT -g B', '-A INPUT -j ACCEPT', 'COMMIT'].join('\n'),
    );
    expect(run(c, 'filter', 'INPUT').verdict).toBe(Verdict.DROP);
  });
  it('a jump loop stops the walk with the reason instead of hanging', () => {
    const c = compile(dump('filter', ['-A INPUT -j A', '-A A -j B', '-A B -j A'], ['A', 'B']), { allowProblems: true });
    const r = run(c, 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.ERROR);
    expect(r.env.error).toMatch(/jump loop/);
  });
  it('chains nested deeper than the cap stop the walk', () => {
    const n = MAX_JUMP_DEPTH + 5;
    const names = Array.from({ length: n }, (_, i) => `C${i}`);
    const lines = ['-A INPUT -j C0', ...names.slice(0, -1).map((c, i) => `-A ${c} -j C${i + 1}`)];
    const r = run(compile(dump('filter', lines, names)), 'filter', 'INPUT');
    expect(r.verdict).toBe(Verdict.ERROR);
    expect(r.env.error).toMatch(/deeper than/);
  });
});

describe('MARK', () => {
  it.each([
    ['--set-xmark 0x4000/0x4000', 0x1, 0x4001],
    ['--set-xmark 0x4000/0x0', 0x4001, 0x1],
    ['--set-mark 0x10', 0xff, 0x10],
    ['--set-mark 0x10/0x30', 0xff, 0xdf],
    ['--or-mark 0x4000', 0x1, 0x4001],
    ['--xor-mark 0x4000', 0x4001, 0x1],
    ['--and-mark 0xff', 0x4001, 0x1],
  ])('-j MARK %s turns 0x%s into the expected mark', (option, before, after) => {
    const c = compile(dump('filter', [`-A INPUT -j MARK ${option}`]));
    expect(run(c, 'filter', 'INPUT', { mark: before }).packet.mark).toBe(after);
  });
});

describe('NAT targets', () => {
  it('DNAT to ip:port rewrites the destination, ends the table and sets the DNAT ctstate', () => {
    const c = compile(
      dump('nat', ['-A PREROUTING -p tcp -j DNAT --to-destination 10.244.1.2:8080', '-A PREROUTING -j DROP']),
    );
    const r = run(c, 'nat', 'PREROUTING');
    expect([r.verdict, r.dst]).toEqual([Verdict.ACCEPT, '10.244.1.2:8080']);
    expect(r.packet.ctstate & CtState.DNAT).toBe(CtState.DNAT);
  });
  it('DNAT to an address only keeps the port', () => {
    const c = compile(dump('nat', ['-A PREROUTING -j DNAT --to-destination 10.244.1.2']));
    expect(run(c, 'nat', 'PREROUTING').dst).toBe('10.244.1.2:30080');
  });
  it('DNAT to a range picks the address by the kernel hash of source and destination, not at random', () => {
    const c = compile(dump('nat', ['-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.4:8000-8010']));
    const a = run(c, 'nat', 'PREROUTING', { sport: 1000 });
    const b = run(c, 'nat', 'PREROUTING', { sport: 2000 });
    expect(a.dst).toBe(b.dst); // same client and destination → same address
    const expected = pickNatAddress(
      parseIPv4('10.0.0.1') as number,
      parseIPv4('10.0.0.4') as number,
      0xc0a80a64,
      0xc0a80a0c,
      false,
    );
    expect(a.packet.dst).toBe(expected);
    expect(a.packet.dport).toBe(8000); // 30080 is outside 8000-8010: the first port
  });
  it('jhash2 and the range pick match the kernel code compiled with gcc (x86, zone 0)', () => {
    // Vectors from include/linux/jhash.h and find_best_ips_proto() built as a C program.
    expect(jhash2([], 0)).toBe(0xdeadbeef);
    expect(jhash2([1], 0)).toBe(1923623579);
    expect(jhash2([1, 2, 3, 4, 5], 9)).toBe(3764242030);
    const first = parseIPv4('10.0.0.1') as number;
    const last = parseIPv4('10.0.0.4') as number;
    const dst = parseIPv4('192.168.10.12') as number;
    const picks = [100, 101, 102, 103, 104, 105, 106, 107].map(
      (h) => pickNatAddress(first, last, parseIPv4(`192.168.10.${h}`) as number, dst, false) - first + 1,
    );
    expect(picks).toEqual([2, 2, 1, 3, 4, 2, 2, 3]);
  });
  it('an IPv6 range pick matches find_best_ips_proto() compiled with gcc, word by word', () => {
    // Vectors from the kernel function's IPv6 path built as a C program (x86, zone 0).
    const v6 = (text: string): bigint => parseIPv6(text) as bigint;
    const picks = (first: string, last: string, dst: string, persistent: boolean): string[] =>
      ['fd00:10::100', 'fd00:10::101', '2001:db8::7', 'fd00:10:244:9::5'].map((src) =>
        formatIPv6(pickNatAddress6(v6(first), v6(last), v6(src), v6(dst), persistent)),
      );
    expect(picks('fd00:10::20', 'fd00:10::23', 'fd00:10:244:2::2', false)).toEqual([
      'fd00:10::22',
      'fd00:10::20',
      'fd00:10::20',
      'fd00:10::20',
    ]);
    expect(picks('fd00:10::20', 'fd00:10::23', 'fd00:10:244:2::2', true)).toEqual([
      'fd00:10::22',
      'fd00:10::20',
      'fd00:10::21',
      'fd00:10::23',
    ]);
    // Across a word boundary the words after the first short one take their full range, so
    // the kernel can land outside the nominal range; the engine does the same.
    expect(picks('fd00::1:ffff:fffe', 'fd00::2:0:1', 'fd00:abcd:1234::8', false)).toEqual([
      'fd00::1:56cf:3399',
      'fd00::1:78f7:a4d1',
      'fd00::1:3976:3a22',
      'fd00::2:0:0',
    ]);
  });
  it('DNAT to an IPv6 range uses that pick', () => {
    const text =
      '# Generated by ip6tables-save\n*nat\n:PREROUTING ACCEPT [0:0]\n' +
      '-A PREROUTING -p tcp -j DNAT --to-destination [fd00:10::20]-[fd00:10::23]:8080\nCOMMIT\n';
    const [o] = fromRulesText(text, { localIPs: ['fd00:10::12'] }).exact({
      from: { kind: 'client', ip: 'fd00:10::100' },
      to: { ip: 'fd00:10::12', port: 30080 },
    });
    const picked = pickNatAddress6(
      parseIPv6('fd00:10::20') as bigint,
      parseIPv6('fd00:10::23') as bigint,
      parseIPv6('fd00:10::100') as bigint,
      parseIPv6('fd00:10::12') as bigint,
      false,
    );
    expect(o?.result.destination?.ip).toBe(formatIPv6(picked));
    expect(o?.result.destination?.port).toBe(8080);
  });
  it('DNAT is refused outside PREROUTING/OUTPUT', () => {
    const c = compile(dump('nat', ['-A POSTROUTING -j DNAT --to-destination 10.0.0.1']));
    expect(run(c, 'nat', 'POSTROUTING').env.error).toMatch(/DNAT is only valid in PREROUTING\/OUTPUT/);
  });
  it('SNAT rewrites the source; MASQUERADE uses the outgoing interface address', () => {
    const s = compile(dump('nat', ['-A POSTROUTING -j SNAT --to-source 192.168.10.99 --random-fully']));
    const rs = run(s, 'nat', 'POSTROUTING', { out: 'eth0' });
    expect([rs.src, rs.env.sourceNatted]).toEqual(['192.168.10.99:40000', true]);
    const m = compile(dump('nat', ['-A POSTROUTING -j MASQUERADE --random-fully']));
    expect(run(m, 'nat', 'POSTROUTING', { out: 'eth0' }).src).toBe('192.168.10.12:40000');
    expect(run(m, 'nat', 'POSTROUTING', { out: 'veth0af40202' }).src).toBe('10.244.2.1:40000');
    const none = run(m, 'nat', 'POSTROUTING', { out: 'nothing0' });
    expect(none.verdict).toBe(Verdict.DROP);
  });
});

describe('unsupported rules', () => {
  it('stop the walk only when a packet passes everything before the unknown part', () => {
    const c = compile(dump('filter', ['-A INPUT -s 10.0.0.0/8 -m limit --limit 1/s -j DROP', '-A INPUT -j ACCEPT']), {
      allowProblems: true,
    });
    expect(run(c, 'filter', 'INPUT').verdict).toBe(Verdict.ACCEPT);
    const r = run(c, 'filter', 'INPUT', { src: '10.1.2.3' });
    expect(r.verdict).toBe(Verdict.ERROR);
    expect(r.env.error).toBe('filter INPUT rule 1 (line 2): match module "-m limit" is not supported');
  });
});

describe('counters', () => {
  it('count every rule whose matches all held, as iptables -v shows', () => {
    const c = compile(
      dump('filter', ['-A INPUT -j A', '-A INPUT -s 10.0.0.0/8', '-A A -p tcp', '-A A -j RETURN'], ['A']),
    );
    const e = env(c);
    run(c, 'filter', 'INPUT', {}, e);
    run(c, 'filter', 'INPUT', {}, e);
    const byRule = c.slots.flatMap((s, i) => (s.table === 'filter' ? [[`${s.chain}:${s.rule}`, e.counters?.[i]]] : []));
    expect(byRule).toEqual([
      ['INPUT:1', 2],
      ['INPUT:2', 0],
      ['INPUT:0', 2],
      ['FORWARD:0', 0],
      ['OUTPUT:0', 0],
      ['A:1', 2],
      ['A:2', 2],
      ['A:0', 0],
    ]);
  });
});
