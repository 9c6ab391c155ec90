/**
 * Search with Pagefind: one index per language, Korean partial words, loaded only when the
 * reader starts searching, and allowed by a CSP that adds nothing but 'wasm-unsafe-eval'
 * (on the search page alone).
 */
import { axeViolations, expect, test } from './fixtures';

const cases = [
  { locale: 'en', query: 'extra hop', lesson: '/en/challenges/bounce/', title: 'Bounce' },
  { locale: 'ko', query: '홉', lesson: '/ko/challenges/bounce/', title: '튕겨 나가는 요청' },
] as const;

const cspOf = (page: import('@playwright/test').Page) =>
  page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

for (const c of cases) {
  test.describe(`${c.locale} search`, () => {
    test(`finds the bounce lesson from "${c.query}", in its own language only`, async ({ page, watch }) => {
      await page.goto(`/${c.locale}/search/`);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      expect(
        watch.requests.filter((u) => u.includes('/pagefind/')),
        'nothing loaded before the reader searches',
      ).toEqual([]);

      await page.getByLabel(/Search the challenges|챌린지 검색/).fill(c.query);
      const hits = page.getByTestId('search-results').locator('.search__title');
      await expect(hits.first()).toHaveAttribute('href', c.lesson);
      await expect(hits.first()).toHaveText(c.title);
      const hrefs = await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href.startsWith(`/${c.locale}/`), href).toBe(true);
      await expect(page.getByTestId('search-results').locator('mark').first()).toBeVisible();
      await expect(page.getByTestId('search-status')).toContainText(c.query);
      expect(watch.requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);

      await hits.first().click();
      await expect(page).toHaveURL(c.lesson);
    });

    test('runs the query of a shared search link, and passes axe', async ({ page }) => {
      await page.goto(`/${c.locale}/search/?q=${encodeURIComponent(c.query)}`);
      await expect(page.getByTestId('search-results').locator('.search__title').first()).toHaveAttribute(
        'href',
        c.lesson,
      );
      await expect(page.getByLabel(/Search the challenges|챌린지 검색/)).toHaveValue(c.query);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);
    });

    test('says so when nothing matches', async ({ page }) => {
      await page.goto(`/${c.locale}/search/`);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await page.getByLabel(/Search the challenges|챌린지 검색/).fill('zzqxv');
      await expect(page.getByTestId('search-status')).toContainText('zzqxv');
      await expect(page.getByTestId('search-results')).toHaveCount(0);
    });
  });
}

test('only the search page allows WebAssembly, and nothing else is loosened', async ({ page }) => {
  await page.goto('/en/search/');
  const search = (await cspOf(page)) ?? '';
  expect(search).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
  expect(search).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  for (const path of ['/en/', '/en/challenges/bounce/', '/ko/challenges/']) {
    await page.goto(path);
    const csp = (await cspOf(page)) ?? '';
    expect(csp, path).toMatch(/script-src 'self' /);
    expect(csp, path).not.toMatch(/wasm-unsafe-eval|'unsafe-inline'|'unsafe-eval'/);
  }
});

test('pages other than search never load the search index', async ({ page, watch }) => {
  for (const path of ['/en/', '/ko/challenges/', '/en/challenges/bounce/']) {
    await page.goto(path);
    await page.mouse.wheel(0, 20000);
    await page.waitForLoadState('networkidle');
  }
  expect(watch.requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
});

test('the header links to search in the page language', async ({ page }) => {
  await page.goto('/ko/');
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '검색' }).click();
  await expect(page).toHaveURL('/ko/search/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
});

test('on a 360px phone the search link is an icon that still says "Search" to screen readers', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/en/challenges/');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' });
  await expect(link).toBeVisible();
  await expect(link.locator('svg')).toBeVisible();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
});
