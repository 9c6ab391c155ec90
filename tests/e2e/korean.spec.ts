/**
 * Every built Korean page as a reader sees it, held to docs/glossary.md: no banned variant, no
 * particle that does not fit the value before it, no broken quote, no English UI word outside
 * code and rule listings. Pages are read after their islands have run (the lesson's experiment,
 * the playground's run and trace, the trace page's example), and the text of attributes a
 * screen reader says (aria-label, title, alt, placeholder) counts too. A failure names the
 * page, the text and the fix. Also: the language switch's "한국어" renders with a real font.
 */
import type { Page } from '@playwright/test';
import { describeFindings, lintKorean, type Finding } from '../korean/lint';
import { expect, test } from './fixtures';
import { hydrateAll, runExperiment } from './quiz-helpers';
import { builtPages } from './site-output';

/** What the page shows: per block, its text without code (for every rule) and with code (for particles after code). */
interface Shown {
  readonly prose: string[];
  readonly withCode: string[];
  readonly attributes: string[];
}

/** Reads the page's visible text the way the checks need it (runs in the browser). */
function readShown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const SKIP = 'code, pre, kbd, samp, script, style, textarea, template, [data-lint-skip]';
    const blockOf = (el: Element): Element => {
      let at: Element | null = el;
      while (at && at !== document.body) {
        const display = getComputedStyle(at).display;
        if (display !== 'inline' && display !== 'contents') return at;
        at = at.parentElement;
      }
      return document.body;
    };
    const blocks = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !(node.textContent ?? '').trim() || parent.closest(SKIP)) continue;
      blocks.add(blockOf(parent));
    }
    /** The block's own text (not nested blocks'), with or without code. */
    const textOf = (block: Element, keepCode: boolean): string => {
      let out = '';
      const visit = (n: Node): void => {
        if (n.nodeType === Node.TEXT_NODE) {
          out += n.textContent ?? '';
          return;
        }
        if (!(n instanceof Element)) return;
        if (n !== block && blocks.has(n)) {
          out += '\n';
          return;
        }
        if (n.matches('script, style, template, textarea')) return;
        if (n.matches('code, pre, kbd, samp, [data-lint-skip]')) {
          out += keepCode && !n.matches('pre') ? (n.textContent ?? '') : ' ';
          return;
        }
        n.childNodes.forEach(visit);
      };
      visit(block);
      return out.replace(/[ \t]+/g, ' ').trim();
    };
    const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')]
      .filter((el) => !el.closest(SKIP))
      .flatMap((el) =>
        ['aria-label', 'title', 'alt', 'placeholder', 'aria-description'].map((a) => el.getAttribute(a) ?? ''),
      )
      .filter((t) => t.trim() !== '');
    const list = [...blocks];
    return { prose: list.map((b) => textOf(b, false)), withCode: list.map((b) => textOf(b, true)), attributes };
  });
}

/** Every problem on the page, as "page: [rule] “text” → fix" lines. */
async function problemsOn(page: Page, where: string): Promise<string[]> {
  const shown = await readShown(page);
  const lines = (texts: readonly string[], keep: (f: Finding) => boolean) =>
    texts
      .flatMap((text) => text.split('\n'))
      .flatMap((text) => describeFindings(where, lintKorean(text, 'rendered').filter(keep)));
  return [
    ...new Set([
      ...lines(shown.prose, () => true),
      ...lines(shown.withCode, (f) => f.rule === 'particle'),
      ...lines(shown.attributes, () => true),
    ]),
  ];
}

const koreanPages = (): string[] => builtPages().filter((p) => p.startsWith('/ko/'));

test('the build has Korean pages to read', async ({ page }) => {
  expect(koreanPages()).toContain('/ko/challenges/bounce/');
  await page.goto('/ko/');
});

test('every Korean page as loaded reads as Korean', async ({ page, watch }) => {
  test.setTimeout(240_000);
  watch.allowConsoleError(/404/);
  const problems: string[] = [];
  for (const path of koreanPages()) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    problems.push(...(await problemsOn(page, path)));
  }
  expect(problems).toEqual([]);
});

