import { describe, expect, it } from 'vitest';
import { htmlSnippet, kitLink, markdownSnippet, type Kit } from '../../../src/newsletter/snippets';
import { cleanUtmValue, noUtm, utmFromSearch } from '../../../src/newsletter/utm';

const kit: Kit = {
  lessonUrl: 'https://bounce.example.org/en/challenges/bounce/',
  cardUrl: 'https://bounce.example.org/en/challenges/bounce/card.png',
  heading: 'Challenge 14: Bounce',
  question: 'How likely is it that pod 2 serves it?',
  options: [
    { id: 'a', text: 'Always.' },
    { id: 'b', text: 'About 50% of the time.' },
    { id: 'c', text: 'About 33% [one chance per node].' },
    { id: 'd', text: 'None of <these> & more' },
  ],
  pickLabel: 'Pick your answer:',
  openLabel: 'Open the challenge',
};
const utm = { utm_source: 'weekly k8s', utm_medium: 'email', utm_campaign: '' };

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
const mdTargets = (md: string) => [...md.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');

describe('kitLink', () => {
  it('puts the answer first, then the non-empty UTM parameters, encoded', () => {
    expect(kitLink(kit.lessonUrl, utm, 'b')).toBe(
      'https://bounce.example.org/en/challenges/bounce/?answer=b&utm_source=weekly+k8s&utm_medium=email',
    );
    expect(kitLink(kit.lessonUrl, noUtm)).toBe(kit.lessonUrl);
  });

  it('cannot be broken out of by what the editor types', () => {
    const link = kitLink(
      kit.lessonUrl,
      { utm_source: '"><script>', utm_medium: 'a&answer=d', utm_campaign: '#x' },
      'a',
    );
    const url = new URL(link);
    expect(url.searchParams.getAll('answer')).toEqual(['a']);
    expect(url.searchParams.get('utm_medium')).toBe('a&answer=d');
    expect(url.hash).toBe('');
    expect(link).not.toMatch(/[<>"]/);
  });
});

describe('cleanUtmValue / utmFromSearch', () => {
  it('trims, drops control characters and caps the length', () => {
    expect(cleanUtmValue('  news\u0007letter \n')).toBe('newsletter');
    expect([...cleanUtmValue('가'.repeat(500))]).toHaveLength(100);
  });

  it('reads the UTM parameters back from a landing URL', () => {
    expect(utmFromSearch('?answer=b&utm_source=weekly+k8s&utm_medium=email')).toEqual({
      utm_source: 'weekly k8s',
      utm_medium: 'email',
      utm_campaign: '',
    });
  });
});

describe('HTML snippet', () => {
  const html = htmlSnippet(kit, utm);

  it('links each option to ?answer=<id> with the UTM parameters, in order', () => {
    const answerLinks = hrefs(html).filter((h) => h.includes('answer='));
    expect(answerLinks.map((h) => new URL(h).searchParams.get('answer'))).toEqual(['a', 'b', 'c', 'd']);
    for (const h of answerLinks) expect(new URL(h).searchParams.get('utm_source')).toBe('weekly k8s');
  });

  it('escapes option text and shows the card', () => {
    expect(html).toContain('D. None of &lt;these&gt; &amp; more');
    expect(html).toContain(`<img src="${kit.cardUrl}" width="600" height="315" alt="Challenge 14: Bounce">`);
  });
});

describe('Markdown snippet', () => {
  const md = markdownSnippet(kit, utm);

  it('has one list item per option, each linking to its answer', () => {
    const items = md.split('\n').filter((l) => l.startsWith('- ['));
    expect(items).toHaveLength(4);
    const answers = mdTargets(items.join('\n')).map((t) => new URL(t).searchParams.get('answer'));
    expect(answers).toEqual(['a', 'b', 'c', 'd']);
  });

  it('escapes Markdown syntax in the text and keeps link targets whole', () => {
    expect(md).toContain('C. About 33% \\[one chance per node\\].');
    for (const target of mdTargets(md)) expect(() => new URL(target)).not.toThrow();
    expect(md).toContain(`[![Challenge 14: Bounce](${kit.cardUrl})]`);
  });
});
