/**
 * The series: the challenge list shows every challenge in the site's order with its
 * difficulty, tags and progress; the home page points to the next unsolved challenge;
 * previous/next links walk the same order. Progress is seeded into storage the way the lab
 * records it, so these tests do not depend on any one lesson's run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const KEY = 'bounce:progress:v1';

/** The challenge list's slugs and numbers, in page order. */
async function listed(page: Page, locale: string): Promise<{ slug: string; n: number }[]> {
  await page.goto(`/${locale}/challenges/`);
  const cards = page.locator('.card');
  const out: { slug: string; n: number }[] = [];
  for (const card of await cards.all()) {
    const href = (await card.locator('.card__title a').getAttribute('href')) ?? '';
    const slug = /\/challenges\/([^/]+)\/$/.exec(href)?.[1] ?? '';
    const n = Number(/(\d+)/.exec((await card.locator('.card__number').textContent()) ?? '')?.[1]);
    out.push({ slug, n });
  }
  return out;
}

/** Stores progress with these slugs solved (a right graded run each). */
async function solve(page: Page, slugs: readonly string[]): Promise<void> {
  const challenges = Object.fromEntries(
    slugs.map((slug) => [
      slug,
      { first: { answer: 'b', right: true }, best: { total: 1000, right: true }, runs: 1, hints: 0 },
    ]),
  );
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    KEY,
    JSON.stringify({ challenges, seen: {} }),
  ] as const);
}

for (const locale of ['en', 'ko'] as const) {
  test.describe(`${locale} series`, () => {
    test('the list shows every challenge in number order, each with a difficulty and its tags', async ({ page }) => {
      const items = await listed(page, locale);
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items[0]).toEqual({ slug: 'bounce', n: 14 });
      expect(items.map((i) => i.n)).toEqual([...items.map((i) => i.n)].sort((a, b) => a - b));
      expect(new Set(items.map((i) => i.n)).size).toBe(items.length);
      const words = locale === 'en' ? ['Beginner', 'Intermediate', 'Advanced'] : ['입문', '중급', '고급'];
      for (const { slug } of items) {
        const difficulty = (await page.getByTestId(`difficulty-${slug}`).innerText()).trim();
        expect(words, `${slug}: ${difficulty}`).toContain(difficulty);
        expect(await page.getByTestId(`tags-${slug}`).locator('li').count()).toBeGreaterThan(0);
      }
      await expect(page.getByTestId('difficulty-bounce')).toHaveText(locale === 'en' ? 'Beginner' : '입문');
    });

    test('the home page points to the first challenge, then to the next one not solved yet', async ({ page }) => {
      const items = await listed(page, locale);
      await page.goto(`/${locale}/`);
      const next = page.getByTestId('home-next');
      await expect(next).toHaveAttribute('data-slug', 'bounce');
      await expect(next.locator('a')).toHaveAttribute('href', `/${locale}/challenges/bounce/`);

      await solve(page, ['bounce']);
      await page.reload();
      if (items.length > 1) {
        const second = items[1]!;
        await expect(next).toHaveAttribute('data-slug', second.slug);
        await expect(next.locator('a')).toHaveAttribute('href', `/${locale}/challenges/${second.slug}/`);
        await expect(next.locator('a')).toContainText(String(second.n));
        // A gap in the middle is found before anything later.
        await solve(
          page,
          items.filter((_, i) => i !== 1).map((i) => i.slug),
        );
        await page.reload();
        await expect(next).toHaveAttribute('data-slug', second.slug);
      }

      await solve(
        page,
        items.map((i) => i.slug),
      );
      await page.reload();
      await expect(next).toHaveAttribute('data-state', 'done');
      await expect(next.locator('a')).toHaveAttribute('href', `/${locale}/challenges/`);
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });
      test('the home page still links the first challenge', async ({ page }) => {
        await page.goto(`/${locale}/`);
        await expect(page.getByTestId('home-next').locator('a')).toHaveAttribute(
          'href',
          `/${locale}/challenges/bounce/`,
        );
      });
    });

    test('previous and next links walk the list’s order', async ({ page }) => {
      const items = await listed(page, locale);
      for (const [i, { slug }] of items.entries()) {
        await page.goto(`/${locale}/challenges/${slug}/`);
        const previous = items[i - 1];
        const following = items[i + 1];
        if (previous)
          await expect(page.getByTestId('previous-challenge')).toHaveAttribute(
            'href',
            `/${locale}/challenges/${previous.slug}/`,
          );
        else await expect(page.getByTestId('previous-challenge')).toHaveCount(0);
        if (following)
          await expect(page.getByTestId('next-challenge')).toHaveAttribute(
            'href',
            `/${locale}/challenges/${following.slug}/`,
          );
      }
    });
  });
}
