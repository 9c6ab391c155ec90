import { describe, expect, it } from 'vitest';
import { workUnits } from '../../../src/engine/simulate';
import { traceDump, workBudget, type TopologyCache } from '../../../src/workers/trace/pipeline';
import type { TraceReport } from '../../../src/workers/trace/protocol';
import { bounceNft, bounceRules, filterDump, request } from './helpers';

type Traced = Extract<TraceReport, { kind: 'traced' }>;

function traced(report: TraceReport): Traced {
  if (report.kind !== 'traced') throw new Error(`expected a trace, got ${report.kind}`);
  return report;
}

/** The dump's line `n` (1-based) without a leading [pkts:bytes]. */
const lineOf = (text: string, n: number): string =>
  (text.split('\n')[n - 1] ?? '').trim().replace(/^\[\d+:\d+\]\s+/, '');

describe('traceDump on the bounce rules', () => {
  it('node 2, ETP Cluster: pod 1 and pod 2 at exactly 1/2 each, both masqueraded', () => {
    const r = traced(traceDump(request(bounceRules())));
    expect(r.kube).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.exact?.kind).toBe('ok');
    const outcomes = r.exact?.kind === 'ok' ? r.exact.outcomes : [];
    expect(
      outcomes
        .map((o) => [
          o.destination?.ip,
          o.destination?.port,
          o.probability,
          o.verdict,
          o.masquerade,
          o.sourceSeen,
          o.sourcePortRandom,
        ])
        .sort(),
    ).toEqual([
      // kube-proxy's MASQUERADE carries --random-fully: the kernel draws the port, so only the
      // address is known (tests/kernel/masquerade-port.test.ts shows the kernel doing it).
      ['10.244.1.2', 8080, 0.5, 'DNAT', true, '192.168.10.12', true],
      ['10.244.2.2', 8080, 0.5, 'DNAT', true, '192.168.10.12', true],
    ]);
    expect(r.run?.count).toBe(2_000);
    expect(r.run?.outcomes.reduce((a, o) => a + o.count, 0)).toBe(2_000);
    // Run outcomes carry the same keys as exact ones, so the page can put them side by side.
    expect(new Set(r.run?.outcomes.map((o) => o.key))).toEqual(new Set(outcomes.map((o) => o.key)));
  });

  it('names every traced rule by its real line in the dump', () => {
    const text = bounceRules();
    const r = traced(traceDump(request(text)));
    const rules = r.sample?.trace.filter((e) => e.rule > 0) ?? [];
    expect(rules.length).toBeGreaterThan(10);
    for (const e of rules) expect(lineOf(text, e.line)).toBe(e.text);
    for (const c of r.run?.counters ?? []) if (c.rule > 0) expect(lineOf(text, c.line)).toBe(c.text);
    // A deciding policy points at its chain's declaration.
    const policy = r.sample?.trace.find((e) => e.rule === 0 && e.text.startsWith('policy'));
    if (policy) expect(lineOf(text, policy.line)).toMatch(new RegExp(`^:${policy.chain} `));
  });

  it('node 3, ETP Local: every connection dropped, by the "no local endpoints" rule', () => {
    const text = bounceRules('node-3', { externalTrafficPolicy: 'Local' });
    const r = traced(traceDump(request(text, { dst: '192.168.10.13', localIPs: ['192.168.10.13'] })));
    const outcomes = r.exact?.kind === 'ok' ? r.exact.outcomes : [];
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ verdict: 'DROP', probability: 1, destination: null });
    expect(lineOf(text, outcomes[0]?.decidedBy?.line ?? 0)).toContain('has no local endpoints');
    expect(r.run?.dropped).toBe(2_000);
  });

  it("a source that is the node itself is traced as the node's own packet", () => {
    const r = traced(traceDump(request(bounceRules(), { src: '192.168.10.12', dst: '10.96.120.15', port: 80 })));
    expect(r.fromNode).toBe(true);
    expect(r.sample?.trace[0]?.hook).toBe('OUTPUT');
    const r2 = traced(traceDump(request(bounceRules(), { src: '127.0.0.1', dst: '127.0.0.1', port: 30080 })));
    expect(r2.fromNode).toBe(true);
  });

  it('reuses the parsed rules for another packet through the same dump', () => {
    const cache: { last: TopologyCache | null } = { last: null };
    const text = bounceRules();
    expect(traced(traceDump(request(text), undefined, cache)).reusedParse).toBe(false);
    expect(
      traced(traceDump(request(text, { seed: 9, port: 80, dst: '10.96.120.15' }), undefined, cache)).reusedParse,
    ).toBe(true);
    expect(traced(traceDump(request(text, { localIPs: ['192.168.10.99'] }), undefined, cache)).reusedParse).toBe(false);
  });
});

