import { describe, expect, it } from 'vitest';
import { aptCommands, planSetup, runSetup, type Machine, type Suite } from '../../../scripts/setup.mjs';

// The set-up's decisions, on invented machines: what `npm test` installs, and when it stops.

const all: Suite[] = ['types', 'lint', 'unit', 'kernel', 'browser'];
const kernelTools = ['ip', 'iptables-restore', 'nft', 'nfacct', 'ping', 'sysctl'];

function machine(overrides: Partial<Machine> & { missing?: string[] } = {}): Machine {
  const { missing = [], ...rest } = overrides;
  return {
    platform: 'linux',
    isRoot: true,
    hasAptGet: true,
    chromium: missing.includes('chromium') ? '' : '/usr/bin/chromium',
    chromiumFromEnv: '',
    hasKoreanFont: !missing.includes('korean-font'),
    hasProgram: (name) => kernelTools.includes(name) && !missing.includes(name),
    ...rest,
  };
}

describe('planSetup', () => {
  it('does nothing when everything is present', () => {
    const plan = planSetup(machine(), all);
    expect(plan).toEqual({
      present: ['chromium', 'Korean font', 'ip', 'iptables', 'nft', 'nfacct', 'ping', 'sysctl'],
      installs: [],
      stop: '',
      unchecked: '',
    });
    expect(aptCommands(plan)).toEqual([]);
  });

  it('installs a missing Chromium as root with apt-get, after one apt-get update', () => {
    const plan = planSetup(machine({ missing: ['chromium'] }), all);
    expect(plan.stop).toBe('');
    expect(aptCommands(plan)).toEqual([
      { line: "setup: updating apt's package lists (apt-get update)…", argv: ['apt-get', 'update'] },
      {
        line: 'setup: installing chromium with apt-get for the browser tests…',
        argv: ['apt-get', 'install', '-y', 'chromium'],
      },
    ]);
  });

  it('installs the missing kernel tools by their Debian packages, one step for the suite', () => {
    const plan = planSetup(machine({ missing: ['nfacct', 'nft', 'ip'] }), all);
    expect(aptCommands(plan).map((c) => c.argv)).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'iproute2', 'nftables', 'nfacct'],
    ]);
    expect(aptCommands(plan)[1]?.line).toBe('setup: installing ip, nft, nfacct with apt-get for the kernel suite…');
  });

  it('checks only what the selected suites need', () => {
    const bare = machine({ missing: ['chromium', 'nfacct'] });
    expect(planSetup(bare, ['types', 'unit'])).toEqual({ present: [], installs: [], stop: '', unchecked: '' });
    expect(planSetup(bare, ['kernel']).installs.map((i) => i.packages)).toEqual([['nfacct']]);
  });

  it('stops with the exact command when Chromium is missing and it is not root', () => {
    const plan = planSetup(machine({ isRoot: false, missing: ['chromium'] }), all);
    expect(plan.installs).toEqual([]);
    expect(plan.stop).toContain('installs it only when run as root');
    expect(plan.stop).toContain('sudo apt-get install -y chromium');
  });

  it('stops with the other ways to get a browser when there is no apt-get', () => {
    const plan = planSetup(machine({ hasAptGet: false, missing: ['chromium'] }), ['browser']);
    expect(plan.stop).toContain('There is no apt-get here');
    expect(plan.stop).toContain('export CHROMIUM_PATH=/path/to/chrome');
    expect(plan.stop).not.toContain('sudo apt-get');
  });

  it('installs a Korean font with Chromium, so the Korean pages are laid out as readers see them', () => {
    const plan = planSetup(machine({ missing: ['chromium', 'korean-font'] }), ['browser']);
    expect(aptCommands(plan)[1]).toEqual({
      line: 'setup: installing chromium, a Korean font (fonts-noto-cjk) with apt-get for the browser tests…',
      argv: ['apt-get', 'install', '-y', 'chromium', 'fonts-noto-cjk'],
    });
    expect(planSetup(machine({ missing: ['korean-font'] }), ['unit']).installs).toEqual([]);
  });

  it('says how to get a Korean font where it cannot install one, without stopping', () => {
    const plan = planSetup(machine({ isRoot: false, missing: ['korean-font'] }), ['browser']);
    expect(plan.stop).toBe('');
    expect(plan.unchecked).toContain('sudo apt-get install -y fonts-noto-cjk');
  });

  it('stops when CHROMIUM_PATH names a file that is not there', () => {
    const plan = planSetup(machine({ chromium: '', chromiumFromEnv: '/opt/chrome' }), ['browser']);
    expect(plan.installs).toEqual([]);
    expect(plan.stop).toContain('CHROMIUM_PATH is set to /opt/chrome, but there is no file there.');
  });

  it('stops, naming the packages, when root has no apt-get for missing kernel tools', () => {
    const plan = planSetup(machine({ hasAptGet: false, missing: ['nfacct', 'sysctl'] }), ['kernel']);
    expect(plan.stop).toContain('needs nfacct, sysctl');
    expect(plan.stop).toContain('on Debian: nfacct procps');
  });

  it('leaves the kernel suite to report its own skip where it cannot run at all', () => {
    // Not root, or not Linux: namespaces cannot be made, so tools would not help.
    for (const m of [
      machine({ isRoot: false, missing: ['nfacct'] }),
      machine({ platform: 'darwin', missing: ['nfacct'] }),
    ]) {
      expect(planSetup(m, ['kernel'])).toEqual({
        present: [],
        installs: [],
        stop: '',
        unchecked: "the kernel suite's tools are not checked: it runs only as root on Linux",
      });
    }
  });
});

