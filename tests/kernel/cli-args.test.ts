import { describe, expect, it } from 'vitest';
import { parseKernelArgs } from './harness/cliArgs';

// `npm run kernel` command line (pure: runs everywhere).

describe('parseKernelArgs', () => {
  it('takes several manifest files and turns --node alone into that node’s node port', () => {
    expect(parseKernelArgs(['--scenario', 'a.yaml', 'b.yaml', '--node', 'node-2'])).toEqual({
      scenarios: ['a.yaml', 'b.yaml'],
      node: 'node-2',
      from: 'client',
      to: 'node/node-2:nodeport',
      count: 400,
      mode: 'iptables',
      timeoutMs: 3500,
      keepIcmpLimit: false,
      counters: false,
    });
  });

  it('keeps an explicit --to, --from and --count', () => {
    const options = parseKernelArgs([
      '--scenario',
      'a.yaml',
      '--from',
      'pod/pod-1',
      '--to',
      'svc/web',
      '--count',
      '600',
      '--counters',
    ]);
    expect(options).toMatchObject({ from: 'pod/pod-1', to: 'svc/web', count: 600, counters: true });
  });

  it('names the option that is wrong', () => {
    expect(() => parseKernelArgs(['--node', 'node-2'])).toThrow('--scenario FILE is required');
    expect(() => parseKernelArgs(['--scenario', 'a.yaml'])).toThrow('--to is required without --node');
    expect(() => parseKernelArgs(['--scenario', 'a.yaml', '--node', 'n', '--count', '0'])).toThrow(
      '--count: "0" is not a whole number',
    );
    expect(() => parseKernelArgs(['--scenario', 'a.yaml', '--node', 'n', '--mode', 'ipvs'])).toThrow('--mode: "ipvs"');
    expect(() => parseKernelArgs(['--scenario', 'a.yaml', '--node'])).toThrow('--node needs a value');
    expect(() => parseKernelArgs(['--scenario', 'a.yaml', '--bogus'])).toThrow('unknown option "--bogus"');
  });

  it('answers --help', () => {
    expect(parseKernelArgs(['--help'])).toBe('help');
  });
});