describe('traceDump on kube-proxy nftables rules', () => {
  it.each(['listing', 'transaction'] as const)(
    'node 2, nft %s: pod 1 and pod 2 at exactly 1/2 each, masqueraded',
    (rendering) => {
      const text = bounceNft('node-2', rendering);
      const r = traced(traceDump(request(text)));
      expect(r.kube).toBe(true);
      expect(r.tables).toEqual(['ip kube-proxy']);
      expect(r.problems).toEqual([]);
      const outcomes = r.exact?.kind === 'ok' ? r.exact.outcomes : [];
      expect(outcomes.map((o) => [o.destination?.ip, o.probability, o.verdict, o.masquerade]).sort()).toEqual([
        ['10.244.1.2', 0.5, 'DNAT', true],
        ['10.244.2.2', 0.5, 'DNAT', true],
      ]);
      // nft rules are named by their lines too (`nft -f` input says "add rule <table> <chain> …").
      const rules = r.sample?.trace.filter((e) => e.rule > 0) ?? [];
      expect(rules.length).toBeGreaterThan(10);
      for (const e of rules) {
        if (rendering === 'listing') expect(lineOf(text, e.line)).toBe(e.text);
        else expect(lineOf(text, e.line).startsWith(`add rule ${e.table} ${e.chain} `)).toBe(true);
      }
    },
  );

  it('node 3, ETP Local in nft mode: dropped, by a rule on a real line', () => {
    const text = bounceNft('node-3', 'listing', { externalTrafficPolicy: 'Local' });
    const r = traced(traceDump(request(text, { dst: '192.168.10.13', localIPs: ['192.168.10.13'] })));
    const outcomes = r.exact?.kind === 'ok' ? r.exact.outcomes : [];
    expect(outcomes.map((o) => [o.verdict, o.probability])).toEqual([['DROP', 1]]);
    expect(outcomes[0]?.decidedBy?.line).toBeGreaterThan(0);
  });

  it('bounds nft jump fan-out and reports nft jump loops', () => {
    const n = 40;
    const chains = Array.from(
      { length: n + 1 },
      (_, i) => `\tchain c${i} {\n${i < n ? `\t\tjump c${i + 1}\n\t\tjump c${i + 1}\n` : ''}\t}`,
    );
    const fan = `table ip t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\tjump c0\n\t}\n${chains.join('\n')}\n}\n`;
    expect(traced(traceDump(request(fan))).refusal).toMatchObject({ kind: 'too-costly' });
    const loop =
      'table ip t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\tjump a\n\t}\n\tchain a {\n\t\tjump b\n\t}\n\tchain b {\n\t\tjump a\n\t}\n}\n';
    const r = traced(traceDump(request(loop)));
    expect(r.kube).toBe(false);
    expect(r.loops).toHaveLength(1);
    expect(r.loops[0]).toMatchObject({ line: 10, message: 'jump loop: b → a' });
    expect(r.exact?.kind === 'ok' ? r.exact.outcomes[0]?.verdict : null).toBe('UNKNOWN');
  });
});

