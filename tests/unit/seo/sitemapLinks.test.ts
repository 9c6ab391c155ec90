import { describe, expect, it } from 'vitest';
import { sitemapLinks } from '../../../src/seo/sitemapLinks';

const site = 'https://bounce.example.org';

describe('sitemapLinks', () => {
  it('lists both languages and the English page as x-default for a challenge', () => {
    expect(sitemapLinks(`${site}/ko/challenges/bounce/`)).toEqual([
      { lang: 'en', url: `${site}/en/challenges/bounce/` },
      { lang: 'ko', url: `${site}/ko/challenges/bounce/` },
      { lang: 'x-default', url: `${site}/en/challenges/bounce/` },
    ]);
  });

  it('points x-default of the home pages and the chooser at the chooser', () => {
    const expected = [
      { lang: 'en', url: `${site}/en/` },
      { lang: 'ko', url: `${site}/ko/` },
      { lang: 'x-default', url: `${site}/` },
    ];
    expect(sitemapLinks(`${site}/en/`)).toEqual(expected);
    expect(sitemapLinks(`${site}/`)).toEqual(expected);
  });

  it('gives pages outside the locales no alternates', () => {
    expect(sitemapLinks(`${site}/robots.txt`)).toEqual([]);
  });
});
