import { describe, expect, it } from 'vitest';
import { fromRulesText } from '@/engine/simulate';

describe('nft rules cut short', () => {
  it('reports a rule that ends after a concatenation dot as a problem, not a crash', () => {
    const text =
      'table ip t {\n chain c {\n  type nat hook prerouting priority -100; policy accept;\n  ip daddr .\n }\n}\n';
    const sim = fromRulesText(text, { localIPs: ['192.168.10.12'] });
    const problems = sim.problems();
    expect(problems.map((p) => p.message).join('\n')).toContain('the rule ends where a selector was expected');
    expect(problems[0]!.line).toBe(4);
  });
});