describe('traceDump on other input', () => {
  it('turns an exception inside the engine into a report, never a throw', () => {
    // A rule ending in a dangling "." made the nft compiler throw a TypeError (an engine bug,
    // reported); whatever the engine does with it, the page gets a report.
    const text =
      'table ip t {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\tip daddr .\n\t}\n}\n';
    const report = traceDump(request(text));
    expect(['engine-error', 'traced']).toContain(report.kind);
    if (report.kind === 'engine-error') expect(report.message).not.toBe('');
  });

  it('declines iptables -L listings, and says empty for nothing', () => {
    expect(traceDump(request('Chain INPUT (policy ACCEPT)\n'))).toEqual({
      kind: 'unsupported',
      format: 'iptables-list',
    });
    expect(traceDump(request('\n# nothing\n'))).toEqual({ kind: 'empty' });
  });

  it('lists problems in line order with their text, and still uses the rest', () => {
    const text = filterDump(
      ['KUBE-X'],
      [
        '-A INPUT -m frobnicate -j DROP',
        '-A INPUT -m comment --comment "open',
        '-A NOPE -j ACCEPT',
        '-A INPUT -p tcp --dport 22 -j KUBE-X',
      ],
    );
    const r = traced(traceDump(request(text, { dst: '192.168.10.12', port: 22 })));
    expect(r.problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(r.problems[1]?.text).toContain('--comment "open');
    expect(r.errorCount).toBe(3);
    // The walk meets the unknown match on line 6 first and stops there, saying why.
    const outcomes = r.exact?.kind === 'ok' ? r.exact.outcomes : [];
    expect(outcomes[0]?.verdict).toBe('UNKNOWN');
    expect(outcomes[0]?.decidedBy?.line).toBe(6);
  });

  it('explains a dump without KUBE-* chains and reports loops', () => {
    const r = traced(traceDump(request(filterDump(['A', 'B'], ['-A INPUT -j A', '-A A -j B', '-A B -j A']))));
    expect(r.kube).toBe(false);
    expect(r.loops.length).toBeGreaterThan(0);
    expect(r.loops[0]?.message).toMatch(/^jump loop/);
  });

  it('refuses text with no nat or filter table', () => {
    const r = traced(traceDump(request('some words\nmore words\n')));
    expect(r.refusal).toEqual({ kind: 'no-tables' });
    expect(r.problems.length).toBe(2);
  });

  it('refuses jump structures that would explode, without walking them', () => {
    const n = 40;
    const chains = Array.from({ length: n + 1 }, (_, i) => `C${i}`);
    const rules = [
      '-A INPUT -j C0',
      ...Array.from({ length: n }, (_, i) => [`-A C${i} -j C${i + 1}`, `-A C${i} -j C${i + 1}`]).flat(),
    ];
    const r = traced(traceDump(request(filterDump(chains, rules))));
    expect(r.refusal).toMatchObject({ kind: 'too-costly', budget: workBudget(r.lines) });
    expect(r.work.exactEvaluations + r.work.sampleEvaluations).toBe(0);
  });

  it('stops exact mode at its budget when random branches multiply', () => {
    // 17 independent 50/50 MARK rules: 131,072 paths of a few rules each — cheap to bound
    // statically, far too many to enumerate.
    const rules = Array.from(
      { length: 17 },
      (_, i) =>
        `-A INPUT -m statistic --mode random --probability 0.5 -j MARK --set-xmark 0x${(1 << i).toString(16)}/0x${(1 << i).toString(16)}`,
    );
    const r = traced(traceDump(request(filterDump([], rules), { runCount: 100 })));
    expect(r.refusal).toBeNull();
    expect(r.exact).toMatchObject({ kind: 'limit' });
    // Stopped within one walk of the budget.
    expect(workUnits(r.work.exactWalks, r.work.exactEvaluations)).toBeLessThanOrEqual(
      workBudget(r.lines) + workUnits(1, 2 * r.work.walkBound),
    );
    expect(r.sample?.trace.length).toBeGreaterThan(17);
    expect(r.run?.count).toBe(100);
  });
});
