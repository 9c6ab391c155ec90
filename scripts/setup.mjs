// @ts-check
/**
 * The machine set-up `npm test` does before any suite runs, in the spirit of Playwright's
 * `install --with-deps`: it looks for the programs the selected suites need and, where it is
 * allowed to (root, with apt-get), installs the missing ones from the system's own package
 * archive, showing apt's progress. Where it is not, it stops with the exact command to run.
 * It never downloads a browser from anywhere else.
 *
 * The decision (`planSetup`) is pure and takes its view of the machine as an argument, so it
 * is unit-tested with invented machines; `probeMachine` and `runSetup` do the real work.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/**
 * @typedef {'types' | 'lint' | 'unit' | 'kernel' | 'browser'} Suite
 * @typedef {{ suite: Suite, program: string, label: string, pkg: string }} Requirement
 * @typedef {{
 *   platform: string,
 *   isRoot: boolean,
 *   hasAptGet: boolean,
 *   chromium: string,
 *   chromiumFromEnv: string,
 *   hasKoreanFont: boolean,
 *   hasProgram: (name: string) => boolean,
 * }} Machine
 * @typedef {{ suite: Suite, packages: string[], labels: string[] }} Install
 * @typedef {{
 *   present: string[],
 *   installs: Install[],
 *   stop: string,
 *   unchecked: string,
 * }} Plan
 */

/** Every program a suite needs from the machine, with the Debian package that provides it. */
export const REQUIREMENTS = /** @type {readonly Requirement[]} */ ([
  { suite: 'browser', program: 'chromium', label: 'chromium', pkg: 'chromium' },
  { suite: 'kernel', program: 'ip', label: 'ip', pkg: 'iproute2' },
  { suite: 'kernel', program: 'iptables-restore', label: 'iptables', pkg: 'iptables' },
  { suite: 'kernel', program: 'nft', label: 'nft', pkg: 'nftables' },
  // kube-proxy's rules match on nfacct counters, which must exist before iptables-restore
  // accepts them (docs/kernel.md); only the nfacct tool creates them from user space.
  { suite: 'kernel', program: 'nfacct', label: 'nfacct', pkg: 'nfacct' },
  // The ping cases send real ICMP echo requests (tests/kernel/ping.test.ts).
  { suite: 'kernel', program: 'ping', label: 'ping', pkg: 'iputils-ping' },
  { suite: 'kernel', program: 'sysctl', label: 'sysctl', pkg: 'procps' },
]);

/** How the summary and the set-up lines name each suite that needs something. */
export const SUITE_NAMES = /** @type {Record<Suite, string>} */ ({
  types: 'the type check',
  lint: 'the lint and format check',
  unit: 'the unit tests',
  kernel: 'the kernel suite',
  browser: 'the browser tests',
});

const chromiumOthers = [
  '  - any Chrome/Chromium you already have:   export CHROMIUM_PATH=/path/to/chrome',
  "  - Playwright's own build:   npx playwright install chromium",
].join('\n');

/**
 * Decides what the set-up must do for `suites` on `machine`: which programs are present,
 * which packages to install with apt-get (grouped per suite), or why it must stop ("" when it
 * need not). The kernel suite runs only as root on Linux, so a machine where it cannot run at
 * all gets no kernel packages and no stop: the suite reports its own skip and how to lift it.
 * @param {Machine} machine
 * @param {readonly Suite[]} suites
 * @returns {Plan}
 */
