import { describe, expect, it } from 'vitest';
import { fromRulesText, WorkLimitError } from '@/engine/simulate';
import { MAX_RULE_EVALUATIONS } from '@/engine/netfilter/evaluate';

// Chains that each jump twice to the next one: 40 levels deep means 2^40 rule visits. The
// depth cap (128) does not catch it; the per-hook work cap must, or the CLI hangs.
function fanOutDump(levels: number): string {
  const lines = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':POSTROUTING ACCEPT [0:0]',
  ];
  for (let i = 0; i <= levels; i++) lines.push(`:C${i} - [0:0]`);
  lines.push('-A PREROUTING -j C0');
  for (let i = 0; i < levels; i++) lines.push(`-A C${i} -j C${i + 1}`, `-A C${i} -j C${i + 1}`);
  lines.push('COMMIT', '');
  return lines.join('\n');
}

describe('work cap', () => {
  it('refuses an exponentially fanning dump before walking, naming the chain and line', () => {
    const sim = fromRulesText(fanOutDump(40), { localIPs: ['192.168.10.12'] });
    const spec = { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } } as const;
    let error: unknown;
    try {
      sim.exact(spec, { trace: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkLimitError);
    const limit = (error as WorkLimitError).limit;
    expect(limit.kind).toBe('fan-out');
    if (limit.kind !== 'fan-out') return;
    expect(limit.site).toMatchObject({ table: 'nat', chain: 'C0', rule: 1, line: 48, target: 'C1', calls: 2 });
    expect((error as WorkLimitError).message).toContain('nat C0 rule 1 (line 48)');
    expect(() => sim.run(spec, { count: 10, seed: 1 })).toThrow(WorkLimitError);
  });

  it('still caps one hook at run time (the static bound is the first guard, not the only one)', () => {
    // 17 levels pass the static bound (2^18 rules) but the walk itself meets every one of them.
    const sim = fromRulesText(fanOutDump(17), { localIPs: ['192.168.10.12'] });
    const outcomes = sim.exact(
      { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } },
      { trace: false },
    );
    const result = outcomes[0]!.result;
    expect(result.verdict).toBe('UNKNOWN');
    expect(result.reason).toContain(`more than ${MAX_RULE_EVALUATIONS} rule evaluations`);
  });
  it('leaves a modest fan-out alone (2^10 visits)', () => {
    const sim = fromRulesText(fanOutDump(10), { localIPs: ['192.168.10.12'] });
    const outcomes = sim.exact(
      { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } },
      { trace: false },
    );
    expect(outcomes[0]!.result.verdict).not.toBe('UNKNOWN');
  });
});
