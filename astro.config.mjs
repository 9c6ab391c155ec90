// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { sitemapLinks } from './src/seo/sitemapLinks';
import { siteAddress } from './src/seo/siteAddress';

/**
 * The public origin the site is deployed at. Canonical and hreflang links, og:url and
 * og:image, the RSS feeds, the sitemap, robots.txt and the newsletter kits' snippets all need
 * absolute URLs, so set SITE_URL when building for a real host; without it they point at the
 * local preview, the build warns, and each kit page shows a notice (src/seo/siteAddress.ts).
 */
const address = siteAddress(process.env.SITE_URL);

/**
 * Says in the build log when the site's links will point at a local address.
 * @returns {import('astro').AstroIntegration}
 */
function siteAddressWarning() {
  return {
    name: 'bounce:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (address.warning) logger.warn(address.warning);
      },
    },
  };
}

/**
 * Code blocks scroll sideways on narrow screens. A scrollable region must be reachable by
 * keyboard (WCAG 2.1.1), so every <pre> gets tabindex="0".
 * @returns {(tree: any) => void}
 */
function rehypeFocusableCode() {
  /** @param {any} node */
  const walk = (node) => {
    if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
    for (const child of node.children ?? []) walk(child);
  };
  return walk;
}

/**
 * Drops Vite's preload helper from the client chunks. With `modulePreload: false` Vite still
 * wraps every dynamic import in it (`h(() => import('./x.js'), [])`), for the CSS a lazy chunk
 * might bring; that helper and its wrappers cost the lesson ~0.7 kB gz on view. No lazy chunk
 * here brings CSS, so every list is empty (Vite writes a non-empty one as `__vite__mapDeps`)
 * and the wrapper only calls its function: this unwraps the calls after Vite has filled the
 * lists in, and shrinks the helper to that call where one remains (Astro's Preact client).
 * With any non-empty list in the bundle it changes nothing.
 * @returns {import('vite').Plugin}
 */
function dropEmptyPreloads() {
  return {
    name: 'bounce:drop-empty-preloads',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const helper = Object.values(bundle).find(
          (c) => c.type === 'chunk' && /(^|\/)preload-helper\.[\w-]+\.js$/.test(c.fileName),
        );
        if (!helper || helper.type !== 'chunk') return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c !== helper ? [c] : []));
        if (chunks.some((c) => c.code.includes('__vite__mapDeps'))) return;
        const file = helper.fileName.slice(helper.fileName.lastIndexOf('/') + 1).replace(/[.$]/g, '\\$&');
        const named = new RegExp(`import\\{_(?: as ([\\w$]+))?\\}from"\\./${file}";`);
        const bare = new RegExp(`import"\\./${file}";`);
        let stillUsed = false;
        for (const chunk of chunks) {
          const match = named.exec(chunk.code);
          if (!match) continue;
          const name = (match[1] ?? '_').replace(/\$/g, '\\$');
          const call = new RegExp(`(?<![\\w$.])${name}\\(\\(\\)=>(import\\("[^"]+"\\)),\\[\\]\\)`, 'g');
          chunk.code = chunk.code.replace(call, '$1');
          if (new RegExp(`(?<![\\w$.])${name}\\(`).test(chunk.code)) stillUsed = true;
          else chunk.code = chunk.code.replace(named, '');
        }
        if (stillUsed) {
          helper.code = 'const _=(f)=>f();export{_};\n';
          return;
        }
        for (const chunk of chunks) {
          chunk.code = chunk.code.replace(bare, '');
          chunk.imports = chunk.imports.filter((f) => f !== helper.fileName);
        }
        delete bundle[helper.fileName];
      },
    },
  };
}

export default defineConfig({
  site: address.site,
  output: 'static',
  // Every route is a folder with an index.html, so links always end in "/".
  trailingSlash: 'ignore',
  // Stylesheets as files: the CSP hashes Astro computes miss the styles of components used
  // inside MDX content, so inlined <style> blocks from lessons would be blocked. Files are
  // allowed by 'self' and cached across pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    siteAddressWarning(),
    mdx(),
    preact(),
    // sitemap-index.xml + sitemap-0.xml, every page listing its versions in each language
    // (and x-default) as xhtml:link hreflang alternates, the same set its <head> declares.
    // Tool pages that carry <meta name="robots" content="noindex"> (newsletter kits, search)
    // are left out, since a sitemap should list only pages meant for search results.
    sitemap({
      filter: (page) => !/\/(share|search)\/$/.test(new URL(page).pathname),
      serialize: (item) => ({ ...item, links: sitemapLinks(item.url) }),
    }),
  ],
  // Shiki colours code with inline style attributes, which a strict CSP forbids;
  // code blocks are styled by our own stylesheet instead.
  markdown: { syntaxHighlight: false, rehypePlugins: [rehypeFocusableCode] },
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    // "/" is our own language chooser, not an automatic redirect to /en/.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // No preload lists for dynamic imports: every island and store chunk would carry a list of
  // the engine's files and Vite's preload helper (≈ 1 kB gz on view, before any run), to save
  // one round trip when the engine loads on the first run — from the same static host.
  vite: {
    plugins: [dropEmptyPreloads()],
    build: {
      modulePreload: false,
      // The engine's modules do nothing when imported (only declarations: the engine is pure),
      // so Rollup may drop a module a façade re-exports but a bundle does not use, without
      // following its imports. Otherwise one name taken from the model's façade
      // (src/engine/model/index.ts) would bring the yaml package's top-level code along.
      rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.includes('/src/engine/') } },
    },
  },
  experimental: {
    // Hash-based CSP: Astro hashes every script and style it emits into a <meta> policy,
    // so nothing inline runs unless Astro itself produced it.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
