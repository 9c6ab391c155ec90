/**
 * The live lesson's accessibility and resilience: axe-clean before and after a run in both
 * languages, operable by keyboard alone with the result announced, reduced motion honoured,
 * and without JavaScript the lesson still reads and the solution still opens.
 */
import { axeViolations, expect, lessonPages, test } from './fixtures';
import { hydrate, hydrateAll, openDump } from './quiz-helpers';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

for (const lesson of lessonPages) {
  test.describe(`${lesson.locale} live lesson accessibility`, () => {
    test('axe finds nothing before and after a run (all islands hydrated)', async ({ page }) => {
      // Two full-page scans over a few hundred rule tokens and trace rows: slow on 2 cores.
      test.setTimeout(120_000);
      await page.goto(lesson.path);
      await hydrateAll(page);
      await openDump(page);
      await expect(page.getByTestId('rules-lines')).toBeVisible();
      expect(await axeViolations(page, tags)).toEqual([]);

      await hydrate(page, 'quiz');
      await page.locator('input[name="live-answer"][value="a"]').check();
      await page.getByTestId('run').click();
      await expect(page.getByTestId('results')).toBeVisible();
      await hydrateAll(page);
      await openDump(page);
      await expect(page.locator('[data-testid="rules-lines"] li[data-step]').first()).toBeVisible();
      await page.getByTestId('solution').locator('summary').scrollIntoViewIfNeeded();
      expect(await axeViolations(page, tags)).toEqual([]);
    });

    test('axe finds nothing after a run in dark mode either', async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${lesson.path}?answer=c&seed=8`);
      await expect(page.getByTestId('results')).toBeVisible();
      await hydrateAll(page);
      await openDump(page);
      await expect(page.locator('[data-testid="rules-lines"] li[data-step]').first()).toBeVisible();
      expect(await axeViolations(page, tags)).toEqual([]);
    });

    test('keyboard only: choose, run, hear the result; focus is always visible', async ({ page }) => {
      await page.goto(lesson.path);
      await hydrate(page, 'quiz');
      const first = page.locator('input[name="live-answer"][value="a"]');
      // Reach the radio group from the page's top by Tab alone.
      await page.keyboard.press('Tab');
      for (let i = 0; i < 80 && !(await first.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      await expect(first).toBeFocused();
      // Arrow keys move within the radio group and select.
      await page.keyboard.press('ArrowDown');
      const b = page.locator('input[name="live-answer"][value="b"]');
      await expect(b).toBeFocused();
      await expect(b).toBeChecked();
      const outline = await page
        .locator('.live-answer:has(input[value="b"])')
        .evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      // Tab on to the run size and the button, press it with the keyboard.
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('quiz').locator('select')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('run')).toBeFocused();
      const buttonOutline = await page.getByTestId('run').evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(buttonOutline).not.toBe('none');
      await page.keyboard.press('Enter');
      const status = page.getByTestId('announcement');
      await expect(status).toHaveAttribute('role', 'status');
      await expect(status).toContainText('B');
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', /correct|wrong/);
      // The grade says it in words and with a mark, not by colour alone.
      await expect(page.getByTestId('grade')).toContainText(/Right|Wrong|정답|오답/);
    });

    test('the rules listing is one tab stop, walked with arrow keys', async ({ page }) => {
      await page.goto(lesson.path);
      const rules = await hydrate(page, 'rules-view');
      await openDump(page);
      const lines = rules.locator('[data-testid="rules-lines"] li');
      await expect(lines.first()).toBeVisible();
      await expect(rules.locator('[data-testid="rules-lines"] li[tabindex="0"]')).toHaveCount(1);
      await lines.first().focus();
      await page.keyboard.press('ArrowDown');
      await expect(lines.nth(1)).toBeFocused();
      await page.keyboard.press('End');
      await expect(lines.last()).toBeFocused();
      await expect(rules.getByTestId('rules-explain')).toContainText(
        lesson.locale === 'en' ? 'End of the table' : '테이블의 끝',
      );
    });
  });

  test.describe(`${lesson.locale} motion`, () => {
    test('with reduced motion the sample path is drawn as numbered steps, not animated', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${lesson.path}?seed=3`);
      await expect(page.getByTestId('results')).toBeVisible();
      const diagram = await hydrate(page, 'live-diagram');
      await expect(diagram).toHaveAttribute('data-motion', 'steps');
      await expect(diagram.locator('[data-testid="diagram-sample"]').first()).toBeAttached();
      await expect(diagram.locator('animateMotion')).toHaveCount(0);
      await expect(diagram.locator('.live-sample__step').first()).toBeAttached();
      await expect(diagram.getByTestId('narration').locator('li').first()).toContainText('192.168.10.100');
    });

    test('without that preference the sample connection is animated along its path', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await page.goto(`${lesson.path}?seed=3`);
      const diagram = await hydrate(page, 'live-diagram');
      await expect(diagram).toHaveAttribute('data-motion', 'animate');
      // The packet is moved from script frame by frame (lab-layout.spec.ts follows it).
      await expect(diagram.locator('.diagram__svg--wide [data-testid="diagram-dot"]')).toHaveCount(1);
      await expect(diagram.locator('.diagram__svg--wide .live-sample__step')).toHaveCount(0);
    });
  });

  test.describe(`${lesson.locale} without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('the lesson reads, says the experiment needs JavaScript, and the solution opens', async ({ page }) => {
      await page.goto(lesson.path);
      await expect(page.getByTestId('question')).toBeVisible();
      await expect(page.getByTestId('live-noscript')).toBeVisible();
      await expect(page.getByTestId('run')).toBeHidden();
      const solution = page.getByTestId('solution');
      await solution.locator('summary').click();
      await expect(solution).toHaveAttribute('open', '');
      await expect(solution.locator('pre').first()).toBeVisible();
    });
  });

  test.describe(`${lesson.locale} with JavaScript`, () => {
    test('the quiz asks the question in place of the static copy', async ({ page }) => {
      await page.goto(lesson.path);
      await expect(page.getByTestId('question')).toBeHidden();
      await expect(page.getByTestId('live-noscript')).toBeHidden();
      await expect(page.getByTestId('quiz').locator('legend').first()).toBeVisible();
    });
  });
}
