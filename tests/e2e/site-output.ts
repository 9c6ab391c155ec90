/**
 * What the build wrote, for tests that check every page: the HTML pages under dist/ (or
 * DIST_DIR, for a build made elsewhere) as the URL paths the preview server answers.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folder the tests read: the one `astro build` wrote and `astro preview` serves. */
export const distDir = process.env['DIST_DIR'] ?? join(process.cwd(), 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** URL path of every built HTML page ("/en/challenges/bounce/", "/404.html"), sorted. */
export function builtPages(): string[] {
  return walk(distDir)
    .filter((file) => file.endsWith('.html') && !file.split(sep).includes('pagefind'))
    .map((file) => {
      const path = `/${relative(distDir, file).split(sep).join('/')}`;
      return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
    })
    .sort();
}
