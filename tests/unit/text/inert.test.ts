import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, hasUnsafeCharacters, oneLine } from '../../../src/text/inert';

describe('escapeText', () => {
  it('spells control characters as \\x.. and \\n, \\r, \\t', () => {
    expect(escapeText('a\u001b]0;title\u0007b')).toBe('a\\x1b]0;title\\x07b');
    expect(escapeText('one\ntwo\rthree\tfour')).toBe('one\\ntwo\\rthree\\tfour');
    expect(escapeText('\u0000\u007f\u0085\u009b')).toBe('\\x00\\x7f\\x85\\x9b');
  });

  it('names bidi and zero-width characters by code point', () => {
    expect(escapeText('node\u202Eevil')).toBe('nodeU+202Eevil');
    expect(escapeText('\u200B\u2066\u2028\uFEFF')).toBe('U+200BU+2066U+2028U+FEFF');
  });

  it('leaves ordinary text alone, Korean included', () => {
    expect(escapeText('노드 node-2: 10.0.0.1 <b>"x"</b>')).toBe('노드 node-2: 10.0.0.1 <b>"x"</b>');
    expect(hasUnsafeCharacters('노드 node-2')).toBe(false);
    expect(hasUnsafeCharacters('a\u202Eb')).toBe(true);
  });

  it('cuts long text with an ellipsis', () => {
    expect(escapeText('x'.repeat(10), 4)).toBe('xxxx…');
    expect(oneLine('y'.repeat(600))).toHaveLength(501);
  });

  it('never leaves a control or formatting character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeText(s);
        expect(hasUnsafeCharacters(out)).toBe(false);
        expect(out.includes('\n')).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
