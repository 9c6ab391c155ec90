import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { lessonAddress } from './entries';

/** A lesson entry with its locale and slug split out of the id. */
export interface LocatedLesson {
  readonly entry: CollectionEntry<'lessons'>;
  readonly locale: Locale;
  readonly slug: string;
}

/** Every lesson in every locale, each with its address. */
export async function allLessons(): Promise<LocatedLesson[]> {
  const entries = await getCollection('lessons');
  return entries.map((entry) => ({ entry, ...lessonAddress(entry.id) }));
}

/** The lessons of one locale, by challenge number (ascending). */
export async function lessonsIn(locale: Locale): Promise<LocatedLesson[]> {
  return (await allLessons())
    .filter((lesson) => lesson.locale === locale)
    .sort((a, b) => a.entry.data.challenge - b.entry.data.challenge);
}
