/**
 * The newsletter kits and social cards of the challenges after bounce, in both
 * languages: one link per answer, placeholders filled as the scenario sets them, a 1200×630 PNG.
 */
import { expect, test } from './fixtures';

for (const locale of ['en', 'ko'] as const) {
  test.describe(`${locale} kits and cards`, () => {
    for (const slug of ['source-ip', 'hairpin', 'sticky', 'dead-end']) {
      test(`${slug}: the kit links each of the four answers, placeholders filled; the card is a 1200×630 PNG`, async ({
        page,
        request,
      }) => {
        const path = `/${locale}/challenges/${slug}/`;
        await page.goto(`${path}share/`);
        const html = await page.getByTestId('snippet-html').inputValue();
        const answers = [...html.matchAll(/href="([^"]+)"/g)]
          .map((m) => new URL((m[1] ?? '').replace(/&amp;/g, '&')))
          .filter((u) => u.searchParams.has('answer'));
        expect(answers.map((u) => u.searchParams.get('answer'))).toEqual(['a', 'b', 'c', 'd']);
        for (const u of answers) expect(u.pathname).toBe(path);
        expect(html).not.toMatch(/\{[A-Za-z]+\}/);
        const markdown = await page.getByTestId('snippet-markdown').inputValue();
        expect(markdown.split('\n').filter((l) => /^- \[.+\]\(.+\?answer=[a-d]\)$/.test(l))).toHaveLength(4);
        const card = await request.get(`${path}card.png`);
        expect(card.status()).toBe(200);
        expect(card.headers()['content-type']).toContain('image/png');
        const bytes = await card.body();
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
        await expect(page.getByTestId('kit-card')).toHaveAttribute('src', `${path}card.png`);
      });
    }
  });
}
