import { existsSync } from 'node:fs';
import { defineConfig, devices, type LaunchOptions } from '@playwright/test';

/**
 * Browser tests against the built site: `astro build` + `astro preview`, never the dev
 * server, so the CSP, the 404 handling and the output are what a static host serves.
 * Chromium is Debian's (or CHROMIUM_PATH); Playwright's own build is used only when neither
 * exists, and nothing here ever downloads a browser.
 */
// E2E_PORT lets several checkouts run their browser tests side by side without sharing a server.
const port = Number(process.env['E2E_PORT'] ?? 4329);
const systemChromium = process.env['CHROMIUM_PATH'] || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

const launchOptions: LaunchOptions = {
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  ...(systemChromium ? { executablePath: systemChromium } : {}),
};

export default defineConfig({
  testDir: 'tests/e2e',
  retries: 0,
  forbidOnly: !!process.env['CI'],
  fullyParallel: true,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  // Recording a trace costs about a third of the suite's time even when it is thrown away, so
  // it is opt-in: E2E_TRACE=1 keeps one for each failed test (npx playwright show-trace …).
  // No click or scroll here has a reason to wait more than seconds; one stuck for 30 s is stuck
  // for good (a CI run spent a test's whole 4 minutes in one), so it fails then, naming itself.
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: process.env['E2E_TRACE'] ? 'retain-on-failure' : 'off',
    actionTimeout: 30_000,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: `npm run build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/en/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
