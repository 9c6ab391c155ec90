// @ts-check
/**
 * Skipped tests, read from the runners' JSON reports, so the summary can say why each one
 * skipped and what would make it run. The kernel suite names a skip in the test's title
 * ("… — SKIPPED: needs root to create network namespaces", see tests/kernel/harness/suite.ts);
 * Playwright carries the reason in the test's `skip` annotation. A reason that starts with
 * "opt-in" marks a test that runs only when asked (a benchmark); every other skip is the
 * machine's fault, and with CI set it counts as a failure.
 */

/** @typedef {{ reason: string, count: number, optIn: boolean, fix: string }} SkipGroup */

const MARKER = 'SKIPPED: ';

/** What would make a skip with this reason run (a command, or what to change). */
export function fixFor(/** @type {string} */ reason) {
  if (/^opt-in/i.test(reason)) return reason.replace(/^opt-in[^:]*:\s*/i, '');
  if (/needs root/.test(reason)) return 'sudo npm test   (as root, `npm test` also installs what the suite needs)';
  if (/needs Linux/.test(reason))
    return 'run `npm test` on Linux as root (a Debian 12 VM, or a container started with --privileged)';
  if (/ip netns add/.test(reason))
    return 'run where network namespaces can be made: as root on the host, or in a container started with --privileged';
  const packages = [
    [/`ip`|iproute2/, 'iproute2'],
    [/iptables-restore/, 'iptables'],
    [/\bnft\b/, 'nftables'],
    [/nfacct/, 'nfacct'],
  ].flatMap(([pattern, pkg]) =>
    /** @type {RegExp} */ (pattern).test(reason) && /not installed|missing/.test(reason) ? [pkg] : [],
  );
  if (packages.length > 0)
    return `sudo apt-get install -y ${packages.join(' ')}   (or \`sudo npm test\`, which installs it)`;
  return 'see the reason; nothing in the set-up can lift it';
}

/** The reason a skipped vitest test gives in its title or its describe blocks' titles. */
function vitestReason(/** @type {{ title?: string, ancestorTitles?: string[], fullName?: string }} */ test) {
  for (const title of [test.title ?? '', ...(test.ancestorTitles ?? [])]) {
    const at = title.indexOf(MARKER);
    if (at >= 0) return title.slice(at + MARKER.length).trim();
  }
  return `no reason given (${test.fullName ?? test.title ?? 'unnamed test'})`;
}

/**
 * Skipped tests of a vitest JSON report, grouped by reason.
 * @param {any} report
 * @returns {SkipGroup[]}
 */
export function vitestSkips(report) {
  /** @type {string[]} */ const reasons = [];
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' || test.status === 'pending') reasons.push(vitestReason(test));
    }
  }
  return group(reasons);
}

/**
 * Skipped tests of a Playwright JSON report, grouped by the reason of their skip annotation.
 * @param {any} report
 * @returns {SkipGroup[]}
 */
export function playwrightSkips(report) {
  /** @type {string[]} */ const reasons = [];
  /** @param {any} suite */
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const note = (test.annotations ?? []).find((/** @type {any} */ a) => a.type === 'skip' || a.type === 'fixme');
        reasons.push(note?.description || `no reason given (${spec.title})`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  return group(reasons);
}

/** @param {string[]} reasons @returns {SkipGroup[]} */
function group(reasons) {
  /** @type {Map<string, number>} */ const counts = new Map();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count, optIn: /^opt-in/i.test(reason), fix: fixFor(reason) }));
}

/** Whether CI is set (any value but "", "0" or "false"). */
export function isCi(/** @type {string | undefined} */ value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The summary lines for one suite's skips. With CI set, a skip that is not opt-in is a
 * failure; without, it is printed with the command that would make it run.
 * @param {SkipGroup[]} groups
 * @param {boolean} ci
 */
export function skipLines(groups, ci) {
  return groups.flatMap((g) => {
    const tests = `${g.count} test${g.count === 1 ? '' : 's'}`;
    if (g.optIn) return [`      ${tests} skipped on purpose: ${g.reason}`];
    if (ci)
      return [
        `      FAILED (CI): ${tests} would have skipped: ${g.reason}`,
        `        to make ${g.count === 1 ? 'it' : 'them'} run: ${g.fix}`,
      ];
    return [`      SKIPPED ${tests}: ${g.reason}`, `        to make ${g.count === 1 ? 'it' : 'them'} run: ${g.fix}`];
  });
}
