/** Each option's claim is its meaning: the same in both languages, and what the grader reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/lessons/schema';

function frontmatter(locale: string) {
  const source = readFileSync(join(process.cwd(), 'content', 'lessons', locale, 'bounce.mdx'), 'utf8');
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  return lessonSchema.parse(parse(yaml));
}

describe('option claims in the bounce lesson', () => {
  const en = frontmatter('en');
  const ko = frontmatter('ko');

  it('are identical in English and Korean', () => {
    expect(ko.options.map((o) => o.claim)).toEqual(en.options.map((o) => o.claim));
  });

  it('say what the options say: always, half, a third, none of these', () => {
    expect(en.options.map((o) => o.claim)).toEqual([
      { kind: 'share', value: 1 },
      { kind: 'share', value: 0.5 },
      { kind: 'share', value: 0.3333333333333333 },
      { kind: 'none' },
    ]);
  });

  it('are required and checked by the schema', () => {
    const withoutClaim = { ...en, options: en.options.map(({ claim: _claim, ...rest }) => rest) };
    expect(lessonSchema.safeParse(withoutClaim).success).toBe(false);
    const badShare = { ...en, options: en.options.map((o) => ({ ...o, claim: { kind: 'share', value: 1.5 } })) };
    expect(lessonSchema.safeParse(badShare).success).toBe(false);
  });

  it('embed the live lesson between the question and the answer in both languages', () => {
    for (const locale of ['en', 'ko']) {
      const source = readFileSync(join(process.cwd(), 'content', 'lessons', locale, 'bounce.mdx'), 'utf8');
      const island = source.indexOf('<LiveLesson lesson={frontmatter} />');
      expect(island, locale).toBeGreaterThan(source.indexOf('<Question'));
      expect(island, locale).toBeLessThan(source.indexOf('\n<Solution>'));
    }
  });
});
