/** The social card of one challenge in one locale, drawn at build time from its lesson. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allLessons, type LocatedLesson } from '@/lessons/queries';
import { cardResponse } from '@/social/cardResponse';
import { lessonCard } from '@/social/cards';
import { lessonTexts } from '@/lessons/pageLab';

export const getStaticPaths = (async () =>
  (await allLessons()).map((lesson) => ({
    params: { lang: lesson.locale, slug: lesson.slug },
    props: { lesson },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ lesson: LocatedLesson }> = ({ props }) => {
  const { entry, locale, slug } = props.lesson;
  const { question } = lessonTexts(locale, slug, entry.data);
  return cardResponse(lessonCard(locale, slug, { ...entry.data, question }));
};
