/**
 * robots.txt: everything may be crawled; the sitemap (with hreflang alternates) says what
 * there is. Generated so the sitemap's address follows SITE_URL.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt: `site` is not set in astro.config.mjs (it comes from SITE_URL)');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
