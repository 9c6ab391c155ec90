/** The message catalogue: every code in English and Korean, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, formatMessage, messageTemplate, term } from '../../../../src/engine/model/messages';
import { placeholdersOf } from '../../helpers/placeholders';

describe('messages', () => {
  it.each(MESSAGE_CODES)('%s has both languages with the same placeholders', (code) => {
    const en = messageTemplate(code, 'en');
    const ko = messageTemplate(code, 'ko');
    expect(en.length).toBeGreaterThan(0);
    expect(ko).toMatch(/[가-힣]/);
    expect(placeholdersOf(ko)).toEqual(placeholdersOf(en));
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
