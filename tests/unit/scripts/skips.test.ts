import { describe, expect, it } from 'vitest';
import { fixFor, isCi, playwrightSkips, skipLines, vitestSkips } from '../../../scripts/skips.mjs';

// How the summary of `npm test` reads skipped tests out of the runners' JSON reports.

/** A vitest JSON report as the kernel suite writes it when describeKernel skips a block. */
const kernelReport = {
  testResults: [
    {
      assertionResults: [
        {
          status: 'skipped',
          title: 'routes node → pod',
          ancestorTitles: ['harness plumbing [iptables] — SKIPPED: needs root to create network namespaces'],
        },
        {
          status: 'skipped',
          title: 'tears down',
          ancestorTitles: ['harness plumbing [iptables] — SKIPPED: needs root to create network namespaces'],
        },
        { status: 'passed', title: 'parses', ancestorTitles: ['cli args'] },
      ],
    },
    {
      assertionResults: [
        {
          status: 'skipped',
          title:
            'bounce: iptables-save prints … — SKIPPED: the nfacct tool is missing (apt-get install nfacct), so nfacct matches are stripped',
          ancestorTitles: [],
        },
      ],
    },
  ],
};

describe('vitestSkips', () => {
  it('groups skipped tests by the reason in their titles, with the command that lifts it', () => {
    expect(vitestSkips(kernelReport)).toEqual([
      {
        reason: 'needs root to create network namespaces',
        count: 2,
        optIn: false,
        fix: expect.stringContaining('sudo npm test'),
      },
      {
        reason: 'the nfacct tool is missing (apt-get install nfacct), so nfacct matches are stripped',
        count: 1,
        optIn: false,
        fix: expect.stringContaining('sudo apt-get install -y nfacct'),
      },
    ]);
  });

  it('names a skip that gives no reason by its test', () => {
    const report = {
      testResults: [
        {
          assertionResults: [
            { status: 'pending', title: 'later', fullName: 'parser later', ancestorTitles: ['parser'] },
          ],
        },
      ],
    };
    expect(vitestSkips(report)[0]?.reason).toBe('no reason given (parser later)');
  });

  it('reads a missing or broken report as no skips', () => {
    expect(vitestSkips(undefined)).toEqual([]);
  });
});

describe('playwrightSkips', () => {
  it('reads the skip annotation of nested specs and marks opt-in ones', () => {
    const report = {
      suites: [
        {
          specs: [{ title: 'a', tests: [{ status: 'expected', annotations: [] }] }],
          suites: [
            {
              specs: [
                {
                  title: 'bench',
                  tests: [
                    {
                      status: 'skipped',
                      annotations: [{ type: 'skip', description: 'opt-in benchmark: set TRACE_BENCH=1 to run it' }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightSkips(report)).toEqual([
      {
        reason: 'opt-in benchmark: set TRACE_BENCH=1 to run it',
        count: 1,
        optIn: true,
        fix: 'set TRACE_BENCH=1 to run it',
      },
    ]);
  });
});

describe('fixFor', () => {
  it('names the package for each missing kernel tool', () => {
    expect(fixFor('iproute2 `ip` is not installed')).toContain('apt-get install -y iproute2');
    expect(fixFor('`iptables-restore` is not installed')).toContain('apt-get install -y iptables');
    expect(fixFor('nft failed inside a namespace: not installed')).toContain('apt-get install -y nftables');
  });

  it('says where namespaces can be made when the kernel refuses them', () => {
    expect(fixFor('`ip netns add` failed: mount --make-shared /run/netns failed: Operation not permitted')).toContain(
      '--privileged',
    );
    expect(fixFor('needs Linux network namespaces (this is darwin)')).toContain('on Linux');
  });
});

describe('skipLines and isCi', () => {
  const groups = vitestSkips(kernelReport);

  it('without CI, prints each skip with its reason and the command that would make it run', () => {
    expect(skipLines(groups, false)).toEqual([
      '      SKIPPED 2 tests: needs root to create network namespaces',
      expect.stringMatching(/^ {8}to make them run: sudo npm test/),
      '      SKIPPED 1 test: the nfacct tool is missing (apt-get install nfacct), so nfacct matches are stripped',
      expect.stringMatching(/^ {8}to make it run: sudo apt-get install -y nfacct/),
    ]);
  });

  it('with CI, says the skip failed the run, and why', () => {
    expect(skipLines(groups, true)[0]).toBe(
      '      FAILED (CI): 2 tests would have skipped: needs root to create network namespaces',
    );
  });

  it('reads CI the way CI services set it', () => {
    expect([isCi('true'), isCi('1'), isCi('woodpecker')]).toEqual([true, true, true]);
    expect([isCi(undefined), isCi(''), isCi('0'), isCi('false'), isCi('FALSE')]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
