#!/usr/bin/env node
/**
 * `npm test`: every test suite of the project, then one closing line that CI reads:
 *
 *   N passed, N failed[, N skipped]
 *
 * First the set-up (scripts/setup.mjs) makes sure the machine has what the suites need,
 * installing it with apt-get where it may, or stops with the command to run. Then: (1) the
 * type check, (2) lint and format (eslint, prettier --check), (3) unit tests (vitest), (4) the
 * kernel suite, (5) browser tests (Playwright against `astro build` + `astro preview`). `npm test -- unit kernel` runs only the named
 * suites. Every step runs even when an earlier one fails. Counts come from each runner's JSON
 * report in reports/; a runner that exits non-zero without reporting a failed test (crash, bad
 * config, server that never started) counts as one failure, so a broken run can never look
 * green. Skips are listed with their reason and the command that would lift them; with CI
 * set, a skip the machine caused counts as a failure (scripts/skips.mjs). The closing line is
 * also written to reports/summary.txt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSetup, SUITE_NAMES } from './setup.mjs';
import { isCi, playwrightSkips, skipLines, vitestSkips } from './skips.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const ci = isCi(process.env['CI']);

/** Ends the run before any suite started, still closing with the line CI reads. */
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

const allSuites = ['types', 'lint', 'unit', 'kernel', 'browser'];
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !allSuites.includes(name));
if (unknown.length > 0)
  fail(
    `npm test: unknown suite ${unknown.join(', ')}; choose from ${allSuites.join(', ')} (none means all), e.g. \`npm test -- unit kernel\`.`,
  );
const hasKernelSuite = existsSync(join(root, 'vitest.kernel.config.ts'));
const suites = (asked.length > 0 ? allSuites.filter((name) => asked.includes(name)) : allSuites).filter(
  (name) => name !== 'kernel' || hasKernelSuite,
);

const setup = runSetup(suites);
if (setup.stop) fail(`setup: ${setup.stop}`);
mkdirSync(reports, { recursive: true });

const env = { ASTRO_TELEMETRY_DISABLED: '1', ...(setup.chromium ? { CHROMIUM_PATH: setup.chromium } : {}) };
const vitestJson = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, name)}`];
const allSteps = [
  // Types first: a type error anywhere (.astro, .ts, .tsx) fails the run as one failed check.
  {
    suite: 'types',
    title: 'type check (astro check)',
    report: null,
    command: bin('astro'),
    args: ['check'],
    counts: null,
    skips: null,
  },
  // The architecture (engine purity, façades, layers) and the style, as `npm run lint` checks them.
  {
    suite: 'lint',
    title: 'lint (eslint)',
    report: null,
    command: bin('eslint'),
    args: ['.'],
    counts: null,
    skips: null,
  },
  {
    suite: 'lint',
    title: 'format (prettier --check)',
    report: null,
    command: bin('prettier'),
    args: ['--check', '.', '--log-level', 'warn'],
    counts: null,
    skips: null,
  },
  {
    suite: 'unit',
    title: 'unit tests (vitest)',
    report: join(reports, 'vitest-unit.json'),
    command: bin('vitest'),
    args: ['run', ...vitestJson('vitest-unit.json')],
    counts: vitestCounts,
    skips: vitestSkips,
  },
  {
    suite: 'kernel',
    title: 'kernel suite (vitest)',
    report: join(reports, 'vitest-kernel.json'),
    command: bin('vitest'),
    args: ['run', '--config', 'vitest.kernel.config.ts', ...vitestJson('vitest-kernel.json')],
    counts: vitestCounts,
    skips: vitestSkips,
  },
  {
    suite: 'browser',
    title: 'browser tests (playwright)',
    report: join(reports, 'playwright.json'),
    command: bin('playwright'),
    args: ['test'],
    counts: playwrightCounts,
    skips: playwrightSkips,
  },
];
const steps = allSteps.filter((step) => suites.includes(step.suite));

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of steps) {
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const code = run(step.title, step.command, step.args, env);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const report = step.report ? readJson(step.report) : undefined;
  const counts = step.counts
    ? (step.counts(report) ?? { passed: 0, failed: 0, skipped: 0 })
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // crashed without saying why in the report
  // A skip the machine caused is never green in CI: those tests count as failed there.
  const skips = step.skips ? step.skips(report) : [];
  if (ci) {
    const forced = skips.filter((g) => !g.optIn).reduce((n, g) => n + g.count, 0);
    counts.failed += forced;
    counts.skipped -= forced;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(
    `  ${step.title}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s, exit ${code})`,
  );
  lines.push(...skipLines(skips, ci));
}
const notRun = allSuites.filter((name) => !suites.includes(name));
if (notRun.length > 0) {
  lines.push(
    `  not run: ${notRun.map((name) => SUITE_NAMES[name]).join(', ')}${asked.length > 0 ? ' (not asked for)' : ''}`,
  );
}

const summary = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(join(reports, 'summary.txt'), `${summary}\n`);
console.log(`\n── summary ${'─'.repeat(62)}\n${lines.join('\n')}\n`);
console.log(summary);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
