/**
 * The quiz's first screen: a newsletter link with an answer lands with the question, the
 * chosen answer and its verdict all on screen, for every lesson in both languages on two
 * phones, a tablet and a laptop; and pressing Run on a phone brings the result into view.
 */
import { everyLesson, expect, lessonPages, test } from './fixtures';
import { hydrate, pick } from './quiz-helpers';

// Each size links a different answer, so every option's place in the list is checked somewhere;
// the last one (furthest from the question) goes to the narrowest phone, where it is hardest.
const screens = [
  { width: 360, height: 740, answer: 'd' },
  { width: 390, height: 844, answer: 'b' },
  { width: 768, height: 1024, answer: 'c' },
  { width: 1280, height: 800, answer: 'a' },
] as const;

for (const lesson of everyLesson) {
  test(`${lesson.path}?answer=… shows question, answer and verdict in the first screen at ${screens.map((s) => s.width).join(', ')} px`, async ({
    page,
  }) => {
    for (const { width, height, answer } of screens) {
      const at = `${width}×${height}, answer ${answer}`;
      await page.setViewportSize({ width, height });
      await page.goto(`${lesson.path}?answer=${answer}&seed=42`);
      // The link's own run has finished and is graded (not a run kept from the size before).
      await expect(page.getByTestId('results'), at).toHaveAttribute('data-run', /-1000-42$/);
      await expect(page.getByTestId('quiz'), at).toHaveAttribute('data-status', 'idle');
      const verdict = page.getByTestId('verdict-summary');
      await expect(verdict, at).toHaveAttribute('data-verdict', /^(correct|wrong)$/);
      await expect(page.locator('#live-quiz-question'), at).toBeInViewport({ ratio: 1 });
      await expect(page.locator(`label[data-option-id="${answer}"]`), at).toBeInViewport({ ratio: 1 });
      await expect(verdict, at).toBeInViewport({ ratio: 1 });
    }
  });
}

for (const lesson of lessonPages) {
  test(`${lesson.locale}: on a phone, pressing Run brings its result into view`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(lesson.path);
    await hydrate(page, 'quiz');
    await pick(page, 'b');
    // The reader has just read the answers: the Run button sits at the bottom of the screen.
    const run = page.getByTestId('run');
    await run.evaluate((button) => button.scrollIntoView({ block: 'end', behavior: 'instant' }));
    const heading = page.locator('#live-results-heading');
    await expect(heading).not.toBeInViewport();
    await run.click();
    await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', /^(correct|wrong)$/);
    await expect(heading).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('results')).toBeInViewport();
  });
}
