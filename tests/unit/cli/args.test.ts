/** The tracer's argument parser: accepted forms and one-line errors. */
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseArgs } from '../../../src/cli/args';

const error = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) return e.message;
    throw e;
  }
  throw new Error('no error');
};

describe('parseArgs', () => {
  it('scenario mode with defaults', () => {
    expect(parseArgs(['--scenario', 'a.yaml', 'b.yaml', '--to', 'node/node-2:30080'])).toEqual({
      mode: 'scenario',
      scenarios: ['a.yaml', 'b.yaml'],
      from: 'client',
      to: 'node/node-2:30080',
      rulesOut: false,
      style: 'kube-proxy',
      family: 'ipv4',
      protocol: 'tcp',
      seed: '1',
      json: false,
      trace: false,
      lang: 'en',
    });
  });

  it('every option, --opt=value spelling too', () => {
    expect(
      parseArgs([
        '--scenario=-',
        '--node',
        'node-2',
        '--from=pod/pod-1',
        '--to',
        'svc/web',
        '--proto',
        'udp',
        '--count',
        '500',
        '--seed',
        'abc',
        '--json',
        '--trace',
        '--lang',
        'ko',
      ]),
    ).toMatchObject({
      scenarios: ['-'],
      node: 'node-2',
      from: 'pod/pod-1',
      protocol: 'udp',
      count: 500,
      seed: 'abc',
      json: true,
      trace: true,
      lang: 'ko',
    });
  });

  it('rules-out', () => {
    expect(parseArgs(['--scenario', 'a.yaml', '--rules-out', '--node', 'node-1', '--style', 'kernel'])).toMatchObject({
      mode: 'scenario',
      rulesOut: true,
      node: 'node-1',
      style: 'kernel',
    });
  });

  it('rules mode', () => {
    expect(
      parseArgs([
        '--rules',
        '-',
        '--local-ip',
        '10.0.0.1',
        '--local-ip',
        '10.0.0.2',
        '--dst',
        '10.0.0.1:30080',
        '--src',
        '1.2.3.4',
      ]),
    ).toEqual({
      mode: 'rules',
      rules: '-',
      localIPs: ['10.0.0.1', '10.0.0.2'],
      dst: '10.0.0.1:30080',
      src: '1.2.3.4',
      protocol: 'tcp',
      seed: '1',
      json: false,
      trace: false,
      lang: 'en',
    });
  });

  it('--from-node belongs to rules mode', () => {
    expect(
      parseArgs(['--rules', 'a', '--local-ip', '10.0.0.1', '--dst', '10.96.0.1:443', '--from-node']),
    ).toMatchObject({ mode: 'rules', fromNode: true });
    expect(parseArgs(['--rules', 'a', '--local-ip', '10.0.0.1', '--dst', '10.96.0.1:443'])).not.toHaveProperty(
      'fromNode',
    );
    expect(() => parseArgs(['--scenario', 'a.yaml', '--to', 'svc/web', '--from-node'])).toThrow(
      '--from-node works with --rules; with --scenario use --from node/NAME',
    );
  });

  it('help', () => {
    expect(parseArgs(['--help'])).toEqual({ mode: 'help' });
    expect(parseArgs(['-h', '--bogus-is-ignored-after-help'].slice(0, 1))).toEqual({ mode: 'help' });
  });

  it.each([
    [[], 'give --scenario FILE… (manifests) or --rules FILE (an iptables-save dump); see --help'],
    [['--scenario'], '--scenario needs at least one manifest file (or - for stdin)'],
    [['--scenario', 'a', '--rules', 'b'], 'give either --scenario or --rules, not both'],
    [['--scenario', 'a'], '--scenario needs --to (e.g. --to node/node-2:30080), or --rules-out --node NAME'],
    [['--scenario', 'a', '--rules-out'], '--rules-out needs --node NAME (whose rules to print)'],
    [['--scenario', 'a', '--to', 'x', '--style', 'kernel'], '--style only applies to --rules-out'],
    [
      ['--scenario', 'a', '--rules-out', '--node', 'n', '--style', 'pretty'],
      '--style must be kube-proxy or kernel, not "pretty"',
    ],
    [
      ['--scenario', 'a', '--to', 'x', '--dst', '1.2.3.4:80'],
      '--dst works with --rules; with --scenario use --from, --to and --node',
    ],
    [
      ['--rules', 'r', '--dst', '1.2.3.4:80'],
      '--rules needs at least one --local-ip (the addresses that count as LOCAL on that node)',
    ],
    [['--rules', 'r', '--local-ip', '1.2.3.4'], '--rules needs --dst IP:PORT'],
    [
      ['--rules', 'r', '--local-ip', '1.2.3.4', '--dst', 'x', '--to', 'y'],
      '--to works with --scenario; with --rules use --local-ip, --src and --dst',
    ],
    [['--scenario', 'a', '--to', 'x', '--proto', 'gre'], '--proto must be tcp, udp, sctp or icmp, not "gre"'],
    [['--scenario', 'a', '--to', 'x', '--count', '0'], '--count must be a whole number from 1 to 100000000, not "0"'],
    [
      ['--scenario', 'a', '--to', 'x', '--count', '1.5'],
      '--count must be a whole number from 1 to 100000000, not "1.5"',
    ],
    [['--scenario', 'a', '--to', 'x', '--seed', '3'], '--seed only matters with --count N'],
    [['--scenario', 'a', '--to'], '--to needs a value'],
    [['--scenario', 'a', '--to', 'x', '--to', 'y'], '--to given twice'],
    [['--scenario', 'a', '--to', 'x', '--json=yes'], '--json takes no value'],
    [['--scenario', 'a', '--to', 'x', '--frmo', 'client'], 'unknown option "--frmo" (see --help)'],
    [['--scenario', 'a', '--to', 'x', '--lang', 'fr'], '--lang must be en or ko, not "fr"'],
  ])('%j → %s', (argv, message) => {
    expect(error(argv)).toBe(message);
  });
});
