/**
 * The site's public address, from SITE_URL. Every absolute URL (canonical and hreflang links,
 * og:url, feeds, sitemap, the newsletter kit's snippets) is built on it, so a build without it
 * falls back to the local preview's address, and says so: a link to 127.0.0.1 in a
 * newsletter reaches nobody.
 */

/** The address `astro preview` serves on, used when SITE_URL is not set. */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

/** What the build uses as `site`, and what to warn about. */
export interface SiteAddress {
  readonly site: string;
  /** "" when the address is fine; otherwise the warning for the build log. */
  readonly warning: string;
}

/** Whether `url` points at this computer only (loopback, localhost, the unspecified address). */
export function isLocalAddress(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]'
  );
}

/**
 * Reads SITE_URL: unset or empty gives the local address with a warning; a value that is not
 * an absolute http(s) URL is an error that names the variable and the value.
 */
export function siteAddress(value: string | undefined): SiteAddress {
  const raw = (value ?? '').trim();
  if (raw === '') {
    return {
      site: LOCAL_SITE,
      warning: `SITE_URL is not set, so every absolute link (canonical, feeds, sitemap, the newsletter kits' snippets) points at ${LOCAL_SITE}. Build with SITE_URL=https://your.host npm run build before you deploy.`,
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute address such as https://bounce.example.org, not "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must start with https:// or http://, not "${url.protocol}" ("${raw}").`);
  }
  const warning = isLocalAddress(url)
    ? `SITE_URL is ${raw}, an address only this computer can reach; the newsletter kits' snippets will link there.`
    : '';
  return { site: url.href.replace(/\/$/, ''), warning };
}