export function planSetup(machine, suites) {
  const canInstall = machine.isRoot && machine.hasAptGet;
  /** @type {string[]} */ const present = [];
  /** @type {Install[]} */ const installs = [];
  /** @type {string[]} */ const stops = [];

  /** @type {string[]} */ const notes = [];
  if (suites.includes('browser')) {
    /** @type {Install} */ const browser = { suite: 'browser', packages: [], labels: [] };
    if (machine.chromiumFromEnv && !machine.chromium) {
      stops.push(
        `CHROMIUM_PATH is set to ${machine.chromiumFromEnv}, but there is no file there. Point it at a Chrome or Chromium, or unset it.`,
      );
    } else if (machine.chromium) {
      present.push('chromium');
    } else if (canInstall) {
      browser.packages.push('chromium');
      browser.labels.push('chromium');
    } else {
      stops.push(
        `No Chromium found, so the browser tests cannot run. ${cannotInstall(machine)}\n` +
          (machine.hasAptGet
            ? 'Run this, then `npm test` again:\n  sudo apt-get install -y chromium\nor use another browser:\n'
            : 'Use one of these, then run `npm test` again:\n') +
          chromiumOthers,
      );
    }
    // The browser tests lay out and measure the Korean pages; without a Korean font every
    // syllable is a box with other metrics, so layout checks would judge a page no reader sees.
    if (machine.hasKoreanFont) {
      present.push('Korean font');
    } else if (canInstall) {
      browser.packages.push('fonts-noto-cjk');
      browser.labels.push('a Korean font (fonts-noto-cjk)');
    } else {
      notes.push(
        'no Korean font found: Korean pages show boxes and their layout checks may fail (on Debian: sudo apt-get install -y fonts-noto-cjk)',
      );
    }
    if (browser.packages.length > 0) installs.push(browser);
  }

  if (suites.includes('kernel') && !(machine.platform === 'linux' && machine.isRoot)) {
    notes.push(`the kernel suite's tools are not checked: it runs only as root on Linux`);
  }
  if (suites.includes('kernel') && machine.platform === 'linux' && machine.isRoot) {
    const needed = REQUIREMENTS.filter((r) => r.suite === 'kernel');
    const missing = needed.filter((r) => !machine.hasProgram(r.program));
    present.push(...needed.filter((r) => !missing.includes(r)).map((r) => r.label));
    if (missing.length > 0) {
      const packages = missing.map((r) => r.pkg);
      if (canInstall) {
        installs.push({ suite: 'kernel', packages, labels: missing.map((r) => r.label) });
      } else {
        stops.push(
          `The kernel suite needs ${missing.map((r) => r.label).join(', ')}, and there is no apt-get to install them.\n` +
            `Install the packages that provide them (on Debian: ${packages.join(' ')}), then run \`npm test\` again.`,
        );
      }
    }
  }
  return { present, installs, stop: stops.join('\n\n'), unchecked: notes.join('; ') };
}

/** @param {Machine} machine */
function cannotInstall(machine) {
  if (!machine.hasAptGet) return 'There is no apt-get here to install it with.';
  return '`npm test` installs it only when run as root.';
}

/** The one line `npm test` prints for one install step. */
export function installLine(/** @type {Install} */ install) {
  return `setup: installing ${install.labels.join(', ')} with apt-get for ${SUITE_NAMES[install.suite]}…`;
}

/** The apt-get commands for a plan's installs: one update, then one install per suite. */
export function aptCommands(/** @type {Plan} */ plan) {
  if (plan.installs.length === 0) return [];
  return [
    { line: "setup: updating apt's package lists (apt-get update)…", argv: ['apt-get', 'update'] },
    ...plan.installs.map((install) => ({
      line: installLine(install),
      argv: ['apt-get', 'install', '-y', ...install.packages],
    })),
  ];
}

/** Whether `name` is an executable file in PATH or the sbin folders root's PATH usually has. */
function hasProgram(/** @type {string} */ name) {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return dirs.some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Where Chromium is: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own build ("" when nowhere). */
function findChromium() {
  const fromEnv = process.env['CHROMIUM_PATH'] ?? '';
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : '';
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No playwright-core means `npm ci` has not run; then only the system's Chromium counts.
  }
  return '';
}

/** Font files that carry Hangul, by the names Debian's Korean-capable font packages give them. */
const KOREAN_FONT = /(NotoSansCJK|NotoSerifCJK|NotoSansKR|SourceHanSans|Nanum|UnDotum|UnBatang|baekmuk|wqy-zenhei)/i;

/** Whether a font with Hangul is installed where fontconfig looks (a directory walk, no process). */
function findKoreanFont() {
  /** @type {(dir: string, depth: number) => boolean} */
  const walk = (dir, depth) => {
    if (depth > 4) return false;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => (e.isDirectory() ? walk(join(dir, e.name), depth + 1) : KOREAN_FONT.test(e.name)));
  };
  const home = process.env['HOME'] ?? '';
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    home && join(home, '.fonts'),
    home && join(home, '.local/share/fonts'),
  ]
    .filter(Boolean)
    .some((dir) => walk(dir, 0));
}

