#!/usr/bin/env node
/**
 * `npm test`: every test suite of the project, then one closing line that CI reads:
 *
 *   N passed, N failed[, N skipped]
 *
 * Steps: (1) unit tests (vitest), (2) the kernel suite when vitest.kernel.config.ts exists,
 * (3) browser tests (Playwright against `astro build` + `astro preview`). Every step runs even
 * when an earlier one fails. Counts come from each runner's JSON report in reports/; a runner
 * that exits non-zero without reporting a failed test (crash, bad config, server that never
 * started) counts as one failure, so a broken run can never look green. The closing line is
 * also written to reports/summary.txt for .ci/run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const installHelp = [
  'Install one of these, then run `npm test` again:',
  '  - Debian/Ubuntu:   sudo apt-get install chromium      (found at /usr/bin/chromium)',
  '  - any Chrome/Chromium you already have:   export CHROMIUM_PATH=/path/to/chrome',
  "  - Playwright's own build:   npx playwright install chromium",
].join('\n');

/** Where Chromium is: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own build. */
function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    return fail(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.\n${installHelp}`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core missing means `npm ci` has not run; the message below covers it.
  }
  return fail(`No Chromium found, so the browser tests cannot run.\n${installHelp}`);
}

function fail(message) {
  console.error(`\n${message}\n`);
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'summary.txt'), '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Runs a command with inherited output; returns its exit code (127 when it could not start). */
function run(title, command, args, env = {}) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`${title}: could not start ${command}: ${result.error.message}`);
  return result.status ?? 127;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from a vitest JSON report; a test file that failed to load counts as a failure. */
function vitestCounts(report) {
  if (!report) return undefined;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from a Playwright JSON report; errors outside tests (e.g. the web server) count too. */
function playwrightCounts(report) {
  if (!report?.stats) return undefined;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  return { passed: expected, failed: unexpected + flaky + (report.errors ?? []).length, skipped };
}

const chromiumPath = findChromium();
console.log(`Chromium: ${chromiumPath}`);
mkdirSync(reports, { recursive: true });

const env = { ASTRO_TELEMETRY_DISABLED: '1', CHROMIUM_PATH: chromiumPath };
const steps = [
  // Types first: a type error anywhere (.astro, .ts, .tsx) fails the run as one failed check.
  { title: 'type check (astro check)', report: null, command: bin('astro'), args: ['check'], counts: null },
  {
    title: 'unit tests (vitest)',
    report: join(reports, 'vitest-unit.json'),
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest-unit.json')}`],
    counts: vitestCounts,
  },
  ...(existsSync(join(root, 'vitest.kernel.config.ts'))
    ? [
        {
          title: 'kernel suite (vitest)',
          report: join(reports, 'vitest-kernel.json'),
          command: bin('vitest'),
          args: [
            'run',
            '--config',
            'vitest.kernel.config.ts',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${join(reports, 'vitest-kernel.json')}`,
          ],
          counts: vitestCounts,
        },
      ]
    : []),
  {
    title: 'browser tests (playwright)',
    report: join(reports, 'playwright.json'),
    command: bin('playwright'),
    args: ['test'],
    counts: playwrightCounts,
  },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of steps) {
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const code = run(step.title, step.command, step.args, env);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.counts
    ? (step.counts(readJson(step.report)) ?? { passed: 0, failed: 0, skipped: 0 })
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed without saying why in the report
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`  ${step.title}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s, exit ${code})`);
}

const summary = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(join(reports, 'summary.txt'), `${summary}\n`);
console.log(`\n── summary ${'─'.repeat(62)}\n${lines.join('\n')}\n`);
console.log(summary);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
