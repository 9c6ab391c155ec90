/**
 * The build's output as a crawler, a feed reader or a social network reads it: RSS feeds per
 * language, the sitemap with hreflang alternates, robots.txt, and Open Graph / Twitter tags
 * with a card image of the right size on every page. Parsing happens in the browser
 * (DOMParser), so "well formed" means what a browser accepts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtPages } from './site-output';

const locales = ['en', 'ko'] as const;
let built: string[] | undefined;
/** The built pages, read when a test first asks: dist/ does not exist until the web server has built it. */
const allPages = (): string[] => (built ??= builtPages());
/** Challenge pages: /<locale>/challenges/<slug>/ (the kits at …/share/ are tools, not challenges). */
const challengesIn = (locale: string) => allPages().filter((p) => new RegExp(`^/${locale}/challenges/[^/]+/$`).test(p));

/** Where `load` leaves the parsed document for the next page.evaluate to read. */
interface Loaded {
  loaded: Document;
}

/**
 * Fetches `path` in the page and parses it with DOMParser, leaving the document on
 * window.loaded; returns the parser's error (or the HTTP status), null when well formed.
 */
function load(page: Page, path: string, type: DOMParserSupportedType): Promise<string | null> {
  return page.evaluate(
    async ({ path, type }) => {
      const response = await fetch(path);
      const doc = new DOMParser().parseFromString(await response.text(), type);
      (window as unknown as Loaded).loaded = doc;
      return doc.querySelector('parsererror')?.textContent ?? (response.ok ? null : `HTTP ${response.status}`);
    },
    { path, type },
  );
}

test.beforeEach(async ({ page }) => {
  await page.goto('/en/');
});

test('the build has the pages these checks walk', () => {
  const pages = allPages();
  expect(pages).toContain('/en/challenges/bounce/');
  expect(pages).toContain('/ko/challenges/bounce/');
  expect(pages).toContain('/404.html');
});

for (const locale of locales) {
  test(`${locale} RSS feed: well formed, in ${locale}, one item per challenge`, async ({ page }) => {
    expect(await load(page, `/${locale}/rss.xml`, 'application/xml')).toBeNull();
    const feed = await page.evaluate(() => {
      const doc = (window as unknown as Loaded).loaded;
      const channel = doc.querySelector('channel');
      return {
        language: channel?.querySelector(':scope > language')?.textContent ?? '',
        self:
          [...(channel?.children ?? [])]
            .find((e) => e.localName === 'link' && e.namespaceURI === 'http://www.w3.org/2005/Atom')
            ?.getAttribute('href') ?? '',
        items: [...doc.querySelectorAll('item')].map((i) => ({
          title: i.querySelector('title')?.textContent ?? '',
          link: i.querySelector('link')?.textContent ?? '',
          date: i.querySelector('pubDate')?.textContent ?? '',
        })),
      };
    });
    expect(feed.language).toBe(locale);
    expect(new URL(feed.self).pathname).toBe(`/${locale}/rss.xml`);
    const expected = challengesIn(locale);
    expect(feed.items.map((i) => new URL(i.link).pathname).sort()).toEqual(expected);
    for (const item of feed.items) {
      expect(Number.isNaN(Date.parse(item.date)), item.date).toBe(false);
      // The item is titled in the feed's language, like the page it links to.
      expect(await load(page, new URL(item.link).pathname, 'text/html')).toBeNull();
      const h1 = await page.evaluate(() => (window as unknown as Loaded).loaded.querySelector('h1')?.textContent ?? '');
      expect(item.title).toContain(h1);
    }
  });
}

test('robots.txt allows crawling and names the sitemap', async ({ page }) => {
  const text = await page.evaluate(() => fetch('/robots.txt').then((r) => r.text()));
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(new URL(/^Sitemap: (\S+)$/m.exec(text)?.[1] ?? 'x:').pathname).toBe('/sitemap-index.xml');
});