/**
 * The real machine, seen through cheap file checks only (no process is started), so the
 * check costs milliseconds. BOUNCE_SETUP_PRETEND_MISSING (a comma list of labels, e.g.
 * "chromium,nfacct") makes present programs look missing, to exercise the install path on a
 * machine that already has them; apt-get then finds them installed and changes nothing.
 * @param {{ pretendMissing?: readonly string[] }} [options]
 * @returns {Machine}
 */
export function probeMachine(options = {}) {
  const pretend = new Set(options.pretendMissing ?? []);
  const programOf = (/** @type {string} */ label) => REQUIREMENTS.find((r) => r.label === label)?.program;
  const hidden = new Set([...pretend].map(programOf));
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: hasProgram('apt-get'),
    chromium: pretend.has('chromium') ? '' : findChromium(),
    chromiumFromEnv: pretend.has('chromium') ? '' : (process.env['CHROMIUM_PATH'] ?? ''),
    hasKoreanFont: !pretend.has('korean-font') && findKoreanFont(),
    hasProgram: (name) => !hidden.has(name) && hasProgram(name),
  };
}

/** Labels named in BOUNCE_SETUP_PRETEND_MISSING. */
export function pretendedMissing(/** @type {string | undefined} */ value) {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Runs the set-up for `suites`: prints one line when all is present, otherwise installs
 * what is missing with apt-get (its progress shown as it runs), then checks again.
 * Returns the Chromium to use ("" when the browser tests were not selected), or the reason to
 * stop, with the command to run.
 * @param {readonly Suite[]} suites
 * @param {{
 *   probe?: () => Machine,
 *   reprobe?: () => Machine,
 *   exec?: (argv: string[]) => number,
 *   log?: (line: string) => void,
 *   now?: () => number,
 * }} [io]
 * @returns {{ chromium: string, stop: string }}
 */
export function runSetup(suites, io = {}) {
  const now = io.now ?? (() => performance.now());
  const log = io.log ?? ((line) => console.log(line));
  const pretend = pretendedMissing(process.env['BOUNCE_SETUP_PRETEND_MISSING']);
  const probe = io.probe ?? (() => probeMachine({ pretendMissing: pretend }));
  const reprobe = io.reprobe ?? (() => probeMachine());
  const exec = io.exec ?? aptGet;
  const started = now();
  const machine = probe();
  const plan = planSetup(machine, suites);
  if (plan.stop) return { chromium: '', stop: plan.stop };
  const commands = aptCommands(plan);
  if (commands.length === 0) {
    const ms = Math.round(now() - started);
    const what = plan.present.length > 0 ? `all present (${plan.present.join(', ')})` : 'nothing needed';
    log(`setup: ${what}, checked in ${ms} ms${plan.unchecked ? `; ${plan.unchecked}` : ''}`);
    return { chromium: machine.chromium, stop: '' };
  }
  for (const { line, argv } of commands) {
    log(line);
    const code = exec(argv);
    if (code !== 0 && argv[1] === 'update') {
      // Lists from an earlier update may still hold the packages (an offline mirror, say).
      log(`setup: apt-get update failed (exit ${code}); trying with the package lists already here…`);
    } else if (code !== 0) {
      return {
        chromium: '',
        stop: `\`${argv.join(' ')}\` failed (exit ${code}). Fix what apt-get said above, or run it yourself:\n  ${argv.join(' ')}\nthen \`npm test\` again.`,
      };
    }
  }
  const after = reprobe();
  const still = planSetup(after, suites);
  const left = still.installs.flatMap((i) => i.labels);
  if (still.stop || left.length > 0) {
    return {
      chromium: '',
      stop: still.stop || `apt-get finished, but ${left.join(', ')} still cannot be found in PATH or /usr/sbin.`,
    };
  }
  log(`setup: done in ${((now() - started) / 1000).toFixed(1)} s`);
  return { chromium: after.chromium, stop: '' };
}

/** Runs apt-get with its output shown, never asking questions; returns its exit code. */
function aptGet(/** @type {string[]} */ argv) {
  const [command = 'apt-get', ...args] = argv;
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status ?? 127;
}
