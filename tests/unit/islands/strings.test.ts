/** The live lesson's strings: same groups, keys and placeholders in English and Korean. */
import { describe, expect, it } from 'vitest';
import { liveEn } from '../../../src/i18n/live/en';
import { liveKo } from '../../../src/i18n/live/ko';
import { placeholdersOf } from '../helpers/placeholders';

type Table = Record<string, Record<string, string>>;
const en = liveEn as unknown as Table;
const ko = liveKo as unknown as Table;
const entries = (t: Table) =>
  Object.entries(t).flatMap(([group, keys]) =>
    Object.entries(keys).map(([key, value]) => [`${group}.${key}`, value] as const),
  );

/** Strings that are names or code in both languages. */
const sameOnPurpose = new Set([
  'controls.policy',
  'controls.policyCluster',
  'controls.nodeOption',
  'rules.nodeOption',
  'quiz.helpPolicy',
  // A product name, the same in both languages.
  'controls.datapathIpvs',
]);

describe('live lesson strings', () => {
  it('have the same groups and keys in both languages', () => {
    expect(
      entries(ko)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      entries(en)
        .map(([k]) => k)
        .sort(),
    );
  });

  it('use the same placeholders in both languages', () => {
    const koMap = new Map(entries(ko));
    for (const [key, value] of entries(en))
      expect(placeholdersOf(koMap.get(key) ?? ''), key).toEqual(placeholdersOf(value));
  });

  it('are never empty, and the Korean ones are Korean', () => {
    for (const [key, value] of entries(en)) expect(value.trim(), key).not.toBe('');
    for (const [key, value] of entries(ko)) {
      expect(value.trim(), key).not.toBe('');
      if (!sameOnPurpose.has(key)) expect(value, key).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it('balance their `code` backticks', () => {
    for (const [key, value] of [...entries(en), ...entries(ko)])
      expect((value.match(/`/g) ?? []).length % 2, key).toBe(0);
  });
});
