/** Long rules wrap between options: the groups keep each option with its values. */
import { describe, expect, it } from 'vitest';
import { optionGroups } from '../../../src/islands/ruleGroups';
import { ruleTokens } from '../../../src/stores/lab/natTable';

const text = (line: string) => optionGroups(ruleTokens(line)).map((g) => g.map((t) => t.text).join(''));

describe('optionGroups', () => {
  it('keeps each option with its values, quoted comments whole', () => {
    expect(
      text(
        '-A KUBE-SVC-X -m comment --comment "default/web:http -> 10.244.1.2:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-Y',
      ),
    ).toEqual([
      '-A KUBE-SVC-X',
      '-m comment',
      '--comment "default/web:http -> 10.244.1.2:8080"',
      '-m statistic',
      '--mode random',
      '--probability 0.5000000000',
      '-j KUBE-SEP-Y',
    ]);
  });

  it('keeps a negation with the option it negates', () => {
    expect(text('-A KUBE-SVC-X ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ')).toEqual([
      '-A KUBE-SVC-X',
      '! -s 10.244.0.0/16',
      '-j KUBE-MARK-MASQ',
    ]);
  });

  it('loses no text: groups joined by spaces give the line back', () => {
    const line =
      '-A KUBE-SEP-Y -p tcp -m comment --comment default/web:http -m tcp -j DNAT --to-destination 10.244.1.2:8080';
    expect(text(line).join(' ')).toBe(line);
  });
});
