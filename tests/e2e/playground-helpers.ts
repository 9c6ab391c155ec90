/**
 * Helpers for the playground's browser tests: open the page (optionally with a share code),
 * wait until the island has hydrated (toolchain gotcha 1) and the first run is on screen, and
 * read the run's counts.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The playground in both languages. */
export const playgroundPages = [
  { locale: 'en', path: '/en/playground/', guide: '/en/playground/datapaths/' },
  { locale: 'ko', path: '/ko/playground/', guide: '/ko/playground/datapaths/' },
] as const;

/** Opens the playground and waits for the hydrated island's first run. */
export async function openPlayground(page: Page, path: string, hash = ''): Promise<void> {
  await page.goto(`${path}${hash}`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.getByTestId('playground')).toHaveAttribute('data-ready', 'yes');
}

/** The connections per outcome of the run of the scenario on screen (waits for it to settle). */
export async function runCounts(page: Page): Promise<Record<string, number>> {
  const fresh = page.locator('[data-testid="pg-results"][data-fresh="true"]');
  await expect(fresh).toHaveCount(1);
  const text = await fresh.getAttribute('data-counts');
  return JSON.parse(text ?? '{}') as Record<string, number>;
}

/** The share code in the address bar. */
export async function shareCode(page: Page): Promise<string> {
  return new URL(page.url()).hash.replace(/^#s=/, '');
}
