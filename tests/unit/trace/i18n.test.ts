import { describe, expect, it } from 'vitest';
import { traceEn } from '../../../src/i18n/trace/en';
import { traceKo } from '../../../src/i18n/trace/ko';
import { placeholdersOf } from '../helpers/placeholders';

type Table = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** "group.key" → string, for every string of a table. */
function flat(table: Table): Map<string, string> {
  return new Map(
    Object.entries(table).flatMap(([group, keys]) =>
      Object.entries(keys).map(([key, value]) => [`${group}.${key}`, value] as const),
    ),
  );
}

const code = (s: string): string[] => s.split('`').filter((_, i) => i % 2 === 1);

describe('trace page strings', () => {
  const en = flat(traceEn);
  const ko = flat(traceKo);

  it('have the same keys, placeholders and code spans in English and Korean', () => {
    expect([...ko.keys()]).toEqual([...en.keys()]);
    for (const [key, value] of en) {
      expect(placeholdersOf(ko.get(key) ?? ''), key).toEqual(placeholdersOf(value));
      expect(code(ko.get(key) ?? '').sort(), key).toEqual(code(value).sort());
    }
  });

  it('are never empty, and Korean ones are written in Korean', () => {
    const symbols = new Set(['sample.step', 'outcome.none']);
    for (const [key, value] of ko) {
      expect(value.trim(), key).not.toBe('');
      if (!symbols.has(key)) expect(value, key).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it('keep backticks paired, so code spans never swallow text', () => {
    for (const [key, value] of [...en, ...ko]) expect(value.split('`').length % 2, key).toBe(1);
  });
});
