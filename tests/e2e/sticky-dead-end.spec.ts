/**
 * The sticky and dead-end challenges in the browser, in both languages: a newsletter link
 * (?answer=, seed and the lesson's controls) lands on a graded run, and turning the controls
 * each lesson names changes the answer the run supports. The expected letters are what the
 * options' claims mean under kube-proxy's rules; the page gets them only from its own run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hydrate, runExperiment } from './quiz-helpers';

const locales = ['en', 'ko'] as const;

// Each test runs the engine several times (one run per link or control); a shared, loaded
// machine needs more than the default 30 s for that.
test.describe.configure({ timeout: 120_000 });

/** Opens a link and waits for the graded run it asks for. */
async function land(page: Page, path: string, query: string): Promise<void> {
  await page.goto(`${path}?${query}`);
  await hydrate(page, 'quiz');
  // A linked run starts on hydration; on a loaded machine it can take longer than expect's 5 s.
  await expect(page.getByTestId('results')).toHaveAttribute('data-correct', /[abcd]/, { timeout: 20_000 });
}

async function correct(page: Page): Promise<string | null> {
  return page.getByTestId('results').getAttribute('data-correct');
}

/** Sets one control through its radio group, as a reader does, and runs again. */
async function turn(page: Page, control: string, value: string): Promise<void> {
  await hydrate(page, 'scenario-controls');
  await page.locator(`input[name="live-${control}"][value="${value}"]`).check();
  await runExperiment(page);
}

for (const locale of locales) {
  test.describe(`${locale} dead-end`, () => {
    const path = `/${locale}/challenges/dead-end/`;

    test('a link with answer and seed lands graded: node 3 under Local times out (c)', async ({ page }) => {
      await land(page, path, 'answer=c&seed=42');
      await expect(page.locator('input[name="live-answer"][value="c"]')).toBeChecked();
      expect(await correct(page)).toBe('c');
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'correct');
    });

    test('links carry the controls: no pod ready is refused (b), Cluster or node 1 is served (a)', async ({ page }) => {
      await land(page, path, 'answer=b&ready-pod-1=notReady&ready-pod-2=notReady&seed=42');
      expect(await correct(page)).toBe('b');
      await land(page, path, 'answer=a&policy=Cluster&seed=42');
      expect(await correct(page)).toBe('a');
      await land(page, path, 'answer=a&node=node-1&seed=42');
      expect(await correct(page)).toBe('a');
    });

    test('turning the controls changes the graded answer', async ({ page }) => {
      await land(page, path, 'answer=c&seed=7');
      expect(await correct(page)).toBe('c');
      await turn(page, 'ready-pod-1', 'notReady');
      expect(await correct(page)).toBe('c');
      await turn(page, 'ready-pod-2', 'notReady');
      expect(await correct(page)).toBe('b');
      await turn(page, 'ready-pod-1', 'ready');
      await turn(page, 'ready-pod-2', 'ready');
      await turn(page, 'policy', 'Cluster');
      expect(await correct(page)).toBe('a');
      await turn(page, 'policy', 'Local');
      await turn(page, 'node', 'node-2');
      expect(await correct(page)).toBe('a');
    });
  });

  test.describe(`${locale} sticky`, () => {
    const path = `/${locale}/challenges/sticky/`;

    test('a link with answer and seed lands graded: one pod per node (b)', async ({ page }) => {
      await land(page, path, 'answer=b&seed=42');
      expect(await correct(page)).toBe('b');
      await expect(page.getByTestId('results')).toHaveAttribute('data-verdict', 'correct');
    });

    test('links carry the controls: no affinity, or a 30 s timeout, spreads the clients (c)', async ({ page }) => {
      await land(page, path, 'answer=c&affinity=None&seed=42');
      expect(await correct(page)).toBe('c');
      await land(page, path, 'answer=c&timeout=30&seed=42');
      expect(await correct(page)).toBe('c');
    });

    test('turning sessionAffinity and its timeout changes the graded answer', async ({ page }) => {
      await land(page, path, 'answer=b&seed=3');
      expect(await correct(page)).toBe('b');
      await turn(page, 'affinity', 'None');
      expect(await correct(page)).toBe('c');
      await turn(page, 'affinity', 'ClientIP');
      expect(await correct(page)).toBe('b');
      await turn(page, 'timeout', '30');
      expect(await correct(page)).toBe('c');
    });
  });
}
