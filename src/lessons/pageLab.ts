/**
 * The lab of the lesson a component is rendered in, found from the page's URL (components
 * inside MDX know their page only by URL) and built once per page.
 */
import { getEntry } from 'astro:content';
import type { LabConfig } from '../engine/lab/config';
import type { Locale } from '../i18n/locales';
import { defaultTexts, resolveLab, type LabLesson } from './lab';
import { lessonSlugFromPath } from './slugFromPath';

const built = new Map<string, LabConfig>();

/**
 * A lesson's question and options as a reader first sees them, placeholders filled for the
 * default settings: for pages that show the question without the lab (the newsletter kit, the
 * social card), which would otherwise print "{entryNode}".
 */
export function lessonTexts(locale: Locale, slug: string, data: LabLesson): ReturnType<typeof defaultTexts> {
  return defaultTexts(resolveLab(slug, data, `content/lessons/${locale}/${slug}.mdx`));
}

/** The LabConfig of the lesson at `pathname` in `locale`; throws naming the page when there is none. */
export async function pageLab(pathname: string, locale: Locale): Promise<LabConfig> {
  const slug = lessonSlugFromPath(pathname);
  const id = `${locale}/${slug}`;
  const cached = built.get(id);
  if (cached) return cached;
  const entry = await getEntry('lessons', id);
  if (!entry) throw new Error(`No lesson content/lessons/${id}.mdx for page ${pathname}`);
  const config = resolveLab(slug, entry.data, `content/lessons/${id}.mdx`);
  built.set(id, config);
  return config;
}
