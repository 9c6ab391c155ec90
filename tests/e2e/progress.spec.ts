/**
 * Self-study: progress kept in this browser (first answer, best run, hints) shown on the
 * challenge list, surviving reloads, reset only after a confirmation, and storage that was
 * tampered with read as no progress. Hints come one at a time once JavaScript runs.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, lessonPages, test } from './fixtures';

const KEY = 'bounce:progress:v1';

/** Waits until the hints island has hydrated (it does when it nears the viewport). */
async function hintSteps(page: Page) {
  const hints = page.getByTestId('hints');
  await hints.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('hint-steps')).toBeVisible();
  return hints;
}

for (const lesson of lessonPages) {
  const index = `/${lesson.locale}/challenges/`;

  test.describe(`${lesson.locale} progress`, () => {
    test('a graded answer shows on the challenge list, survives a reload and resets after confirming', async ({
      page,
    }) => {
      await page.goto(index);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await expect(page.getByTestId('progress-board')).toHaveCount(0);
      await expect(page.getByTestId('status-bounce')).toBeHidden();

      // First answer wrong (a), then right (b) with a bigger run: first stays wrong, best is right.
      await page.goto(`${lesson.path}?answer=a&seed=1`);
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'wrong');
      await page.goto(`${lesson.path}?answer=b&seed=2&n=10000`);
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'correct');
      await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', KEY)).toContain('"runs":2');

      await page.goto(index);
      const status = page.getByTestId('status-bounce');
      await expect(status).toHaveAttribute('data-state', 'wrong');
      await expect(status).toContainText(lesson.locale === 'en' ? 'First answer A: wrong' : '첫 답 A: 오답');
      await expect(status).toContainText(
        lesson.locale === 'en' ? '10,000 connections, graded right' : '연결 10,000개, 정답 판정',
      );
      await expect(page.getByTestId('progress-summary')).toContainText('1');

      await page.reload();
      await expect(page.getByTestId('status-bounce')).toHaveAttribute('data-state', 'wrong');
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);

      // Reset asks first; "keep it" keeps everything.
      await page.getByTestId('reset-progress').click();
      await page.getByTestId('reset-cancel').click();
      await expect(page.getByTestId('status-bounce')).toHaveAttribute('data-state', 'wrong');
      await page.getByTestId('reset-progress').click();
      await expect(page.getByTestId('reset-yes')).toBeFocused();
      await page.getByTestId('reset-yes').click();
      await expect(page.getByTestId('status-bounce')).toBeHidden();
      await expect(page.getByTestId('progress-board').getByRole('status')).not.toBeEmpty();

      // Still reset after a reload, and revisiting the lesson does not re-count the run on screen.
      await page.goto(lesson.path);
      await hintSteps(page);
      await page.getByTestId('quiz').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'correct');
      await page.goto(index);
      await expect(page.getByTestId('status-bounce')).toBeHidden();
    });

    test('hints open one at a time, are remembered, and all open once answered', async ({ page }) => {
      await page.goto(lesson.path);
      const hints = await hintSteps(page);
      await expect(hints.getByTestId('hint')).toHaveCount(0);
      const next = hints.getByTestId('next-hint');
      await next.click();
      await expect(hints.getByTestId('hint')).toHaveCount(1);
      await expect(hints.getByTestId('hint').first()).toBeFocused();
      await next.click();
      await expect(hints.getByTestId('hint')).toHaveCount(2);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);

      await page.reload();
      await hintSteps(page);
      await expect(page.getByTestId('hint')).toHaveCount(2);

      // After answering, the rest open together.
      await page.goto(`${lesson.path}?answer=c&seed=3`);
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'wrong');
      const after = await hintSteps(page);
      await after.getByTestId('next-hint').click();
      await expect(after.getByTestId('hint')).toHaveCount(3);
      await expect(after.getByTestId('next-hint')).toHaveCount(0);

      await page.goto(index);
      await expect(page.getByTestId('status-bounce')).toContainText('3');
    });

    test('tampered storage reads as no progress, without errors', async ({ page }) => {
      await page.goto(index);
      for (const junk of ['{not json', '{"challenges":{"bounce":{"first":{"answer":"z","right":1}}}}', '[]', 'null']) {
        await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, junk]);
        await page.reload();
        await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
        await expect(page.getByTestId('status-bounce')).toBeHidden();
        await expect(page.getByTestId('progress-board')).toHaveCount(0);
      }
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every hint is available as its own disclosure', async ({ page }) => {
    await page.goto('/en/challenges/bounce/');
    const details = page.getByTestId('hints').locator('details.hint');
    await expect(details).toHaveCount(3);
    await details.nth(2).locator('summary').click();
    await expect(details.nth(2).locator('p')).toBeVisible();
  });
});
