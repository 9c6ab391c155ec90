/** The bounce lesson's LabConfig, built from its content files the way the page builds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabConfig } from '../../../src/engine/lab/config';
import { resolveLab } from '../../../src/lessons/lab';
import { lessonSchema } from '../../../src/lessons/schema';
import { setLesson } from '../../../src/stores/lesson';
import { splitFrontmatter } from '../site/lesson-files';

/** content/lessons/<locale>/bounce.mdx through the schema and resolveLab. */
export function bounceLesson(locale = 'en'): LabConfig {
  const file = join(process.cwd(), 'content', 'lessons', locale, 'bounce.mdx');
  return resolveLab('bounce', lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

/** Makes bounce the page's lesson (what LiveLesson's embedded JSON does in the browser). */
export function useBounceLesson(): LabConfig {
  const config = bounceLesson();
  setLesson(config);
  return config;
}
