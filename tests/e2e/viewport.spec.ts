/**
 * The browser tests' own guard against a page that stops drawing (viewport.ts): it is named,
 * replaced by a fresh page where the step runs again, and a failure on a page that still
 * draws is never retried. A page is made to "stop drawing" by taking its animation frames away.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { applyState, controlStates } from './lab-helpers';
import { hydrate, runExperiment } from './quiz-helpers';
import { resize, stepOnDrawingPage } from './viewport';

const open = async (page: Page) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 360, height: 844 });
  await page.goto('/en/challenges/bounce/');
  await hydrate(page, 'quiz');
  await runExperiment(page);
  await hydrate(page, 'live-diagram');
};

test('a page that stops drawing is replaced, and only such a page', async ({ page: first }) => {
  test.setTimeout(90_000);
  await open(first);
  const states = await controlStates(first);
  const steps: Page[] = [];
  const page = await stepOnDrawingPage(first, open, async (current) => {
    steps.push(current);
    await applyState(current, states[1] ?? {});
    if (steps.length === 1) await current.evaluate(() => (window.requestAnimationFrame = () => 0));
    await resize(current, 768, 844);
  });
  expect(steps).toEqual([first, page]);
  expect(first.isClosed()).toBe(true);
  // The fresh page is at the point `open` brought it to, with the step's state applied.
  await expect(page.getByTestId('live-diagram')).not.toHaveAttribute('data-destination', '');
  expect(page.viewportSize()).toEqual({ width: 768, height: 844 });

  let tries = 0;
  const failing = stepOnDrawingPage(page, open, () => {
    tries++;
    throw new Error('a real failure');
  });
  await expect(failing).rejects.toThrow('a real failure');
  expect(tries).toBe(1);
});
