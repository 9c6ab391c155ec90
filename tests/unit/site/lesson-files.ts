/** Reads lesson MDX files the way the tests need them: frontmatter data and component usage. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { locales, type Locale } from '../../../src/i18n/locales';

/** content/lessons, relative to the repository root where vitest runs. */
export const lessonsRoot = join(process.cwd(), 'content', 'lessons');

/** One lesson file, split into frontmatter and body. */
export interface LessonFile {
  readonly locale: Locale;
  readonly slug: string;
  readonly path: string;
  readonly frontmatter: unknown;
  readonly body: string;
}

/** Splits `---\n…\n---` frontmatter off an MDX source; throws with the path if there is none. */
export function splitFrontmatter(source: string, path: string): { frontmatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${path}: no frontmatter block`);
  return { frontmatter: parse(match[1] ?? ''), body: match[2] ?? '' };
}

/** Every lesson file under content/lessons/<locale>/. */
export function readLessons(): LessonFile[] {
  return locales.flatMap((locale) =>
    readdirSync(join(lessonsRoot, locale))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const path = join(lessonsRoot, locale, name);
        return {
          locale,
          slug: name.replace(/\.mdx$/, ''),
          path,
          ...splitFrontmatter(readFileSync(path, 'utf8'), path),
        };
      }),
  );
}

/** The body with MDX comments removed, so commented-out tags are not counted as used. */
function withoutComments(body: string): string {
  return body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

/** `import X from '…'` lines of an MDX body, as "X from …". */
export function componentImports(body: string): string[] {
  return [...withoutComments(body).matchAll(/^import\s+(\w+)\s+from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => `${m[1]} from ${m[2]}`,
  );
}

/**
 * Component tags in order of appearance, with their literal string props, e.g.
 * `ClusterDiagram figure="setup"`. Expression props ({…}) are named but not compared.
 */
export function componentUses(body: string): string[] {
  return [...withoutComments(body).matchAll(/<([A-Z]\w*)([^>]*)>/g)].map((m) => {
    const props = [...(m[2] ?? '').matchAll(/(\w+)=(?:"([^"]*)"|\{)/g)].map((p) =>
      p[2] === undefined ? `${p[1]}={…}` : `${p[1]}="${p[2]}"`,
    );
    return [m[1], ...props].join(' ');
  });
}
