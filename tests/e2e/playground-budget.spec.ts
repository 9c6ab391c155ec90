/**
 * Budgets of the playground, checked on the build under test: its eager JavaScript ≤ 40 kB
 * gzip, the engine and the YAML code only ever loaded lazily (YAML only when asked for), the
 * datapaths guide hydrating its comparison on view, and the bounce lesson carrying no
 * playground code at all (so its own budget cannot grow because of the playground).
 */
import { test as offline } from '@playwright/test';
import { expect, lessonPages, test } from './fixtures';
import { openPlayground, playgroundPages } from './playground-helpers';
import { pageJs } from './quiz-bundle';

/** Where the build under test is (the Playwright web server builds into dist/). */
const dist = process.env['PG_DIST'] ?? 'dist';
const KB = 1000;
/** Strings only the yaml package contains. */
const yamlNeedles = ['YAMLParseError', 'Implicit keys need to be on a single line'];
/** Class names only the playground's islands render. */
const playgroundNeedles = ['pg-compare-table', 'pg-editor'];

const contains = (js: ReturnType<typeof pageJs>, files: readonly string[], needle: string) =>
  files.filter((f) => js.sources.get(f)?.includes(needle));

for (const { locale, path, guide } of playgroundPages) {
  test.describe(`${locale} playground JavaScript`, () => {
    offline('eager JS ≤ 40 kB gzip; the engine is lazy; YAML never eager', () => {
      const js = pageJs(dist, `${path.slice(1)}index.html`);
      const eager = js.inline.gzip + js.eager.gzip;
      console.log(
        `${path}: eager ${eager} B gz (inline ${js.inline.gzip} + files ${js.eager.gzip}), lazy ${js.lazy.gzip} B`,
      );
      offline
        .info()
        .annotations.push({ type: 'playground JS (gzip bytes)', description: `eager ${eager}; lazy ${js.lazy.gzip}` });
      expect(eager).toBeLessThanOrEqual(40 * KB);
      expect(js.eager.files.some((f) => /Playground\./.test(f))).toBe(true);
      expect(contains(js, js.eager.files, 'KUBE-MARK-MASQ')).toEqual([]);
      expect(contains(js, js.lazy.files, 'KUBE-MARK-MASQ').length).toBeGreaterThan(0);
      for (const needle of yamlNeedles) {
        expect(contains(js, js.eager.files, needle)).toEqual([]);
        expect(contains(js, js.lazy.files, needle).length).toBeGreaterThan(0);
      }
    });

    offline('the datapaths guide hydrates its comparison on view and loads the engine lazily', () => {
      const js = pageJs(dist, `${guide.slice(1)}index.html`);
      expect(js.inline.gzip + js.eager.gzip).toBeLessThanOrEqual(15 * KB);
      expect(js.visible.files.some((f) => /CompareIsland\./.test(f))).toBe(true);
      expect(js.inline.gzip + js.eager.gzip + js.visible.gzip).toBeLessThanOrEqual(40 * KB);
      expect(contains(js, [...js.eager.files, ...js.visible.files], 'KUBE-MARK-MASQ')).toEqual([]);
    });

    test('a browser fetches the eager files on load, the engine next, and the YAML code only on export', async ({
      page,
    }) => {
      const js = pageJs(dist, `${path.slice(1)}index.html`);
      const fetched: string[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.pathname.endsWith('.js')) fetched.push(url.pathname.slice(1));
      });
      await openPlayground(page, path);
      await page.waitForLoadState('networkidle');
      for (const f of js.eager.files) expect(fetched).toContain(f);
      for (const f of fetched) expect([...js.eager.files, ...js.lazy.files]).toContain(f);
      const yamlFiles = (list: readonly string[]) =>
        list.filter((f) => yamlNeedles.some((n) => js.sources.get(f)?.includes(n)));
      expect(yamlFiles(fetched)).toEqual([]);
      await page.getByTestId('pg-export').click();
      await expect(page.getByTestId('pg-export-text')).toBeVisible();
      expect(yamlFiles(fetched).length).toBeGreaterThan(0);
    });
  });
}

for (const lesson of lessonPages) {
  offline(`${lesson.locale} lesson ships no playground code (its budget cannot grow because of it)`, () => {
    const js = pageJs(dist, `${lesson.path.slice(1)}index.html`);
    const all = [...js.eager.files, ...js.visible.files, ...js.lazy.files];
    for (const needle of playgroundNeedles) expect(contains(js, all, needle)).toEqual([]);
    expect(all.filter((f) => /Playground|CompareIsland|playground/i.test(f))).toEqual([]);
  });
}
