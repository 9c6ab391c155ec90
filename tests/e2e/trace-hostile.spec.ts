/**
 * The trace page stays responsive whatever is loaded: a 1,000,000-line dump and text crafted
 * to slow the format guess are read in the worker, kept out of the text area, and no
 * main-thread task takes longer than 200 ms (measured with a long-task observer). Hostile
 * chain names and comments stay text. Budgets, not timings of a unit: a loaded machine can
 * make this fail; to measure, run it alone (E2E_PORT=… npx playwright test tests/e2e/trace-hostile.spec.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const BUDGET_MS = 200;

async function open(page: Page): Promise<void> {
  await page.goto('/en/trace/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; since: number };
    w.longest = 0;
    w.since = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= w.since) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}

/**
 * Forgets the tasks so far: loading the page, and Playwright handing a file buffer to the page
 * by decoding it on the page's main thread (setInputFiles), are not the page's cost.
 */
async function restart(page: Page): Promise<void> {
  // By start time: the observer may yet hear of a task that ran before this one.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; since: number };
    w.longest = 0;
    w.since = performance.now();
  });
}

async function longest(page: Page): Promise<number> {
  // Two frames, so a task still running has finished and been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { longest: number }).longest);
}

/** A 1,000,000-line iptables-save dump (~40 MB). Self-contained: the paste test runs it in the page. */
function millionLines(): string {
  const l = [
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':KUBE-BIG - [0:0]',
    '-A INPUT -j KUBE-BIG',
  ];
  for (let i = 0; l.length < 999_999; i++)
    l.push(`-A KUBE-BIG -s 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32 -j RETURN`);
  l.push('COMMIT');
  return `${l.join('\n')}\n`;
}

/** The loaded dump is announced, kept out of the text area, and its view holds every line. */
async function shownDetached(page: Page): Promise<void> {
  await expect(page.getByTestId('trace-loaded')).toContainText('1,000,000 lines', { timeout: 120_000 });
  await expect(page.getByTestId('trace-text')).toBeHidden();
  await expect(page.getByTestId('trace-text')).toHaveValue('');
  await page.getByTestId('trace-loaded-show').click();
  await expect(page.getByTestId('trace-dump')).toHaveAttribute('data-lines', '1000000');
  // Windowed: a screenful of rows in the DOM, not a million.
  expect(await page.locator('.trace-dump__row').count()).toBeLessThan(200);
}

test.describe('benchmark', () => {
  // Issue 17. Longest main-thread task on this project's 2-core machine at load ~2, file /
  // paste: 0–74 ms / 0–77 ms, mostly none over 50 ms (the "show" click's render is the
  // largest); with Chromium's CPU throttled 4× 150–360 ms / 150–210 ms. Before the file went
  // to the worker as a Blob (read here a chunk per task) and a large paste in 1 M-character
  // parts: 62–277 ms / 51–82 ms, 4×: 410–650 ms / 365–815 ms, and 1,381 ms at load 28. What
  // is left grows with the text: joining the file's chunks into one string (~30 ms) and a GC.
  // Each test takes 4–6 s, so they run by default.
  // In order, in one worker: two 40 MB loads side by side would each measure the other.
  test.describe.configure({ mode: 'default' });

  test('a 1,000,000-line file loads without a main-thread task over 200 ms, outside the text area', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    // Handed over by path, so the browser reads the file itself: a buffer would be decoded on
    // the page's main thread by Playwright, which is the test's cost, not the page's.
    const file = testInfo.outputPath('million.rules');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, millionLines());
    await open(page);
    await restart(page);
    await page.getByTestId('trace-file').setInputFiles(file);
    await shownDetached(page);
    const ms = await longest(page);
    console.log(`1,000,000-line file: longest main-thread task ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  test('a 1,000,000-line paste loads without a main-thread task over 200 ms, outside the text area', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await open(page);
    // Built in the page beforehand (the test's cost); the paste event alone is the page's.
    await page.evaluate(
      `window.pasted = new DataTransfer(); window.pasted.setData('text/plain', (${millionLines})());`,
    );
    await restart(page);
    await page.getByTestId('trace-text').evaluate((area) => {
      const clipboardData = (window as unknown as { pasted: DataTransfer }).pasted;
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    });
    await shownDetached(page);
    const ms = await longest(page);
    console.log(`1,000,000-line paste: longest main-thread task ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

test('text crafted to slow the format guess is guessed in the worker', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  for (const [name, text] of [
    ['save.txt', `*filter\n${'x -A KUBE-SERVICES '.repeat(110_000)}`],
    ['nft.txt', 'set nodeport-ips {'.repeat(120_000)],
  ] as const) {
    await page.getByTestId('trace-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await restart(page);
    await expect(page.getByTestId('trace-loaded')).toContainText('lines', { timeout: 60_000 });
  }
  const ms = await longest(page);
  console.log(`crafted guess text: longest main-thread task ${Math.round(ms)} ms`);
  expect(ms).toBeLessThan(BUDGET_MS);
});

test('hostile chain names, comments and file names stay inert; quoted fan-out is refused in seconds', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  const q = (n: string) => `"${n}"`;
  const fan = [
    'table ip t {',
    '  chain base {',
    '    type filter hook prerouting priority 0; policy accept;',
    `    jump ${q('c1')}`,
    `    jump ${q('c1')}`,
    '  }',
  ];
  for (let i = 1; i <= 24; i++)
    fan.push(
      `  chain c${i} {`,
      ...(i < 24
        ? [`    jump ${q(`c${i + 1}`)}`, `    jump ${q(`c${i + 1}`)}`]
        : ['    counter comment "<img src=x onerror=alert(1)>\u202e"']),
      '  }',
    );
  fan.push('}');
  await page
    .getByTestId('trace-file')
    .setInputFiles({ name: 'evil\u202e<b>.nft', mimeType: 'text/plain', buffer: Buffer.from(fan.join('\n')) });
  await expect(page.getByTestId('trace-input-note')).toContainText('U+202E');
  await page.getByTestId('trace-dst').fill('192.168.10.12');
  await page.getByTestId('trace-port').fill('80');
  await page.getByTestId('trace-local').fill('192.168.10.12, 127.0.0.1');
  await page.getByTestId('trace-submit').click();
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('trace-refusal')).toHaveAttribute('data-refusal', 'too-costly');
  await expect(page.getByTestId('trace-refusal')).toContainText('c1');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
