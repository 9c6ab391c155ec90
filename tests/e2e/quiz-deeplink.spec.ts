/**
 * Newsletter deep links: each option's link lands on the quiz with that answer picked and a
 * graded run; seed, policy, node and n replay a run exactly; bad values get a polite notice
 * and are never treated as markup.
 */
import { expect, lessonPages, test } from './fixtures';
import { chartCounts, hydrate } from './quiz-helpers';

for (const lesson of lessonPages) {
  test.describe(`${lesson.locale} deep links`, () => {
    for (const option of ['a', 'b', 'c', 'd']) {
      test(`?answer=${option} preselects it, runs, grades and scrolls to the quiz`, async ({ page }) => {
        await page.goto(`${lesson.path}?answer=${option}&seed=42`);
        const results = page.getByTestId('results');
        await expect(results).toHaveAttribute('data-run', 'Cluster-node-2-1000-42');
        await expect(page.locator(`input[name="live-answer"][value="${option}"]`)).toBeChecked();
        await expect(results).toHaveAttribute('data-correct', 'b');
        await expect(results).toHaveAttribute('data-verdict', option === 'b' ? 'correct' : 'wrong');
        await expect(page.getByTestId('quiz')).toBeInViewport();
        await expect(page.getByTestId('link-notices')).toHaveText('');
      });
    }

    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      test(`at ${width}×${height} a link with an answer shows question, answer and verdict in the first screen`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height });
        await page.goto(`${lesson.path}?answer=a&seed=42`);
        const verdict = page.getByTestId('verdict-summary');
        await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
        await expect(verdict).toContainText('B');
        await expect(page.locator('#live-quiz-question')).toBeInViewport({ ratio: 1 });
        await expect(page.locator('label[data-option-id="a"]')).toBeInViewport({ ratio: 1 });
        await expect(verdict).toBeInViewport({ ratio: 1 });
        // The line leads to the full result.
        await verdict.getByRole('link').click();
        await expect(page.getByTestId('results')).toBeInViewport();
      });
    }

    test('seed, policy, node and n replay the same run, and the run links to itself', async ({ page }) => {
      await page.goto(`${lesson.path}?seed=123456&n=10000`);
      const results = page.getByTestId('results');
      await expect(results).toHaveAttribute('data-run', 'Cluster-node-2-10000-123456');
      const counts = await chartCounts(page);
      const replay = await page.getByTestId('replay-link').getAttribute('href');
      expect(replay).toBe('?policy=Cluster&node=node-2&seed=123456&n=10000');
      await page.goto(`${lesson.path}${replay}`);
      await expect(results).toHaveAttribute('data-run', 'Cluster-node-2-10000-123456');
      expect(await chartCounts(page)).toEqual(counts);

      // The key is shown only once there is an answer to grade, so the link carries one.
      await page.goto(`${lesson.path}?policy=Local&node=3&seed=7&n=10000&answer=a`);
      await expect(results).toHaveAttribute('data-run', 'Local-node-3-10000-7');
      await expect(results).toHaveAttribute('data-correct', 'd');
      await expect(results).toHaveAttribute('data-verdict', 'wrong');
      expect(await chartCounts(page)).toEqual({ 'pod-1': 0, 'pod-2': 0, timedOut: 10000 });
    });

    test('hostile and malformed values are ignored with a visible notice, as text', async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const hostile = '<img src=x onerror=alert(1)>';
      await page.goto(`${lesson.path}?answer=${encodeURIComponent(hostile)}&node=9&seed=12abc&utm_source=mail`);
      await hydrate(page, 'quiz');
      const notices = page.getByTestId('link-notices');
      await expect(notices).toHaveAttribute('role', 'status');
      await expect(notices.locator('li')).toHaveCount(3);
      await expect(notices).toContainText('<img src=x onerror=alert');
      await expect(notices.locator('img')).toHaveCount(0);
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      // Nothing valid was asked for, so nothing ran and no answer was picked.
      await expect(page.getByTestId('results')).toHaveCount(0);
      await expect(page.locator('input[name="live-answer"]:checked')).toHaveCount(0);
      // The notice can be dismissed.
      await notices.getByRole('button').click();
      await expect(notices.locator('li')).toHaveCount(0);
      expect(dialogs).toBe(0);
    });

    test('a partly valid link applies what is valid and reports the rest', async ({ page }) => {
      await page.goto(`${lesson.path}?answer=b&node=4&seed=5`);
      await expect(page.getByTestId('results')).toHaveAttribute('data-run', 'Cluster-node-2-1000-5');
      await expect(page.locator('input[name="live-answer"][value="b"]')).toBeChecked();
      await expect(page.getByTestId('link-notices').locator('li')).toHaveCount(1);
      await expect(page.getByTestId('link-notices')).toContainText('node');
    });
  });
}
