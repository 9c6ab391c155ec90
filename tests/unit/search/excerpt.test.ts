import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from '../../../src/search/excerpt';

describe('excerptParts', () => {
  it('splits marked words from the text around them', () => {
    expect(excerptParts('That is the <mark>extra</mark> <mark>hop</mark>. It costs')).toEqual([
      { text: 'That is the ', marked: false },
      { text: 'extra', marked: true },
      { text: ' ', marked: false },
      { text: 'hop', marked: true },
      { text: '. It costs', marked: false },
    ]);
  });

  it('decodes escaped text and drops every other tag, so nothing becomes markup', () => {
    const parts = excerptParts('a &lt;b&gt; &amp; <img src=x onerror=alert(1)><mark>홉</mark>과');
    expect(parts).toEqual([
      { text: 'a <b> & ', marked: false },
      { text: '홉', marked: true },
      { text: '과', marked: false },
    ]);
  });

  it('decodes numeric references and leaves unknown ones alone', () => {
    expect(decodeEntities('&#39;&#x2019;&bogus;&#0;')).toBe("'\u2019&bogus;&#0;");
  });
});