test('the sitemap lists every indexable page, each with its hreflang alternates', async ({ page }) => {
  expect(await load(page, '/sitemap-index.xml', 'application/xml')).toBeNull();
  const maps = await page.evaluate(() =>
    [...(window as unknown as Loaded).loaded.querySelectorAll('sitemap > loc')].map((e) => e.textContent ?? ''),
  );
  expect(maps.length).toBeGreaterThan(0);

  const listed = new Map<string, Record<string, string>>();
  for (const map of maps) {
    expect(await load(page, new URL(map).pathname, 'application/xml')).toBeNull();
    const urls = await page.evaluate(() => {
      const sm = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      return [...(window as unknown as Loaded).loaded.getElementsByTagNameNS(sm, 'url')].map((u) => ({
        loc: u.getElementsByTagNameNS(sm, 'loc')[0]?.textContent ?? '',
        links: [...u.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map(
          (l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''] as const,
        ),
      }));
    });
    for (const url of urls) {
      listed.set(
        new URL(url.loc).pathname,
        Object.fromEntries(url.links.map(([lang, href]) => [lang, new URL(href).pathname])),
      );
    }
  }

  // Indexable = every built page without <meta name="robots" content="noindex">.
  const indexable: string[] = [];
  for (const path of allPages()) {
    expect(await load(page, path, 'text/html')).toBeNull();
    const head = await page.evaluate(() => {
      const doc = (window as unknown as Loaded).loaded;
      return {
        noindex: /noindex/.test(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? ''),
        alternates: [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map(
          (l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''] as const,
        ),
      };
    });
    if (head.noindex) {
      expect(listed.has(path), `${path} is noindex but in the sitemap`).toBe(false);
      continue;
    }
    indexable.push(path);
    // The sitemap's alternates are the ones the page itself declares.
    const declared = Object.fromEntries(head.alternates.map(([lang, href]) => [lang, new URL(href).pathname]));
    expect(listed.get(path), `alternates of ${path}`).toEqual(declared);
    if (path.startsWith('/en/') || path.startsWith('/ko/'))
      expect(Object.keys(declared).sort(), path).toEqual(['en', 'ko', 'x-default']);
  }
  expect([...listed.keys()].sort()).toEqual(indexable.sort());
});

test('every page has Open Graph and Twitter tags, and its card is a 1200×630 PNG', async ({ page }) => {
  const cards = new Set<string>();
  for (const path of allPages()) {
    expect(await load(page, path, 'text/html')).toBeNull();
    const meta = await page.evaluate(() => {
      const doc = (window as unknown as Loaded).loaded;
      const tags: Record<string, string> = {};
      for (const m of doc.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')) {
        tags[m.getAttribute('property') ?? m.getAttribute('name') ?? ''] = m.getAttribute('content') ?? '';
      }
      return {
        tags,
        lang: doc.documentElement.lang,
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      };
    });
    const t = meta.tags;
    for (const key of [
      'og:type',
      'og:title',
      'og:description',
      'og:image',
      'og:image:alt',
      'og:locale',
      'twitter:card',
      'twitter:title',
      'twitter:description',
      'twitter:image',
    ]) {
      expect(t[key], `${key} on ${path}`).toBeTruthy();
    }
    expect(t['twitter:card']).toBe('summary_large_image');
    expect([t['og:image:width'], t['og:image:height']], path).toEqual(['1200', '630']);
    expect(t['og:locale'], path).toBe(meta.lang === 'ko' ? 'ko_KR' : 'en_US');
    if (meta.canonical) expect(t['og:url'], path).toBe(meta.canonical);
    if (/^\/(en|ko)\//.test(path)) expect(t['og:locale:alternate'], path).toBe(meta.lang === 'ko' ? 'en_US' : 'ko_KR');
    const image = new URL(t['og:image'] ?? '').pathname;
    expect(new URL(t['twitter:image'] ?? '').pathname).toBe(image);
    if (/^\/(en|ko)\/challenges\/[^/]+\/$/.test(path)) {
      expect(image, path).toBe(`${path}card.png`);
      expect(t['og:type']).toBe('article');
    }
    cards.add(image);
  }
  for (const image of cards) {
    const png = await page.evaluate(async (path) => {
      const response = await fetch(path);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const view = new DataView(bytes.buffer);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        signature: [...bytes.slice(0, 8)],
        chunk: String.fromCharCode(...bytes.slice(12, 16)),
        width: view.getUint32(16),
        height: view.getUint32(20),
      };
    }, image);
    expect(png.status, image).toBe(200);
    expect(png.type, image).toMatch(/^image\/png/);
    expect(png.signature, image).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.chunk, png.width, png.height], image).toEqual(['IHDR', 1200, 630]);
  }
  // One card per challenge and language, plus the site card of each language.
  expect([...cards].sort()).toEqual(
    [...locales.map((l) => `/${l}/card.png`), ...locales.flatMap(challengesIn).map((p) => `${p}card.png`)].sort(),
  );
});
