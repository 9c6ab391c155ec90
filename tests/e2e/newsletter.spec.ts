/**
 * The newsletter kit: the question, one link per answer in ready-to-paste HTML and Markdown,
 * the editor's UTM parameters in every link, copy buttons and the social card; and each of
 * those links landing on the challenge graded, with the UTM parameters still in the address.
 */
import { isLocalAddress, siteAddress } from '../../src/seo/siteAddress';
import { axeViolations, expect, lessonPages, test } from './fixtures';

const utm = { utm_source: 'k8s weekly', utm_medium: 'email', utm_campaign: '2026-11 #48' };

for (const lesson of lessonPages) {
  const kitPath = `${lesson.path}share/`;

  test.describe(`${lesson.locale} newsletter kit`, () => {
    test('shows the question, four answer links per snippet and the card', async ({ page }) => {
      await page.goto(kitPath);
      await expect(page.locator('html')).toHaveAttribute('lang', lesson.locale);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.locator('.kit-options [data-option-id]')).toHaveCount(4);

      const html = await page.getByTestId('snippet-html').inputValue();
      const answers = [...html.matchAll(/href="([^"]+)"/g)]
        .map((m) => new URL((m[1] ?? '').replace(/&amp;/g, '&')))
        .filter((u) => u.searchParams.has('answer'));
      expect(answers.map((u) => u.searchParams.get('answer'))).toEqual(['a', 'b', 'c', 'd']);
      for (const u of answers) expect(u.pathname).toBe(lesson.path);

      const markdown = await page.getByTestId('snippet-markdown').inputValue();
      expect(markdown.split('\n').filter((l) => /^- \[.+\]\(.+\?answer=[a-d]\)$/.test(l))).toHaveLength(4);
      expect(markdown).toContain(lesson.title);

      const card = page.getByTestId('kit-card');
      await expect(card).toHaveAttribute('src', `${lesson.path}card.png`);
      await expect
        .poll(() => card.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight]))
        .toEqual([true, 1200, 630]);
    });

    test('says, in its language, when the snippets point at a local address (no SITE_URL)', async ({ page }) => {
      // The build under test takes SITE_URL from this environment, like astro.config.mjs does.
      const site = new URL(siteAddress(process.env['SITE_URL']).site);
      await page.goto(kitPath);
      const html = await page.getByTestId('snippet-html').inputValue();
      expect(html).toContain(`${site.origin}/`);
      const notice = page.getByTestId('kit-local-site');
      if (!isLocalAddress(site)) {
        await expect(notice).toHaveCount(0);
        return;
      }
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(site.origin);
      await expect(notice).toContainText(lesson.locale === 'ko' ? '로컬 주소' : 'only this computer can open');
      await expect(notice.locator('code')).toHaveText('SITE_URL=https://example.org npm run build');
    });

    test('puts the UTM parameters the editor types into every link, and copies', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(kitPath);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      for (const [name, value] of Object.entries(utm)) await page.locator(`input[name="${name}"]`).fill(value);

      const html = await page.getByTestId('snippet-html').inputValue();
      const markdown = await page.getByTestId('snippet-markdown').inputValue();
      const links = [
        ...[...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&')),
        ...[...markdown.matchAll(/\]\((http[^)]+)\)/g)].map((m) => m[1] ?? ''),
      ].filter((href) => !href.endsWith('.png'));
      expect(links.length).toBe(2 * 6); // the card, four answers and the plain link, in each snippet
      for (const href of links) {
        const params = new URL(href).searchParams;
        for (const [name, value] of Object.entries(utm)) expect(params.get(name), `${name} in ${href}`).toBe(value);
      }
      // The preview is what readers will click: the same links.
      const preview = await page
        .getByTestId('kit-preview')
        .locator('a[data-option-link]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(preview.map((h) => new URL(h ?? '', page.url()).searchParams.get('utm_campaign'))).toEqual(
        Array(4).fill(utm.utm_campaign),
      );

      await page.getByTestId('copy-markdown').click();
      await expect(page.getByTestId('copy-status')).not.toBeEmpty();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
    });

    test('passes an axe check', async ({ page }) => {
      await page.goto(kitPath);
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);
    });

    test('is linked from the challenge', async ({ page }) => {
      await page.goto(lesson.path);
      await page.getByTestId('share-kit-link').click();
      await expect(page).toHaveURL(kitPath);
    });

    for (const option of ['a', 'b', 'c', 'd']) {
      test(`the link for answer ${option} lands graded with the UTM parameters kept`, async ({ page }) => {
        await page.goto(kitPath);
        await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
        for (const [name, value] of Object.entries(utm)) await page.locator(`input[name="${name}"]`).fill(value);
        const href = await page
          .getByTestId('kit-preview')
          .locator(`a[data-option-link="${option}"]`)
          .getAttribute('href');
        expect(href).toMatch(new RegExp(`^${lesson.path}\\?answer=${option}&utm_source=`));
        await page.goto(href ?? '');

        const results = page.getByTestId('results');
        await expect(results).toHaveAttribute('data-verdict', option === 'b' ? 'correct' : 'wrong');
        await expect(page.locator(`input[name="live-answer"][value="${option}"]`)).toBeChecked();
        await expect(page.getByTestId('link-notices')).toHaveText('');
        const params = new URL(page.url()).searchParams;
        for (const [name, value] of Object.entries(utm)) expect(params.get(name), name).toBe(value);
        expect(params.get('answer')).toBe(option);
      });
    }
  });
}
