/**
 * raw and mangle in a pasted dump are walked where the kernel runs them: raw (-300) and mangle
 * (-150) before nat's DNAT at PREROUTING and OUTPUT, mangle before filter at INPUT and FORWARD
 * and before nat at POSTROUTING. A node's own packets take the OUTPUT path.
 */
import { describe, expect, it } from 'vitest';
import { fromRulesText } from '../../../../src/engine/simulate';

const NODE = '192.168.10.12';

/** A dump with a DNAT of 10.96.0.10:80 to 10.244.1.2:8080 and the given raw/mangle/filter lines. */
function dumpWith(extra: { raw?: string[]; mangle?: string[]; filter?: string[] }): string {
  const table = (name: string, chains: string[], lines: string[] = []) => [
    `*${name}`,
    ...chains.map((c) => `:${c} ACCEPT [0:0]`),
    ...lines,
    'COMMIT',
  ];
  return [
    ...(extra.raw ? table('raw', ['PREROUTING', 'OUTPUT'], extra.raw) : []),
    ...(extra.mangle ? table('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'], extra.mangle) : []),
    ...table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], extra.filter),
    ...table(
      'nat',
      ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
      [
        '-A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080',
        '-A OUTPUT -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.1.2:8080',
      ],
    ),
    '',
  ].join('\n');
}

function outcome(text: string, src: string) {
  const simulation = fromRulesText(text, { localIPs: [NODE, '127.0.0.1'] });
  expect(simulation.problems().filter((p) => p.level !== 'note')).toEqual([]);
  const from = src === NODE ? { kind: 'node' as const, name: 'node', ip: src } : { kind: 'client' as const, ip: src };
  const [first, ...rest] = simulation.exact({ from, to: { ip: '10.96.0.10', port: 80 } }, { trace: false });
  expect(rest).toEqual([]);
  return first!.result;
}

