import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../../src/engine/netfilter/parse';
import { renderRuleset } from '../../../../src/engine/netfilter/render';
import { tokenize } from '../../../../src/engine/netfilter/tokenize';
import { bounceDump, OLD_STYLE_DUMP } from './fixtures';
import { dump } from './harness';

const withoutComments = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');

describe('tokenize', () => {
  it('splits on whitespace and keeps a double-quoted run as one word', () => {
    expect(tokenize('-m comment --comment "a b  c" -j X')).toEqual({
      words: ['-m', 'comment', '--comment', 'a b  c', '-j', 'X'],
      quoted: [false, false, false, true, false, false],
    });
  });
  it('takes backslash escapes inside quotes and quotes in the middle of a word', () => {
    const t = tokenize('--comment "say \\"hi\\" \\\\ ok" ab"c d"e');
    expect('words' in t && t.words).toEqual(['--comment', 'say "hi" \\ ok', 'abc de']);
  });
  it('reports an unterminated quote', () => {
    expect(tokenize('--comment "open')).toEqual({ error: 'unterminated quoted string' });
  });
});

describe('parseIptablesSave', () => {
  it('reads tables, chain policies, chain counters and rule counters in both forms', () => {
    const r = parseIptablesSave(
      [
        '*filter',
        ':INPUT DROP [5:300]',
        ':MINE - [0:0]',
        '[7:420] -A INPUT -j MINE',
        '-A MINE -c 3 180 -j ACCEPT',
        'COMMIT',
      ].join('\n'),
    );
    expect(r.problems).toEqual([]);
    const filter = r.tables.get('filter');
    expect(filter?.chains.get('INPUT')?.policy).toBe('DROP');
    expect(filter?.chains.get('INPUT')?.counters).toEqual({ packets: 5, bytes: 300 });
    expect(filter?.chains.get('INPUT')?.rules[0]?.counters).toEqual({ packets: 7, bytes: 420 });
    expect(filter?.chains.get('MINE')?.rules[0]?.counters).toEqual({ packets: 3, bytes: 180 });
    expect(filter?.chains.get('MINE')?.policy).toBeNull();
  });

  it('keeps line numbers and original text of rules', () => {
    const r = parseIptablesSave(
      ['# header', '*nat', ':KUBE-X - [0:0]', '-A KUBE-X -m comment --comment "hello world" -j RETURN', 'COMMIT'].join(
        '\n',
      ),
    );
    const rule = r.tables.get('nat')?.chains.get('KUBE-X')?.rules[0];
    expect(rule?.line).toBe(4);
    expect(rule?.number).toBe(1);
    expect(rule?.text).toBe('-A KUBE-X -m comment --comment "hello world" -j RETURN');
  });

  it('lets rules use built-in chains the dump never declares (kube-proxy restore input)', () => {
    const r = parseIptablesSave(dump('nat', ['-A PREROUTING -j KUBE-SERVICES'], ['KUBE-SERVICES']));
    expect(r.problems).toEqual([]);
    expect(r.tables.get('nat')?.chains.get('PREROUTING')?.policy).toBe('ACCEPT');
  });

  it('reports an unsupported match module with its line and keeps the other rules', () => {
    const r = parseIptablesSave(
      dump('filter', ['-A INPUT -m limit --limit 5/min -j LOG', '-A INPUT -p tcp --dport 22 -j ACCEPT']),
    );
    expect(r.problems).toEqual([
      {
        line: 2,
        text: '-A INPUT -m limit --limit 5/min -j LOG',
        message: 'match module "-m limit" is not supported',
        level: 'error',
      },
    ]);
    const rules = r.tables.get('filter')?.chains.get('INPUT')?.rules ?? [];
    expect(rules.map((x) => x.unsupported === null)).toEqual([false, true]);
  });

  it('reports unknown targets, unknown options and jumps to undeclared chains', () => {
    const r = parseIptablesSave(
      dump('filter', [
        '-A INPUT -j CONNMARK --set-mark 1',
        '-A INPUT -p tcp --dport 22 --frobnicate -j ACCEPT',
        '-A INPUT -j NOWHERE',
      ]),
    );
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'target "CONNMARK" is neither a supported target nor a chain of this table'],
      [3, 'option "--frobnicate" is not supported here'],
      [4, 'target "NOWHERE" is neither a supported target nor a chain of this table'],
    ]);
  });

  it('skips -A to a chain that does not exist, with a problem', () => {
    const r = parseIptablesSave(dump('nat', ['-A KUBE-MISSING -j ACCEPT']));
    expect(r.problems[0]?.message).toBe('chain KUBE-MISSING does not exist in table nat');
    expect(r.tables.get('nat')?.chains.has('KUBE-MISSING')).toBe(false);
  });

  it('reports lines outside tables, unknown tables and a missing COMMIT', () => {
    const r = parseIptablesSave(
      ['-A INPUT -j ACCEPT', '*bogus', '-A X', 'COMMIT', '*filter', '-A INPUT -j ACCEPT'].join('\n'),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'line outside any *table section',
      'unknown table "bogus"; its lines are skipped',
      'table filter has no COMMIT at the end of the dump',
    ]);
    expect(r.tables.get('filter')?.chains.get('INPUT')?.rules).toHaveLength(1);
  });

  it('runs -N, -I (with a position), -F, -X and -P in order', () => {
    const r = parseIptablesSave(
      dump('filter', [
        '-N A',
        '-N B',
        '-A A -j ACCEPT',
        '-I A -j DROP',
        '-I A 2 -j RETURN',
        '-A B -j ACCEPT',
        '-F B',
        '-X B',
        '-P FORWARD DROP',
      ]),
    );
    expect(r.problems).toEqual([]);
    const f = r.tables.get('filter');
    expect(f?.chains.get('A')?.rules.map((x) => x.spec.target?.kind)).toEqual(['DROP', 'RETURN', 'ACCEPT']);
    expect(f?.chains.get('A')?.rules.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(f?.chains.has('B')).toBe(false);
    expect(f?.chains.get('FORWARD')?.policy).toBe('DROP');
  });

  it('accepts old syntax: /32 suffixes, "-s ! x", "--dport ! 80" and -p before -m', () => {
    const r = parseIptablesSave(dump('filter', ['-A INPUT -s ! 10.0.0.1/32 -p tcp -m tcp --dport ! 80 -j DROP']));
    expect(r.problems).toEqual([]);
    const spec = r.tables.get('filter')?.chains.get('INPUT')?.rules[0]?.spec;
    expect(spec?.src).toEqual({ prefix: { addr: 0x0a000001, mask: 0xffffffff, length: 32 }, negated: true });
    expect(spec?.matches[0]).toMatchObject({ kind: 'l4', dport: { ranges: [{ first: 80, last: 80 }], negated: true } });
  });

  it('loads the implicit protocol match for "-p tcp --dport" and renders it back without -m', () => {
    const text = dump('filter', ['-A INPUT -p tcp --dport 22 -j ACCEPT']);
    const r = parseIptablesSave(text);
    expect(r.problems).toEqual([]);
    expect(r.tables.get('filter')?.chains.get('INPUT')?.rules[0]?.spec.matches[0]).toMatchObject({
      kind: 'l4',
      module: 'tcp',
    });
    expect(renderRuleset(r)).toBe(text);
  });

  it('refuses -m tcp without -p tcp, as iptables does', () => {
    const r = parseIptablesSave(dump('filter', ['-A INPUT -m tcp --dport 22 -j ACCEPT']));
    expect(r.problems[0]?.message).toBe('-m tcp needs "-p tcp"');
  });

  it('parses the older kube-proxy dump (KUBE-XLB, /32, --mask --rsource, counters) without problems', () => {
    const r = parseIptablesSave(OLD_STYLE_DUMP);
    expect(r.problems).toEqual([]);
    const sep = r.tables.get('nat')?.chains.get('KUBE-SEP-AAAAAAAAAAAAAAAA')?.rules[1];
    expect(sep?.spec.matches).toContainEqual(
      expect.objectContaining({
        kind: 'recent',
        command: 'set',
        name: 'KUBE-SEP-AAAAAAAAAAAAAAAA',
        mask: 0xffffffff,
        side: 'src',
      }),
    );
  });

  it('reports a jump loop instead of accepting it', () => {
    const r = parseIptablesSave(dump('filter', ['-A A -j B', '-A B -j A', '-A C -j C'], ['A', 'B', 'C']));
    expect(r.problems.map((p) => p.message)).toEqual([
      'jump loop: chains A, B jump into each other',
      'jump loop: chains A, B jump into each other',
      'jump loop: C jumps to itself',
    ]);
  });

  it('walks raw and mangle without a note; notes that the security table is parsed but not walked', () => {
    expect(parseIptablesSave(dump('raw', ['-A PREROUTING -j NOTRACK'])).problems).toEqual([]);
    expect(parseIptablesSave(dump('mangle', ['-A PREROUTING -j MARK --set-xmark 0x1/0x1'])).problems).toEqual([]);
    const r = parseIptablesSave(dump('security', ['-A INPUT -j ACCEPT']));
    expect(r.problems).toEqual([
      {
        line: 1,
        text: '*security',
        message:
          'table security is parsed but not walked (it labels packets for SELinux and does not decide where a connection goes)',
        level: 'note',
      },
    ]);
  });
});

describe('renderRuleset', () => {
  it.each([
    ['bounce node-2 Cluster', bounceDump('node-2', 'Cluster')],
    ['bounce node-3 Local', bounceDump('node-3', 'Local')],
    ['old-style dump', OLD_STYLE_DUMP],
  ])('gives back the exact text of %s (header comments aside)', (_name, text) => {
    expect(renderRuleset(parseIptablesSave(text))).toBe(withoutComments(text));
  });

  it('is stable: rendering a rendered dump changes nothing', () => {
    const messy = [
      '*filter',
      ':INPUT ACCEPT',
      '-A INPUT   -p tcp  --dport 22  -c 1 2 -j ACCEPT',
      '-I INPUT -s 10.0.0.0/8 -j DROP',
      'COMMIT',
    ].join('\n');
    const once = renderRuleset(parseIptablesSave(messy));
    expect(renderRuleset(parseIptablesSave(once))).toBe(once);
  });
});
