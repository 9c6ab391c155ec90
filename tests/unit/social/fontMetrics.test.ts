import { describe, expect, it } from 'vitest';
import { readFontMetrics } from '../../../src/social/fontMetrics';
import { cardFontMetrics } from '../../../src/social/fonts';

describe('font metrics', () => {
  const { medium, bold } = cardFontMetrics();

  it('covers every modern Hangul syllable and printable ASCII', () => {
    for (let cp = 0xac00; cp <= 0xd7a3; cp += 1) expect(bold.covers(cp), cp.toString(16)).toBe(true);
    for (let cp = 0x20; cp < 0x7f; cp += 1) expect(medium.covers(cp), String.fromCharCode(cp)).toBe(true);
  });

  it('reports no glyph for a code point the font lacks', () => {
    expect(bold.covers(0x1f600)).toBe(false); // an emoji
  });

  it('scales widths with the size and adds them up per character', () => {
    const one = bold.width('가', 10);
    expect(one).toBeGreaterThan(5);
    expect(bold.width('가', 20)).toBeCloseTo(one * 2, 6);
    expect(bold.width('가나다', 10)).toBeCloseTo(bold.width('가', 10) + bold.width('나', 10) + bold.width('다', 10), 6);
    // A proportional Latin face: "i" is narrower than "W", and bold is wider than medium.
    expect(bold.width('i', 10)).toBeLessThan(bold.width('W', 10));
    expect(bold.width('Bounce', 10)).toBeGreaterThan(medium.width('Bounce', 10));
  });

  it('refuses bytes that are not a font, naming the file', () => {
    expect(() => readFontMetrics(new Uint8Array(4), 'x.ttf')).toThrow(/x\.ttf/);
    expect(() => readFontMetrics(new Uint8Array(64), 'empty.ttf')).toThrow(/empty\.ttf: no "head" table/);
  });
});