describe('runSetup', () => {
  const clock = () => {
    let t = 0;
    return () => (t += 2);
  };

  it('prints one line and starts nothing when all is present', () => {
    const log: string[] = [];
    const ran: string[][] = [];
    const result = runSetup(all, {
      probe: () => machine(),
      exec: (argv) => (ran.push(argv), 0),
      log: (l) => log.push(l),
      now: clock(),
    });
    expect(result).toEqual({ chromium: '/usr/bin/chromium', stop: '' });
    expect(ran).toEqual([]);
    expect(log).toEqual([
      'setup: all present (chromium, Korean font, ip, iptables, nft, nfacct, ping, sysctl), checked in 2 ms',
    ]);
  });

  it("says in its one line when the kernel suite's tools were not checked", () => {
    const log: string[] = [];
    runSetup(['unit', 'kernel'], { probe: () => machine({ isRoot: false }), log: (l) => log.push(l), now: clock() });
    expect(log).toEqual([
      "setup: nothing needed, checked in 2 ms; the kernel suite's tools are not checked: it runs only as root on Linux",
    ]);
  });

  it('runs apt-get update once, then installs, then checks again', () => {
    const log: string[] = [];
    const ran: string[][] = [];
    const result = runSetup(all, {
      probe: () => machine({ missing: ['chromium', 'nfacct'] }),
      reprobe: () => machine(),
      exec: (argv) => (ran.push(argv), 0),
      log: (l) => log.push(l),
      now: clock(),
    });
    expect(result).toEqual({ chromium: '/usr/bin/chromium', stop: '' });
    expect(ran).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'chromium'],
      ['apt-get', 'install', '-y', 'nfacct'],
    ]);
    expect(log[1]).toBe('setup: installing chromium with apt-get for the browser tests…');
    expect(log.at(-1)).toMatch(/^setup: done in \d+\.\d s$/);
  });

  it('stops with the failed command when apt-get fails', () => {
    const result = runSetup(['kernel'], {
      probe: () => machine({ missing: ['nfacct'] }),
      exec: (argv) => (argv[1] === 'install' ? 100 : 0),
      log: () => {},
    });
    expect(result.stop).toContain('`apt-get install -y nfacct` failed (exit 100)');
  });

  it('goes on with the lists it has when apt-get update fails', () => {
    const log: string[] = [];
    const ran: string[][] = [];
    const result = runSetup(['kernel'], {
      probe: () => machine({ missing: ['nfacct'] }),
      reprobe: () => machine(),
      exec: (argv) => (ran.push(argv), argv[1] === 'update' ? 100 : 0),
      log: (l) => log.push(l),
    });
    expect(result.stop).toBe('');
    expect(ran.at(-1)).toEqual(['apt-get', 'install', '-y', 'nfacct']);
    expect(log[1]).toBe('setup: apt-get update failed (exit 100); trying with the package lists already here…');
  });

  it('stops when apt-get succeeded but the program is still not found', () => {
    const result = runSetup(['kernel'], {
      probe: () => machine({ missing: ['nfacct'] }),
      reprobe: () => machine({ missing: ['nfacct'] }),
      exec: () => 0,
      log: () => {},
    });
    expect(result.stop).toContain('nfacct still cannot be found');
  });

  it('does not install anything when it must stop', () => {
    const ran: string[][] = [];
    const result = runSetup(all, {
      probe: () => machine({ isRoot: false, missing: ['chromium'] }),
      exec: (argv) => (ran.push(argv), 0),
      log: () => {},
    });
    expect(ran).toEqual([]);
    expect(result.chromium).toBe('');
    expect(result.stop).toContain('sudo apt-get install -y chromium');
  });
});