describe('raw and mangle tables', () => {
  it('a raw PREROUTING DROP stops a client before the DNAT', () => {
    const r = outcome(dumpWith({ raw: ['-A PREROUTING -s 203.0.113.0/24 -j DROP'] }), '203.0.113.5');
    expect(r.verdict).toBe('DROP');
    expect(r.decidedBy).toMatchObject({ table: 'raw', chain: 'PREROUTING', rule: 1 });
    expect(outcome(dumpWith({ raw: ['-A PREROUTING -s 203.0.113.0/24 -j DROP'] }), '198.51.100.5').verdict).toBe(
      'DNAT',
    );
  });

  it('raw matches the destination before DNAT rewrites it (raw runs at -300, DNAT at -100)', () => {
    const before = outcome(dumpWith({ raw: ['-A PREROUTING -d 10.244.1.2/32 -j DROP'] }), '198.51.100.5');
    expect(before.verdict).toBe('DNAT');
    const service = outcome(dumpWith({ raw: ['-A PREROUTING -d 10.96.0.10/32 -j DROP'] }), '198.51.100.5');
    expect(service.verdict).toBe('DROP');
  });

  it('a mangle mark set at PREROUTING is what a filter FORWARD rule sees', () => {
    const text = dumpWith({
      mangle: ['-A PREROUTING -s 198.51.100.0/24 -j MARK --set-xmark 0x8/0x8'],
      filter: ['-A FORWARD -m mark --mark 0x8/0x8 -j REJECT'],
    });
    expect(outcome(text, '198.51.100.5').verdict).toBe('REJECT');
    expect(outcome(text, '203.0.113.5').verdict).toBe('DNAT');
  });

  it('the node’s own packet crosses raw OUTPUT, not raw PREROUTING', () => {
    expect(outcome(dumpWith({ raw: ['-A OUTPUT -d 10.96.0.10/32 -j DROP'] }), NODE).verdict).toBe('DROP');
    expect(outcome(dumpWith({ raw: ['-A PREROUTING -d 10.96.0.10/32 -j DROP'] }), NODE).verdict).toBe('DNAT');
    expect(outcome(dumpWith({ raw: ['-A OUTPUT -d 10.96.0.10/32 -j DROP'] }), '198.51.100.5').verdict).toBe('DNAT');
  });

  it('mangle POSTROUTING runs after routing, on the DNATed packet', () => {
    const text = dumpWith({ mangle: ['-A POSTROUTING -d 10.244.1.2/32 -j DROP'] });
    expect(outcome(text, '198.51.100.5').verdict).toBe('DROP');
    expect(outcome(text, NODE).verdict).toBe('DROP');
  });

  it('raw runs before conntrack: -m conntrack sees INVALID there, never NEW; mangle sees NEW', () => {
    const raw = (state: string) => dumpWith({ raw: [`-A PREROUTING -m conntrack --ctstate ${state} -j DROP`] });
    expect(outcome(raw('NEW'), '198.51.100.5').verdict).toBe('DNAT');
    expect(outcome(raw('INVALID'), '198.51.100.5').verdict).toBe('DROP');
    const mangle = dumpWith({ mangle: ['-A PREROUTING -m conntrack --ctstate NEW -j DROP'] });
    expect(outcome(mangle, '198.51.100.5').verdict).toBe('DROP');
    // And the node's own packet in raw OUTPUT.
    const output = dumpWith({ raw: ['-A OUTPUT -m conntrack --ctstate INVALID -j DROP'] });
    expect(outcome(output, NODE).verdict).toBe('DROP');
  });

  describe('NOTRACK: the packet gets no conntrack entry, so NAT leaves it alone', () => {
    const notrack = ['-A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j NOTRACK'];

    function walk(text: string, src: string, localIPs = [NODE, '127.0.0.1']) {
      const simulation = fromRulesText(text, { localIPs });
      const from =
        src === NODE ? { kind: 'node' as const, name: 'node', ip: src } : { kind: 'client' as const, ip: src };
      const [first] = simulation.exact({ from, to: { ip: '10.96.0.10', port: 80 } }, { trace: true });
      return first!.result;
    }

    it('no DNAT: an address bound on the node (NodeLocal DNSCache’s trick) is delivered to the node itself', () => {
      const r = walk(dumpWith({ raw: notrack }), '198.51.100.5', [NODE, '127.0.0.1', '10.96.0.10']);
      expect(r.verdict).toBe('NONE');
      expect(r.destination).toMatchObject({ kind: 'node', ip: '10.96.0.10', port: 80 });
      const fired = (r.trace ?? []).filter((t) => t.matched).map((t) => `${t.table} ${t.chain} ${t.action}`);
      expect(fired).toContain('raw PREROUTING NOTRACK (no conntrack entry, so no NAT)');
      expect(fired.some((f) => f.startsWith('nat '))).toBe(false);
    });

    it('CT --notrack does the same, and other traffic is still DNATed', () => {
      const text = dumpWith({ raw: ['-A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j CT --notrack'] });
      expect(walk(text, '198.51.100.5', [NODE, '127.0.0.1', '10.96.0.10']).verdict).toBe('NONE');
      const other = dumpWith({ raw: ['-A PREROUTING -s 203.0.113.0/24 -j CT --notrack'] });
      expect(walk(other, '198.51.100.5').verdict).toBe('DNAT');
      expect(walk(other, '203.0.113.5', [NODE, '127.0.0.1', '10.96.0.10']).verdict).toBe('NONE');
    });

    it('an untracked packet is UNTRACKED to -m conntrack, never NEW', () => {
      const local = [NODE, '127.0.0.1', '10.96.0.10'];
      const isNew = dumpWith({ raw: notrack, filter: ['-A INPUT -m conntrack --ctstate NEW -j REJECT'] });
      expect(walk(isNew, '198.51.100.5', local).verdict).toBe('NONE');
      const isUntracked = dumpWith({ raw: notrack, filter: ['-A INPUT -m conntrack --ctstate UNTRACKED -j REJECT'] });
      expect(walk(isUntracked, '198.51.100.5', local).verdict).toBe('REJECT');
    });

    it('the node’s own packet: NOTRACK in raw OUTPUT skips nat OUTPUT’s DNAT', () => {
      const r = walk(dumpWith({ raw: ['-A OUTPUT -d 10.96.0.10/32 -j NOTRACK'] }), NODE, [
        NODE,
        '127.0.0.1',
        '10.96.0.10',
      ]);
      expect(r.verdict).toBe('NONE');
      expect(r.destination).toMatchObject({ kind: 'node', ip: '10.96.0.10' });
    });

    it('outside the raw table it is refused, as iptables-restore refuses it', () => {
      const r = walk(dumpWith({ mangle: ['-A PREROUTING -j NOTRACK'] }), '198.51.100.5');
      expect(r.reason).toMatch(/NOTRACK is only valid in the raw table/);
    });
  });
});
