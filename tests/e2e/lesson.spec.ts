import { axeViolations, expect, lessonPages, test } from './fixtures';

for (const lesson of lessonPages) {
  const other = lessonPages.find((l) => l.locale !== lesson.locale)!;

  test.describe(`${lesson.locale} lesson`, () => {
    test('renders in its language with the question and the four options', async ({ page }) => {
      await page.goto(lesson.path);
      await expect(page.locator('html')).toHaveAttribute('lang', lesson.locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
      await expect(page).toHaveTitle(new RegExp(`^${lesson.title} · bounce$`));
      const options = page.locator('[data-testid="question"] [data-option-id]');
      await expect(options).toHaveCount(4);
      expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-option-id')))).toEqual([
        'a',
        'b',
        'c',
        'd',
      ]);
      await expect(page.locator('figure.diagram').first()).toBeVisible();
    });

    test('declares its canonical URL and both language versions', async ({ page, baseURL }) => {
      await page.goto(lesson.path);
      const href = (selector: string) => page.locator(selector).getAttribute('href');
      expect(new URL((await href('link[rel="canonical"]'))!).pathname).toBe(lesson.path);
      expect(new URL((await href(`link[rel="alternate"][hreflang="${other.locale}"]`))!).pathname).toBe(other.path);
      expect(new URL((await href(`link[rel="alternate"][hreflang="${lesson.locale}"]`))!).pathname).toBe(lesson.path);
      expect(new URL((await href('link[rel="alternate"][hreflang="x-default"]'))!).pathname).toBe(
        '/en/challenges/bounce/',
      );
      expect(baseURL).toBeTruthy();
    });

    test('switches to the same lesson in the other language', async ({ page }) => {
      await page.goto(lesson.path);
      await page.getByTestId('language-switch').click();
      await expect(page).toHaveURL(other.path);
      await expect(page.locator('html')).toHaveAttribute('lang', other.locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.title);
    });

    test('keeps the solution hidden until the reader opens it', async ({ page }) => {
      await page.goto(lesson.path);
      const solution = page.getByTestId('solution');
      const body = solution.locator('.solution__body');
      await expect(solution).not.toHaveAttribute('open');
      await expect(body).toBeHidden();
      await expect(page.getByText('KUBE-MARK-MASQ').first()).toBeHidden();

      await solution.locator('summary').click();
      await expect(solution).toHaveAttribute('open', '');
      await expect(body).toBeVisible();
      await expect(body.getByRole('heading', { level: 3 }).first()).toBeVisible();
      await expect(body.locator('pre').first()).toContainText('--probability 0.5000000000');
      await expect(body.locator('figure.diagram')).toHaveCount(2);
    });

    test('passes an axe accessibility check, before and after the reveal', async ({ page }) => {
      await page.goto(lesson.path);
      const scan = () => axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      expect(await scan()).toEqual([]);
      await page.getByTestId('solution').locator('summary').click();
      expect(await scan()).toEqual([]);
    });

    test('passes an axe check in dark mode too', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(lesson.path);
      await page.getByTestId('solution').locator('summary').click();
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa'])).toEqual([]);
    });

    test('fits a 360px wide phone without sideways scrolling', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(lesson.path);
      await page.getByTestId('solution').locator('summary').click();
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      await expect(page.locator('.diagram__svg--tall').first()).toBeVisible();
      await expect(page.locator('.diagram__svg--wide').first()).toBeHidden();
    });
  });
}
