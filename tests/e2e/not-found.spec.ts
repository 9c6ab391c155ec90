import { expect, test } from './fixtures';

const cases = [
  { path: '/ko/no-such-page/', locale: 'ko', heading: '페이지를 찾을 수 없습니다', home: '/ko/' },
  { path: '/ko/challenges/no-such-challenge/', locale: 'ko', heading: '페이지를 찾을 수 없습니다', home: '/ko/' },
  { path: '/en/no-such-page/', locale: 'en', heading: 'Page not found', home: '/en/' },
] as const;

for (const c of cases) {
  test(`${c.path} gets the ${c.locale} 404 page with status 404`, async ({ page, watch }) => {
    // Chromium logs the 404 status of the document itself as a console error.
    watch.allowConsoleError(/status of 404/);
    const response = await page.goto(c.path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', c.locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.heading);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('main').getByRole('link').first()).toHaveAttribute('href', c.home);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  });
}

test.describe('the 404 page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows both languages, each marked with its lang', async ({ page, watch }) => {
    watch.allowConsoleError(/status of 404/);
    const response = await page.goto('/ko/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('section[lang="en"] h1')).toHaveText('Page not found');
    await expect(page.locator('section[lang="ko"] h1')).toHaveText('페이지를 찾을 수 없습니다');
    await expect(page.locator('section[lang="ko"]')).toBeVisible();
  });
});
