/** The one `{name}` filler: the site's format(), the islands, the engine's messages and lesson texts all use it. */
import { describe, expect, it } from 'vitest';
import { fill } from '../../../src/text/fill';

describe('fill', () => {
  it('fills placeholders and leaves unknown ones visible rather than throwing', () => {
    expect(fill('{a} of {b}', { a: 1, b: '2' })).toBe('1 of 2');
    expect(fill('{a} and {missing}', { a: 'x' })).toBe('x and {missing}');
  });

  it('fills every occurrence of a name', () => {
    expect(fill('{n}, {n}, {n}', { n: 3 })).toBe('3, 3, 3');
  });

  it('picks the Korean particle that fits each value', () => {
    expect(fill('{pod}을(를) 옮기기', { pod: 'pod-1' })).toBe('pod-1을 옮기기');
    expect(fill('{pod}을(를) 옮기기', { pod: 'pod-2' })).toBe('pod-2를 옮기기');
    expect(fill('{port}(으)로 보낸 요청', { port: 30080 })).toBe('30080으로 보낸 요청');
    expect(fill('HTML을(를) 복사', {})).toBe('HTML을 복사');
  });

  it('keeps the double particle after a placeholder left unfilled', () => {
    expect(fill('{pod}을(를) 옮기기', {})).toBe('{pod}을(를) 옮기기');
  });

  it("hands a missing name to `missing`, which may throw (the site's format does)", () => {
    expect(fill('{a} {b}', { a: 1 }, (name) => `<${name}>`)).toBe('1 <b>');
    expect(() =>
      fill('{a}', {}, (name) => {
        throw new Error(name);
      }),
    ).toThrow('a');
  });

  it("takes only the values' own keys, and never fills a value's text again", () => {
    expect(fill('{toString} {constructor}', {})).toBe('{toString} {constructor}');
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});
