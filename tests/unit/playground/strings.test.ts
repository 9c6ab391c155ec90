import { describe, expect, it } from 'vitest';
import { playgroundStrings } from '../../../src/i18n/playground/index';
import { linkText, problemText } from '../../../src/islands/playground/problemText';
import type { ProblemCode } from '../../../src/playground/validate';
import { placeholdersOf } from '../helpers/placeholders';

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('playground strings', () => {
  it('Korean has every English key with the same placeholders, and is not a copy', () => {
    const en = new Map(leaves(playgroundStrings.en));
    const ko = new Map(leaves(playgroundStrings.ko));
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) expect(placeholdersOf(ko.get(key) ?? ''), key).toEqual(placeholdersOf(text));
    expect(ko.get('problems.tooManyNodes')).not.toBe(en.get('problems.tooManyNodes'));
  });

  it('every problem code and every link error has a sentence in both languages, values filled', () => {
    const codes: ProblemCode[] = [
      'tooManyNodes',
      'tooFewNodes',
      'tooManyPods',
      'podNode',
      'podState',
      'port',
      'nodePort',
      'choice',
      'clientIndex',
      'entry',
      'target',
      'seed',
    ];
    for (const lang of ['en', 'ko'] as const) {
      const s = playgroundStrings[lang];
      for (const code of codes)
        expect(
          problemText(s, {
            code,
            values: {
              max: 10,
              min: 1,
              pod: 1,
              nodes: 3,
              value: 'x',
              allowed: 'a',
              kind: 'pod',
              target: 't',
              type: 'ClusterIP',
            },
          }),
        ).not.toMatch(/[{}]/);
      expect(problemText(s, { code: 'tooManyNodes', values: { max: 10 } })).toBe(
        lang === 'en' ? 'At most 10 nodes.' : '노드는 최대 10대까지 둘 수 있습니다.',
      );
      for (const error of [
        { reason: 'encoding' },
        { reason: 'length' },
        { reason: 'version', version: 9 },
        { reason: 'field', field: 'pods[0]' },
      ] as const)
        expect(linkText(s, error)).not.toMatch(/[{}]/);
      expect(
        linkText(s, { reason: 'invalid', problems: [{ code: 'tooManyNodes', field: 'nodes', values: { max: 10 } }] }),
      ).toContain('nodes:');
    }
  });
});
