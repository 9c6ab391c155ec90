/**
 * The self-hosted Hangul fallback (public/fonts/ko-label.woff2) has every glyph that English
 * pages show in Korean, stays tiny, and ships with its licence. When a string below changes,
 * run scripts/label-font.py and commit its output.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ko } from '../../../src/i18n/ko';
import { localeNames } from '../../../src/i18n/locales';

const root = process.cwd();
const { chars } = JSON.parse(readFileSync(join(root, 'src/styles/ko-label.json'), 'utf8')) as { chars: string };

describe('the Hangul label font', () => {
  it('covers the Korean that English pages show: the language switch, the chooser, the 404 page', () => {
    const shown = [
      localeNames.ko,
      ko['chooser.title'],
      ko['chooser.continue'],
      ko['notFound.title'],
      ko['notFound.body'],
      ko['notFound.home'],
      ko['notFound.challenges'],
    ].join('');
    const missing = [...new Set(shown)].filter((c) => c >= '가' && c <= '힣' && !chars.includes(c));
    expect(missing, 'run scripts/label-font.py').toEqual([]);
  });

  it('is a small woff2 served from this site, with the OFL licence next to it', () => {
    const font = join(root, 'public/fonts/ko-label.woff2');
    expect(readFileSync(font).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(statSync(font).size).toBeLessThan(20_000);
    expect(existsSync(join(root, 'public/fonts/OFL-SUIT.txt'))).toBe(true);
    const css = readFileSync(join(root, 'src/styles/global.css'), 'utf8');
    expect(css).toContain("url('/fonts/ko-label.woff2')");
    // Named after the system Korean fonts in every stack, so it is fetched only when none exists.
    for (const stack of css.match(/--font-sans:[^;]+;/g) ?? []) {
      expect(stack.indexOf("'bounce ko label'")).toBeGreaterThan(stack.indexOf("'Noto Sans CJK KR'"));
    }
  });
});
