import { expect, test } from './fixtures';

for (const { locale, expected } of [
  { locale: 'ko-KR', expected: '/ko/' },
  { locale: 'en-US', expected: '/en/' },
  { locale: 'fr-FR', expected: '/en/' },
]) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale });

    test(`is forwarded from / to ${expected}, once`, async ({ page }) => {
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(new URL(frame.url()).pathname);
      });
      const root = page.waitForRequest((r) => new URL(r.url()).pathname === '/');
      await page.goto('/');
      expect((await root).headers()['accept-language']).toMatch(new RegExp(`^${locale}`));
      await expect(page).toHaveURL(expected);
      await expect(page.locator('html')).toHaveAttribute('lang', expected.slice(1, 3));
      await page.waitForLoadState('networkidle');
      expect(navigations).toEqual(['/', expected]);
    });
  });
}

test.describe('the chooser without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'ko-KR' });

  test('stays on / and offers both languages', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/');
    const links = page.getByTestId('language-chooser').getByRole('link');
    await expect(links).toHaveCount(2);
    await expect(links.nth(0)).toHaveAttribute('href', '/en/');
    await expect(links.nth(1)).toHaveAttribute('href', '/ko/');
    await links.nth(1).click();
    await expect(page).toHaveURL('/ko/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  });
});
