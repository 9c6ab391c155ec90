import { describe, expect, it } from 'vitest';
import { lessonSchema, optionIds } from '../../../src/lessons/schema';
import { lessonAddress } from '../../../src/lessons/entries';
import { componentImports, componentUses, readLessons, splitFrontmatter } from './lesson-files';

const lessons = readLessons();
const slugs = [...new Set(lessons.map((l) => l.slug))].sort();
const find = (locale: string, slug: string) => lessons.find((l) => l.locale === locale && l.slug === slug);

describe('lesson frontmatter', () => {
  it('there is at least one lesson', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(lessons.map((l) => [`${l.locale}/${l.slug}`, l] as const))('%s matches the schema', (_, lesson) => {
    const result = lessonSchema.safeParse(lesson.frontmatter);
    const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual([]);
  });
});

describe('lesson parity between English and Korean', () => {
  it.each(slugs)('%s exists in both languages', (slug) => {
    expect(find('en', slug), `content/lessons/en/${slug}.mdx`).toBeDefined();
    expect(find('ko', slug), `content/lessons/ko/${slug}.mdx`).toBeDefined();
  });

  it.each(slugs)('%s has the same challenge data in both languages', (slug) => {
    const [en, ko] = (['en', 'ko'] as const).map((l) => lessonSchema.parse(find(l, slug)?.frontmatter));
    expect(ko?.options.map((o) => o.id)).toEqual(en?.options.map((o) => o.id));
    expect(ko?.options.map((o) => o.id)).toEqual([...optionIds]);
    expect(ko?.challenge).toBe(en?.challenge);
    expect(ko?.published).toEqual(en?.published);
    expect(ko?.tags).toEqual(en?.tags);
    expect(ko?.hints.length).toBe(en?.hints.length);
    expect(ko?.furtherReading.length).toBe(en?.furtherReading.length);
  });

  it.each(slugs)('%s uses the same components, in the same order, in both languages', (slug) => {
    const en = find('en', slug);
    const ko = find('ko', slug);
    expect(componentImports(ko?.body ?? '')).toEqual(componentImports(en?.body ?? ''));
    expect(componentUses(ko?.body ?? '')).toEqual(componentUses(en?.body ?? ''));
    expect(componentUses(en?.body ?? '').length).toBeGreaterThan(0);
  });

  it('Korean further reading points at the Korean kubernetes.io pages', () => {
    for (const slug of slugs) {
      const ko = lessonSchema.parse(find('ko', slug)?.frontmatter);
      for (const link of ko.furtherReading) {
        if (link.url.startsWith('https://kubernetes.io/')) expect(link.url).toMatch(/^https:\/\/kubernetes\.io\/ko\//);
      }
    }
  });
});

describe('the lesson schema rejects bad frontmatter with the field named', () => {
  const good = lessonSchema.parse(find('en', 'bounce')?.frontmatter);
  const issuesOf = (data: unknown) => {
    const result = lessonSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('a missing title', () => {
    const { title: _title, ...rest } = good;
    expect(issuesOf(rest)).toContain('title');
  });

  it('a challenge number given as text', () => {
    expect(issuesOf({ ...good, challenge: 'fourteen' })).toContain('challenge');
  });

  it('options in the wrong order', () => {
    const [a, b, c, d] = good.options;
    expect(issuesOf({ ...good, options: [b, a, c, d] })).toEqual(['options.0.id', 'options.1.id']);
  });

  it('three options instead of four', () => {
    expect(issuesOf({ ...good, options: good.options.slice(0, 3) })).toContain('options');
  });

  it('a further-reading link over plain http', () => {
    const link = { title: 'x', url: 'http://kubernetes.io/' };
    expect(issuesOf({ ...good, furtherReading: [link] })).toEqual(['furtherReading.0.url']);
  });

  it('an unknown field (a typo such as "tittle")', () => {
    expect(issuesOf({ ...good, tittle: 'x' })).toEqual(['']);
  });

  it('an invalid date', () => {
    expect(issuesOf({ ...good, published: 'someday' })).toContain('published');
  });
});

describe('lesson ids and files', () => {
  it('split into locale and slug', () => {
    expect(lessonAddress('ko/bounce')).toEqual({ locale: 'ko', slug: 'bounce' });
  });

  it('outside a locale folder are refused with the id in the message', () => {
    expect(() => lessonAddress('fr/bounce')).toThrow(/fr\/bounce/);
    expect(() => lessonAddress('bounce')).toThrow(/bounce/);
  });

  it('without frontmatter are refused with the path in the message', () => {
    expect(() => splitFrontmatter('# no frontmatter', 'x.mdx')).toThrow(/x\.mdx/);
  });
});
