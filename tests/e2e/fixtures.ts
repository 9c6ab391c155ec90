/**
 * The `test` every browser test uses. It records every console message, page error and
 * network request of the test's browser context, and after the test fails it if anything
 * was logged as an error or any request went to a host other than the preview server.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type ConsoleMessage, type Page } from '@playwright/test';

/** What a test saw; tests may allow specific console errors they expect. */
export interface Watch {
  readonly consoleErrors: string[];
  readonly requests: string[];
  /** Console errors matching this are expected (e.g. the 404 status of a 404 page). */
  allowConsoleError(pattern: RegExp): void;
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const allowed: RegExp[] = [];
      const watch: Watch = {
        consoleErrors: [],
        requests: [],
        allowConsoleError: (pattern) => allowed.push(pattern),
      };
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() === 'error') watch.consoleErrors.push(message.text());
      };
      context.on('request', (request) => watch.requests.push(request.url()));
      context.on('console', onConsole);
      context.on('weberror', (error) => watch.consoleErrors.push(`page error: ${error.error().message}`));

      await use(watch);

      const unexpected = watch.consoleErrors.filter((text) => !allowed.some((p) => p.test(text)));
      expect(unexpected, 'console errors').toEqual([]);
      const foreign = watch.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
      expect(foreign, `requests to hosts other than ${origin}`).toEqual([]);
      expect(watch.requests.length, 'the test loaded something').toBeGreaterThan(0);
    },
    { auto: true },
  ],
});

export { expect };

/** The lesson pages, with the title each locale gives the challenge. */
export const lessonPages = [
  { locale: 'en', path: '/en/challenges/bounce/', title: 'Bounce' },
  { locale: 'ko', path: '/ko/challenges/bounce/', title: '튕겨 나가는 요청' },
] as const;

/**
 * Every lesson of both languages, as its page, read from content/lessons so a new lesson is
 * checked without editing a list (every lesson there is published; the schema has no drafts).
 */
export const everyLesson = (['en', 'ko'] as const).flatMap((locale) =>
  readdirSync(join(process.cwd(), 'content', 'lessons', locale))
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => ({
      locale,
      slug: file.slice(0, -'.mdx'.length),
      path: `/${locale}/challenges/${file.slice(0, -'.mdx'.length)}/`,
    })),
);

/** Every page the site builds, by locale where it has one. */
export const allPages = [
  '/',
  '/en/',
  '/ko/',
  '/en/challenges/',
  '/ko/challenges/',
  '/en/challenges/bounce/',
  '/ko/challenges/bounce/',
  '/en/challenges/bounce/share/',
  '/ko/challenges/bounce/share/',
  '/en/trace/',
  '/ko/trace/',
  '/en/playground/',
  '/ko/playground/',
  '/en/playground/datapaths/',
  '/ko/playground/datapaths/',
  '/en/search/',
  '/ko/search/',
] as const;

/**
 * An axe scan of the page, as "rule: targets" lines (empty when clean).
 * @axe-core/playwright resolves its own newer playwright-core, so its Page type differs from
 * @playwright/test's in name only; the cast bridges the two type copies, not two APIs.
 */
export async function axeViolations(page: Page, tags: readonly string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page: page as unknown as AxePage }).withTags([...tags]);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];
