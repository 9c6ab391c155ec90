/**
 * The trace page with large dumps: a 20,000-line dump (1,000 NodePort Services × 3
 * endpoints, from the engine's generator) loaded through the file picker traces in the
 * worker with progress, the page stays responsive, and cancel stops it. With
 * TRACE_BENCH=1 the same runs on 5,000 Services (~100,000 lines), prints the timings and
 * holds the page to issue 17's budget: no frame waits more than 200 ms while tracing. It is
 * opt-in because a shared CI machine's own load would be measured too.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { bigDump } from '../unit/trace/fixtures/bigCluster';
import { expect, test } from './fixtures';

async function open(page: Page): Promise<void> {
  await page.goto('/en/trace/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Loads `text` through the file picker and fills the packet for the dump's last NodePort. */
async function load(page: Page, dump: ReturnType<typeof bigDump>): Promise<void> {
  await page.getByTestId('trace-file').setInputFiles({
    name: 'node-2.rules',
    mimeType: 'text/plain',
    buffer: Buffer.from(dump.text),
  });
  await expect(page.getByTestId('trace-input-note')).toContainText('node-2.rules', { timeout: 30_000 });
  await expect(page.getByTestId('trace-port')).toHaveValue('30000');
  await page.getByTestId('trace-dst').fill(dump.nodeIP);
  await page.getByTestId('trace-port').fill(String(dump.nodePort));
  await page.getByTestId('trace-local').fill(`${dump.nodeIP}, 127.0.0.1`);
}

/** Starts watching the tracer's states and the longest gap between animation frames. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      states: string[];
      maxGap: number;
      watching: boolean;
    };
    w.states = [];
    w.maxGap = 0;
    w.watching = true;
    const el = document.querySelector('[data-testid="trace-progress"]') as HTMLElement;
    const note = () => {
      const bar = el.querySelector('progress');
      const s = `${el.dataset['state']}:${bar?.dataset['phase'] ?? ''}`;
      if (w.states[w.states.length - 1] !== s) w.states.push(s);
    };
    new MutationObserver(note).observe(el, {
      attributes: true,
      subtree: true,
      childList: true,
    });
    let last = performance.now();
    const frame = (t: number) => {
      if (!w.watching) return;
      w.maxGap = Math.max(w.maxGap, t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function traced(page: Page): Promise<{
  states: string[];
  maxGap: number;
  parse: number;
  worker: number;
  page: number;
  lines: number;
}> {
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const results = page.getByTestId('trace-results');
  const [parse, worker, pageMs, lines] = await Promise.all(
    ['data-parse-ms', 'data-worker-ms', 'data-page-ms', 'data-lines'].map(async (a) =>
      Number(await results.getAttribute(a)),
    ),
  );
  const w = await page.evaluate(() => {
    const v = window as unknown as {
      states: string[];
      maxGap: number;
      watching: boolean;
    };
    v.watching = false;
    return { states: v.states, maxGap: v.maxGap };
  });
  return {
    ...w,
    parse: parse ?? 0,
    worker: worker ?? 0,
    page: pageMs ?? 0,
    lines: lines ?? 0,
  };
}

test('a 20,000-line dump traces in the worker, with progress, and can be cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  const dump = bigDump(1_000, 3);
  expect(dump.lines).toBeGreaterThan(19_000);
  await open(page);
  await load(page, dump);
  await watch(page);
  await page.getByTestId('trace-submit').click();
  const t = await traced(page);
  // Progress was shown: reading the rules, then the run's determinate bar.
  expect(t.states).toContain('running:parse');
  expect(t.states).toContain('running:run');
  expect(t.lines).toBe(dump.lines);
  const rows = page.getByTestId('trace-exact').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const p of await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-probability')))))
    expect(p).toBeCloseTo(1 / 3, 6);
  // The long run of KUBE-NODEPORTS misses is folded, and its rules are in the windowed view.
  await expect(page.getByTestId('trace-group').first()).toBeVisible();
  await expect(page.getByTestId('trace-dump')).toHaveAttribute('data-lines', String(dump.lines));

  // Cancel: a slow trace stopped while it runs keeps the old results. A `recent` rule makes
  // the rules stateful, so each of the 100,000 connections is walked in full (no cache).
  const slow = dump.text.replace('\n-A PREROUTING ', '\n-A PREROUTING -m recent --set --name probe\n-A PREROUTING ');
  await page
    .getByTestId('trace-file')
    .setInputFiles({ name: 'slow.rules', mimeType: 'text/plain', buffer: Buffer.from(slow) });
  await expect(page.getByTestId('trace-input-note')).toContainText('slow.rules', { timeout: 30_000 });
  await page.getByTestId('trace-runcount').selectOption('100000');
  await page.getByTestId('trace-submit').click();
  await expect(page.getByTestId('trace-progress').locator('progress[data-phase="run"]')).toBeVisible({
    timeout: 60_000,
  });
  await page.getByTestId('trace-cancel').click();
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('trace-exact').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('trace-stale')).toBeVisible();
});

test.describe('benchmark', () => {
  // Decided before any fixture runs, so a skipped benchmark loads nothing.
  test.skip(!process.env['TRACE_BENCH'], 'opt-in benchmark: set TRACE_BENCH=1 to run it');

  test('100,000 lines (5,000 Services × 3 endpoints), and the page JS size', async ({ page }) => {
    test.setTimeout(600_000);
    const js = new Map<string, number[]>();
    page.on('response', async (r) => {
      const url = new URL(r.url());
      if (!url.pathname.endsWith('.js')) return;
      const body = await r.body();
      js.set(url.pathname, [body.length, gzipSync(body, { level: 9 }).length]);
    });
    const dump = bigDump(5_000, 3);
    await open(page);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    );
    await load(page, dump);
    const rounds: string[] = [];
    const gaps: number[] = [];
    for (let round = 1; round <= 3; round++) {
      // A different LOCAL list each round, so the rules are parsed again every time.
      await page.getByTestId('trace-local').fill(`${dump.nodeIP}, 10.99.0.${round}`);
      await watch(page);
      await page.getByTestId('trace-submit').click();
      const t = await traced(page);
      gaps.push(t.maxGap);
      rounds.push(
        `round ${round}: ${t.lines} lines; parse+compile ${t.parse} ms, whole job in the worker ${t.worker} ms, click to results ${t.page} ms; longest frame gap while tracing ${Math.round(t.maxGap)} ms`,
      );
    }
    const sizes = [...js].map(([path, [raw, gz]]) => ({
      path,
      raw: raw ?? 0,
      gz: gz ?? 0,
    }));
    const worker = sizes.filter((s) => s.path.includes('trace.worker'));
    const pageJs = sizes.filter((s) => !s.path.includes('trace.worker'));
    const inlineGz = inline.reduce((a, s) => a + gzipSync(Buffer.from(s), { level: 9 }).length, 0);
    const sum = (xs: { raw: number; gz: number }[]) =>
      `${xs.reduce((a, x) => a + x.raw, 0)} B raw / ${xs.reduce((a, x) => a + x.gz, 0)} B gzip`;
    console.log(
      [
        ...rounds,
        `page JS: ${pageJs.length} files, ${sum(pageJs)} (+ inline ${inlineGz} B gzip)`,
        ...pageJs.map((s) => `  ${s.path}: ${s.raw} / ${s.gz}`),
        `worker JS (fetched at the first trace): ${sum(worker)}`,
      ].join('\n'),
    );
    // Parsing and walking run in the worker, so the page keeps drawing frames throughout.
    expect(Math.max(...gaps), 'longest frame gap while tracing, ms').toBeLessThanOrEqual(200);
  });
});
