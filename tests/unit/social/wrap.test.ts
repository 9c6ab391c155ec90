import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/social/wrap';

/** One unit per character: easy to reason about. */
const measure = (text: string) => [...text].length;

describe('wrapText', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    expect(wrapText('one two three four', 9, 5, measure)).toEqual(['one two', 'three', 'four']);
  });

  it('breaks Korean at spaces too', () => {
    expect(wrapText('튕겨 나가는 요청', 6, 3, measure)).toEqual(['튕겨 나가는', '요청']);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('abcdefghij', 4, 5, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    const lines = wrapText('one two three four five', 9, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(measure(lines[1] ?? '')).toBeLessThanOrEqual(9);
  });

  it('returns no lines for blank text and refuses zero lines', () => {
    expect(wrapText('   ', 10, 2, measure)).toEqual([]);
    expect(() => wrapText('x', 10, 0, measure)).toThrow(/maxLines/);
  });

  it('never exceeds the width or the line count, and loses no word when it fits', () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (words, width, max) => {
          const lines = wrapText(words.join(' '), width, max, measure);
          expect(lines.length).toBeLessThanOrEqual(max);
          for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(Math.max(width, 1));
          if (!lines.some((l) => l.endsWith('…'))) expect(lines.join('').replace(/\s/g, '')).toBe(words.join(''));
        },
      ),
    );
  });
});
