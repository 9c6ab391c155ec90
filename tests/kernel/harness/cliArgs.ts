/**
 * `npm run kernel` command line: parsing only (no I/O), so it is unit-tested. Source and target
 * syntax are the tracer's (`npm run trace`), so a doubted number can be re-run as written.
 */

/** What `npm run kernel` was asked to do. */
export interface KernelCliOptions {
  readonly scenarios: readonly string[];
  /** The node a client's packets enter (tracer's --node); also the default --to. */
  readonly node?: string;
  readonly from: string;
  readonly to?: string;
  readonly count: number;
  readonly mode: 'iptables' | 'nftables';
  readonly timeoutMs: number;
  /** Leave the kernel's ICMP rate limits in place (REJECTs then mostly look like time-outs). */
  readonly keepIcmpLimit: boolean;
  /** Print the entry node's KUBE-SVC/SEP rule counters after the run. */
  readonly counters: boolean;
}

/** A command-line mistake, printed as one line. */
export class KernelCliError extends Error {}

/** The help text. */
export const KERNEL_CLI_HELP = `npm run kernel -- --scenario FILE [FILE…] [options]

Builds the scenario's cluster out of Linux network namespaces (needs root, iproute2 and
iptables), loads the engine's generated kube-proxy rules on every node, opens K real TCP
connections and prints what the kernel did next to what the engine predicts.

  --scenario FILE…   manifests (YAML/JSON, as kubectl prints them)
  --node NAME        the node a client's packets enter; alone it means --to node/NAME:nodeport
  --from SOURCE      client (default) | client/IP | pod/NAME | pod/NAMESPACE/NAME | node/NAME
  --to TARGET        IP:PORT | node/NAME:PORT | node/NAME:nodeport | svc/[NS/]NAME[:PORT] | pod/NAME:PORT
  --count K          connections (default 400)
  --mode MODE        iptables (default) | nftables
  --timeout MS       per-connection time-out (default 3500)
  --keep-icmp-limit  leave the nodes' ICMP rate limits on (they hide most REJECTs)
  --counters         print the entry node's service rule counters afterwards

Exit status: 0 kernel and engine agree, 1 they disagree, 2 bad command line, 3 cannot run here.`;

const VALUE = new Set(['--node', '--from', '--to', '--count', '--mode', '--timeout']);
const FLAG = new Set(['--keep-icmp-limit', '--counters']);

/** Parses argv (after "--"); returns "help" for --help; throws KernelCliError. */
export function parseKernelArgs(argv: readonly string[]): KernelCliOptions | 'help' {
  const scenarios: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--scenario') {
      while (argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) scenarios.push(argv[++i] ?? '');
      if (scenarios.length === 0) throw new KernelCliError('--scenario needs at least one manifest file');
    } else if (VALUE.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new KernelCliError(`${arg} needs a value`);
      if (values.has(arg)) throw new KernelCliError(`${arg} given twice`);
      values.set(arg, value);
    } else if (FLAG.has(arg)) {
      flags.add(arg);
    } else {
      throw new KernelCliError(`unknown option "${arg}" (see --help)`);
    }
  }
  if (scenarios.length === 0) throw new KernelCliError('--scenario FILE is required (see --help)');
  const node = values.get('--node');
  const to = values.get('--to') ?? (node === undefined ? undefined : `node/${node}:nodeport`);
  if (to === undefined)
    throw new KernelCliError('--to is required without --node (e.g. --to svc/web or --node node-2)');
  const count = wholeNumber(values.get('--count') ?? '400', '--count', 1, 40_000);
  const timeoutMs = wholeNumber(values.get('--timeout') ?? '3500', '--timeout', 50, 60_000);
  const mode = values.get('--mode') ?? 'iptables';
  if (mode !== 'iptables' && mode !== 'nftables')
    throw new KernelCliError(`--mode: "${mode}" is not iptables or nftables`);
  return {
    scenarios,
    ...(node === undefined ? {} : { node }),
    from: values.get('--from') ?? 'client',
    to,
    count,
    mode,
    timeoutMs,
    keepIcmpLimit: flags.has('--keep-icmp-limit'),
    counters: flags.has('--counters'),
  };
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new KernelCliError(`${option}: "${text}" is not a whole number from ${min} to ${max}`);
  }
  return Number(text);
}
