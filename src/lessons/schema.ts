import { z } from 'astro/zod';
import { checkClaims, claimSchema, labSchema, placeholderText } from './labSchema';

/**
 * The ids of a challenge's four answers, in order. Ids are only positions: what an option
 * means is its `claim`, which the quiz tests against a run.
 */
export const optionIds = ['a', 'b', 'c', 'd'] as const;

export { claimSchema } from './labSchema';

/** One answer option: a stable id, the text shown to the reader (placeholders allowed) and its claim. */
export const optionSchema = z
  .object({
    id: z.enum(optionIds),
    text: placeholderText,
    claim: claimSchema,
  })
  .strict();

/**
 * How much a challenge asks of the reader, in the site's own three steps: beginner needs only
 * what a Service is, intermediate assumes the earlier challenges' NAT, advanced combines them.
 */
export const difficulties = ['beginner', 'intermediate', 'advanced'] as const;

/** One of the three difficulty steps. */
export type Difficulty = (typeof difficulties)[number];

/** A further-reading link; only https links, so no page ever links to plain http. */
export const linkSchema = z.object({
  title: z.string().trim().min(1, 'link title must not be empty'),
  url: z
    .string()
    .url('must be an absolute URL')
    .refine((u) => u.startsWith('https://'), 'must be an https:// URL'),
});

/**
 * Frontmatter of content/lessons/<locale>/<slug>.mdx (docs/lessons.md). The glob loader
 * validates every file against it, so a bad field fails `astro build` with the file id and
 * the field path.
 */
export const lessonSchema = z
  .object({
    title: z.string().trim().min(1),
    description: z.string().trim().min(20, 'description should be a full sentence (20+ characters)'),
    challenge: z.number().int().positive(),
    difficulty: z.enum(difficulties, { message: `difficulty must be one of ${difficulties.join(', ')}` }),
    published: z.coerce.date(),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case ids like "kube-proxy"')).min(1),
    question: placeholderText,
    options: z.array(optionSchema).length(optionIds.length, 'exactly four options: a, b, c, d'),
    hints: z.array(z.string().trim().min(1)).min(1),
    furtherReading: z.array(linkSchema).min(1),
    lab: labSchema,
  })
  .strict()
  .superRefine((lesson, ctx) => {
    lesson.options.forEach((option, i) => {
      if (option.id !== optionIds[i]) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['options', i, 'id'],
          message: `option ${i + 1} must have id "${optionIds[i]}", found "${option.id}"`,
        });
      }
    });
    checkClaims(lesson.lab.observable, lesson.options, ctx);
  });

/** A lesson's validated frontmatter. */
export type Lesson = z.infer<typeof lessonSchema>;

/** One answer option of a lesson. */
export type LessonOption = z.infer<typeof optionSchema>;

/** One further-reading link. */
export type LessonLink = z.infer<typeof linkSchema>;
