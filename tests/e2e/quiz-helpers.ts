/**
 * Helpers for the live-lesson browser tests: wait for an island to hydrate (islands hydrate
 * when visible, so bring them into view first; clicking server HTML is lost, toolchain
 * gotcha 1), run the experiment and read the numbers every view shows.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { ensureDrawing } from './viewport';

/** The islands of the live lesson, by the test id of their root element. */
export type IslandId = 'quiz' | 'scenario-controls' | 'live-diagram' | 'rules-view' | 'trace-view';

/** Scrolls an island into view and waits until Astro has hydrated it. */
export async function hydrate(page: Page, id: IslandId): Promise<Locator> {
  const island = page.locator(`astro-island:has([data-testid="${id}"])`).first();
  // Playwright waits for a still element frame by frame; three CI runs hung in this wait, so
  // a page that stopped drawing is named and nudged, then tried once more (viewport.ts).
  await island.scrollIntoViewIfNeeded({ timeout: 15_000 }).catch(async () => {
    await ensureDrawing(page, `scrolling to the ${id} island`);
    await island.scrollIntoViewIfNeeded();
  });
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  return page.getByTestId(id);
}

/** Hydrates every island, top to bottom. */
export async function hydrateAll(page: Page): Promise<void> {
  for (const id of ['quiz', 'scenario-controls', 'live-diagram', 'rules-view', 'trace-view'] as const)
    await hydrate(page, id);
}

/** Picks an answer by its id (a–d). */
export async function pick(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="quiz"] input[name="live-answer"][value="${id}"]`).check();
}

/** Presses the run button and waits for a result newer than the one on screen. */
export async function runExperiment(page: Page): Promise<void> {
  const results = page.getByTestId('results');
  const before = (await results.count()) > 0 ? await results.getAttribute('data-run') : null;
  await page.getByTestId('run').click();
  await expect(results).toBeVisible();
  await expect(results).not.toHaveAttribute('data-run', before ?? '-');
  await expect(page.getByTestId('quiz')).toHaveAttribute('data-status', 'idle');
}

/** Connections per outcome, as the bar chart states them. */
export async function chartCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.locator('[data-testid="chart"] [data-outcome]');
  const pairs = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-outcome') ?? '', Number(e.getAttribute('data-count'))] as const),
  );
  return Object.fromEntries(pairs);
}

/** The pkts counter of the nat rule whose text contains `fragment`, in the rules view. */
export async function rulePkts(page: Page, fragment: string): Promise<number> {
  const line = page.locator('[data-testid="rules-lines"] li', { hasText: fragment }).first();
  await expect(line).toHaveAttribute('data-pkts', /\d+/);
  return Number(await line.getAttribute('data-pkts'));
}

/** Digits only: "1,234" → 1234 (numbers are formatted for the page's language). */
export function digits(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Opens the rules view's full nat table (it starts folded under what the sample fired). */
export async function openDump(page: Page): Promise<void> {
  const dump = page.getByTestId('rules-dump');
  await expect(dump).toBeAttached();
  if ((await dump.getAttribute('open')) === null) await page.getByTestId('rules-dump-toggle').click();
  await expect(dump).toHaveAttribute('open', '');
}

/** Waits for a graded result (a linked run starts on hydration) and returns [correct option, verdict]. */
export async function graded(page: Page): Promise<[string | null, string | null]> {
  await hydrate(page, 'quiz');
  const results = page.getByTestId('results');
  // On a loaded machine the linked run can take longer than expect's 5 s.
  await expect(results).toHaveAttribute('data-verdict', /correct|wrong/, { timeout: 20_000 });
  return [await results.getAttribute('data-correct'), await results.getAttribute('data-verdict')];
}
