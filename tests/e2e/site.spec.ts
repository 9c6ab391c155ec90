import { allPages, axeViolations, expect, test } from './fixtures';

/** Pages that belong to a locale (all but the chooser at "/"). */
const localized = allPages.filter((p) => p !== '/');

test.describe('every page', () => {
  // Without JavaScript "/" stays put, so it can be checked like the others.
  test.use({ javaScriptEnabled: false });

  for (const path of allPages) {
    test(`${path} has lang, canonical, hreflang, landmarks and a skip link`, async ({ page }) => {
      await page.goto(path);
      const lang = await page.locator('html').getAttribute('lang');
      expect(lang).toMatch(/^(en|ko)$/);
      if (path !== '/') expect(lang).toBe(path.slice(1, 3));

      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(path);
      for (const hreflang of ['en', 'ko', 'x-default']) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`)).toHaveCount(1);
      }

      await expect(page.locator('main#main')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await expect(skip).toHaveAttribute('href', '#main');
    });
  }

  for (const path of localized) {
    test(`${path} has a language switch to the same page`, async ({ page }) => {
      await page.goto(path);
      const target = path.startsWith('/en/') ? path.replace('/en/', '/ko/') : path.replace('/ko/', '/en/');
      await expect(page.getByTestId('language-switch')).toHaveAttribute('href', target);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('navigation').first()).toBeVisible();
    });
  }
});

test.describe('security', () => {
  for (const path of allPages) {
    test(`${path} has a hash-based CSP and no inline event handlers`, async ({ page }) => {
      await page.goto(path);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      const directives = Object.fromEntries(
        (csp ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['script-src']).toContain("'self'");
      expect(directives['script-src']).not.toContain("'unsafe-inline'");
      expect(directives['style-src']).not.toContain("'unsafe-inline'");
      const handlers = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
        ),
      );
      expect(handlers).toEqual([]);
    });
  }
});

test.describe('the lesson without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reads in full: diagram, options, and a working reveal and switch', async ({ page }) => {
    await page.goto('/en/challenges/bounce/');
    // The live islands ship scripts now; what matters is that the static lesson needs none.
    await expect(page.locator('.diagram__svg--wide').first()).toBeVisible();
    // The static question (the quiz island's server-rendered copy also carries option ids).
    const options = page.getByTestId('question').locator('[data-option-id]');
    await expect(options).toHaveCount(4);
    await expect(options.first()).toBeVisible();
    const solution = page.getByTestId('solution');
    await expect(solution.locator('.solution__body')).toBeHidden();
    await solution.locator('summary').click();
    await expect(solution.locator('.solution__body')).toBeVisible();
    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL('/ko/challenges/bounce/');
  });
});

test.describe('home and index pages', () => {
  for (const path of ['/en/', '/ko/', '/en/challenges/', '/ko/challenges/']) {
    test(`${path} links to the bounce lesson`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator(`main a[href="${path.slice(0, 4)}challenges/bounce/"]`).first()).toBeVisible();
    });
  }
});

test('axe finds nothing on any page the sitemap lists', async ({ page }) => {
  // The sitemap is the list of pages the site offers readers, so a page added later is
  // scanned without anyone editing this test. About three seconds a page.
  test.setTimeout(300_000);
  await page.goto('/en/');
  const paths = await page.evaluate(async () => {
    const xml = async (path: string) =>
      new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
    const index = await xml('/sitemap-index.xml');
    const maps = [...index.querySelectorAll('sitemap > loc')].map((loc) => new URL(loc.textContent ?? '').pathname);
    const pages = await Promise.all(maps.map(async (map) => [...(await xml(map)).querySelectorAll('url > loc')]));
    return pages.flat().map((loc) => new URL(loc.textContent ?? '').pathname);
  });
  expect(paths.length, 'the sitemap lists the site').toBeGreaterThan(10);
  expect(paths).toContain('/ko/challenges/bounce/');
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    const violations = await axeViolations(page, ['wcag2a', 'wcag2aa']);
    if (violations.length > 0) found[path] = violations;
  }
  expect(found).toEqual({});
});