test('Korean challenge pages after the experiment ran, hints and solution open', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const path of koreanPages().filter((p) => /^\/ko\/challenges\/[^/]+\/$/.test(p))) {
    await page.goto(path);
    if ((await page.getByTestId('quiz').count()) === 0) continue;
    await hydrateAll(page);
    await page.locator('[data-testid="quiz"] input[name="live-answer"]').first().check();
    await runExperiment(page);
    for (const details of await page.locator('details').all())
      await details.evaluate((d) => d.setAttribute('open', ''));
    await page.waitForLoadState('networkidle');
    problems.push(...(await problemsOn(page, `${path} (after a run)`)));
  }
  expect(problems).toEqual([]);
});

test('the Korean playground after a run, on every datapath, with a dropped connection traced', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  await page.goto('/ko/playground/');
  await expect(page.getByTestId('playground')).toHaveAttribute('data-ready', 'yes', { timeout: 60_000 });
  problems.push(...(await problemsOn(page, '/ko/playground/ (iptables)')));
  for (const mode of ['ipvs', 'cilium']) {
    await page.getByTestId(`pg-datapath-${mode}`).check();
    await expect(page.getByTestId('playground')).toHaveAttribute('data-ready', 'yes', { timeout: 60_000 });
    await page.getByTestId('trace-another').click();
    await page.waitForLoadState('networkidle');
    problems.push(...(await problemsOn(page, `/ko/playground/ (${mode})`)));
  }
  await page.getByTestId('pg-compare-run').click();
  await expect(page.getByTestId('pg-compare-table')).toBeVisible({ timeout: 60_000 });
  problems.push(...(await problemsOn(page, '/ko/playground/ (datapaths compared)')));
  expect(problems).toEqual([]);
});

test('the Korean trace page after tracing the example', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/ko/trace/');
  // A click on server HTML before the island hydrates is lost (toolchain gotcha 1).
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByTestId('trace-example').click();
  await page.getByRole('button', { name: '패킷 추적' }).click();
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  expect(await problemsOn(page, '/ko/trace/ (example traced)')).toEqual([]);
  // A dump with problems: each message, and the reason the walk stopped, in Korean.
  const broken = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':KUBE-SERVICES - [0:0]',
    '-A PREROUTING -j KUBE-SERVICES',
    '-A KUBE-SERVICES -m statistic --mode random -j ACCEPT',
    '-A KUBE-SERVICES -p tcp --dport http -j ACCEPT',
    '-A NO-SUCH-CHAIN -j ACCEPT',
    'COMMIT',
    '',
  ].join('\n');
  await page.getByTestId('trace-text').fill(broken);
  await page.getByTestId('trace-dst').fill('10.96.0.10');
  await page.getByTestId('trace-port').fill('53');
  await page.getByRole('button', { name: '패킷 추적' }).click();
  await expect(page.getByTestId('trace-problems').locator('li')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  expect(await problemsOn(page, '/ko/trace/ (a dump with problems traced)')).toEqual([]);
});

test('the language switch says 한국어 in a font that has the glyphs, on every English page', async ({ page }) => {
  test.setTimeout(180_000);
  const client = await page.context().newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('CSS.enable');
  for (const path of builtPages().filter((p) => p.startsWith('/en/') && !p.endsWith('.html'))) {
    await page.goto(path);
    const label = page.locator('[data-testid="language-switch"] span[lang="ko"]');
    await expect(label).toHaveText('한국어');
    await page.evaluate(() => document.fonts.ready);
    const { root } = await client.send('DOM.getDocument');
    const { nodeId } = await client.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-testid="language-switch"] span[lang="ko"]',
    });
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
    // Every glyph came from a real font: a system Korean face or our self-hosted subset.
    expect(
      fonts.reduce((n, f) => n + f.glyphCount, 0),
      `${path}: ${JSON.stringify(fonts)}`,
    ).toBe(3);
    expect(fonts.map((f) => f.familyName).join(', '), path).toMatch(
      /Apple SD Gothic Neo|Malgun Gothic|Noto Sans (CJK )?KR|Nanum Gothic|bounce ko label/i,
    );
  }
});
