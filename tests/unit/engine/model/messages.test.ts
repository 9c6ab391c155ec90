/** The message catalogue: every code in English and Korean, with the same placeholders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, formatMessage, messageTemplate, term, yamlReason } from '../../../../src/engine/model/messages';
import { placeholdersOf } from '../../helpers/placeholders';

/**
 * Placeholders English has and Korean leaves out on purpose: the YAML parser's own message is
 * English, so the Korean sentence says what went wrong from the parser's error code instead.
 */
const ENGLISH_ONLY: Readonly<Record<string, readonly string[]>> = { 'yaml-syntax': ['detail'] };

describe('messages', () => {
  it.each(MESSAGE_CODES)('%s has both languages with the same placeholders', (code) => {
    const en = messageTemplate(code, 'en');
    const ko = messageTemplate(code, 'ko');
    expect(en.length).toBeGreaterThan(0);
    expect(ko).toMatch(/[가-힣]/);
    const englishOnly = ENGLISH_ONLY[code] ?? [];
    expect(placeholdersOf(ko)).toEqual(placeholdersOf(en).filter((p) => !englishOnly.includes(p)));
  });

  it('has a reason for every error code of the installed YAML parser', () => {
    const types = readFileSync(join(process.cwd(), 'node_modules', 'yaml', 'dist', 'errors.d.ts'), 'utf8');
    const codes = [...(/type ErrorCode = ([^;]+);/.exec(types)?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) expect(yamlReason(code), code).toBe(term(`yaml-${code}` as Parameters<typeof term>[0]));
  });

  it('says a YAML syntax error in Korean from the parser’s code, never in the parser’s English', () => {
    const params = {
      detail: 'Flow sequence in block collection must be sufficiently indented',
      reason: yamlReason('BAD_INDENT'),
    };
    expect(formatMessage('yaml-syntax', params, 'ko')).toBe('YAML 또는 JSON 문법 오류: 들여쓰기가 맞지 않습니다');
    expect(formatMessage('yaml-syntax', params, 'en')).toBe(
      'not valid YAML or JSON (the indentation does not line up): Flow sequence in block collection must be sufficiently indented',
    );
    expect(formatMessage('yaml-syntax', { detail: 'x', reason: yamlReason('NEW_CODE') }, 'ko')).toBe(
      'YAML 또는 JSON 문법 오류: 문법이 올바르지 않습니다',
    );
  });

  it('fills parameters and translates terms', () => {
    expect(formatMessage('wrong-type', { expected: term('integer'), found: term('string') }, 'en')).toBe(
      'expected an integer, found a string',
    );
    expect(formatMessage('wrong-type', { expected: term('integer'), found: term('string') }, 'ko')).toBe(
      '정수 값이어야 하는데 문자열입니다',
    );
    expect(formatMessage('invalid-port', {}, 'en')).toBe('{value} is not a port number (1-65535)');
  });
});
