import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { ko } from '../../../src/i18n/ko';
import { format, localeOf, ui, useTranslations } from '../../../src/i18n/index';
import { localeFromPath, pickLocale } from '../../../src/i18n/detect';
import { alternatePaths, localizedPath, switchLocalePath } from '../../../src/i18n/paths';
import { formatDate, isoDay } from '../../../src/i18n/dates';
import { placeholdersOf } from '../helpers/placeholders';

describe('UI strings', () => {
  it('have exactly the same keys in English and Korean', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(ui))('are never empty in %s', (_, table) => {
    for (const [key, value] of Object.entries(table)) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same {placeholders} in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholdersOf(ko[key]), key).toEqual(placeholdersOf(en[key]));
    }
  });

  it('Korean strings are actually Korean where English has words', () => {
    // Guards against a key copied over untranslated; names and code-only strings are exempt.
    const sameOnPurpose = new Set(['site.name', 'diagram.lan', 'diagram.cluster.title', 'diagram.local.title']);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (sameOnPurpose.has(key)) continue;
      expect(ko[key], key).toMatch(/[\uac00-\ud7a3]/);
    }
  });
});

describe('format and useTranslations', () => {
  it('fill placeholders', () => {
    expect(useTranslations('en')('challenge.number', { n: 14 })).toBe('Challenge 14');
    expect(useTranslations('ko')('challenge.number', { n: 14 })).toBe('챌린지 14');
  });

  it('throw, naming the placeholder, when a value is missing', () => {
    expect(() => format('Challenge {n}')).toThrow(/\{n\}/);
  });

  it('localeOf accepts only site locales', () => {
    expect(localeOf('ko')).toBe('ko');
    expect(() => localeOf('fr')).toThrow(/"fr"/);
    expect(() => localeOf(undefined)).toThrow(/undefined/);
  });
});

describe('language detection', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['ko'], 'ko'],
    [['en-GB', 'ko-KR'], 'en'],
    [['fr-FR', 'ko'], 'ko'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [[' KO-kr '], 'ko'],
  ])('pickLocale(%j) → %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });

  it.each([
    ['/ko/challenges/bounce/', 'ko'],
    ['/en/', 'en'],
    ['/en', 'en'],
    ['/', undefined],
    ['/korea/', undefined],
    ['/fr/x/', undefined],
  ])('localeFromPath(%s) → %s', (path, expected) => {
    expect(localeFromPath(path)).toBe(expected);
  });
});

describe('localized paths', () => {
  it('always end with a slash', () => {
    expect(localizedPath('en')).toBe('/en/');
    expect(localizedPath('ko', 'challenges')).toBe('/ko/challenges/');
    expect(localizedPath('ko', '/challenges/bounce/')).toBe('/ko/challenges/bounce/');
  });

  it('switch to the same page in the other language', () => {
    expect(switchLocalePath('/en/challenges/bounce/', 'ko')).toBe('/ko/challenges/bounce/');
    expect(switchLocalePath('/ko/challenges/bounce', 'en')).toBe('/en/challenges/bounce/');
    expect(switchLocalePath('/ko/', 'en')).toBe('/en/');
    expect(switchLocalePath('/', 'ko')).toBe('/ko/');
  });

  it('list every locale as an alternate', () => {
    expect(alternatePaths('/en/challenges/')).toEqual({ en: '/en/challenges/', ko: '/ko/challenges/' });
  });
});

describe('dates', () => {
  const day = new Date('2026-11-26');
  it('are formatted per language, in UTC', () => {
    expect(formatDate(day, 'en')).toBe('November 26, 2026');
    expect(formatDate(day, 'ko')).toBe('2026년 11월 26일');
    expect(isoDay(day)).toBe('2026-11-26');
  });
});
