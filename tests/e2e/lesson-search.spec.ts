/**
 * Search finds each newer challenge by its key terms, in English and in Korean, and only in
 * the reader's language.
 */
import { expect, test } from './fixtures';

const cases = [
  { locale: 'en', query: 'access log', slug: 'source-ip', title: 'Who Knocked?' },
  { locale: 'en', query: 'externalTrafficPolicy client address', slug: 'source-ip', title: 'Who Knocked?' },
  { locale: 'ko', query: '접근 로그', slug: 'source-ip', title: '누가 보낸 요청일까' },
  { locale: 'ko', query: '클라이언트 주소', slug: 'source-ip', title: '누가 보낸 요청일까' },
  { locale: 'en', query: 'hairpin', slug: 'hairpin', title: 'Hairpin' },
  { locale: 'en', query: 'loops back to the originator', slug: 'hairpin', title: 'Hairpin' },
  { locale: 'ko', query: '헤어핀', slug: 'hairpin', title: '헤어핀' },
  { locale: 'ko', query: '자기 자신', slug: 'hairpin', title: '헤어핀' },
  { locale: 'en', query: 'session affinity', slug: 'sticky', title: 'Sticky' },
  { locale: 'ko', query: '세션 어피니티', slug: 'sticky', title: '달라붙는 클라이언트' },
  { locale: 'en', query: 'connection refused', slug: 'dead-end', title: 'Dead end' },
  { locale: 'ko', query: '연결 거부', slug: 'dead-end', title: '막다른 길' },
] as const;

for (const c of cases) {
  test(`${c.locale} search "${c.query}" finds ${c.slug}`, async ({ page }) => {
    await page.goto(`/${c.locale}/search/?q=${encodeURIComponent(c.query)}`);
    const hits = page.getByTestId('search-results').locator('.search__title');
    // Pagefind loads its index and WebAssembly on the first query: slow on a loaded machine.
    await expect(hits.first()).toBeVisible({ timeout: 20_000 });
    const found = await hits.evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })),
    );
    expect(found.map((f) => f.href)).toContain(`/${c.locale}/challenges/${c.slug}/`);
    expect(found.find((f) => f.href === `/${c.locale}/challenges/${c.slug}/`)?.text).toBe(c.title);
    for (const { href } of found) expect(href.startsWith(`/${c.locale}/`), href).toBe(true);
  });
}
