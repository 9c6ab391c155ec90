import { z } from 'astro/zod';

/**
 * The ids of a challenge's four answers, in order. Their meaning is fixed across every
 * lesson and language so the quiz, the grader and analytics-free tests can rely on them:
 * a = always pod 2, b = about 50%, c = about 33%, d = none of these.
 */
export const optionIds = ['a', 'b', 'c', 'd'] as const;

/**
 * What an option claims about the share of connections that reach the pod the question
 * asks about: a probability ("always" is 1), or "none" (none of the other claims fits).
 * The quiz grades by testing each claim against a run, so this is the option's meaning,
 * not an answer key.
 */
export const claimSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share'), value: z.number().min(0).max(1) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

/** One answer option: a stable id, the text shown to the reader and the claim it makes. */
export const optionSchema = z.object({
  id: z.enum(optionIds),
  text: z.string().trim().min(1, 'option text must not be empty'),
  claim: claimSchema,
});

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
 * Frontmatter of content/lessons/<locale>/<slug>.mdx. The glob loader validates every file
 * against it, so a bad field fails `astro build` with the file id and the field path.
 */
export const lessonSchema = z
  .object({
    title: z.string().trim().min(1),
    description: z.string().trim().min(20, 'description should be a full sentence (20+ characters)'),
    challenge: z.number().int().positive(),
    difficulty: z.enum(difficulties, { message: `difficulty must be one of ${difficulties.join(', ')}` }),
    published: z.coerce.date(),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case ids like "kube-proxy"')).min(1),
    question: z.string().trim().min(1),
    options: z.array(optionSchema).length(optionIds.length, 'exactly four options: a, b, c, d'),
    hints: z.array(z.string().trim().min(1)).min(1),
    furtherReading: z.array(linkSchema).min(1),
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
  });

/** A lesson's validated frontmatter. */
export type Lesson = z.infer<typeof lessonSchema>;

/** One answer option of a lesson. */
export type LessonOption = z.infer<typeof optionSchema>;

/** One further-reading link. */
export type LessonLink = z.infer<typeof linkSchema>;
