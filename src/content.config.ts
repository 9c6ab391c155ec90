import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lessons/schema';

/** Lessons live outside src/ in content/lessons/<locale>/<slug>.mdx; ids are "<locale>/<slug>". */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
