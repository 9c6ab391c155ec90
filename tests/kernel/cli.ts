/**
 * `npm run kernel -- --scenario FILE … [--node NAME] [--from …] [--to …] [--count K]`: runs a
 * scenario through the real kernel (network namespaces, the engine's rules in netfilter, real
 * TCP connections) and prints the kernel's counts next to the engine's exact prediction.
 */
import type { Source } from '../../src/engine/simulate';
import { parseSource } from '../../src/cli/source';
import { CliUsageError } from '../../src/cli/args';
import { resolveTarget } from '../../src/cli/targets';
import { loadScenarioFiles } from './harness/clusters';
import { KernelCliError, KERNEL_CLI_HELP, parseKernelArgs, type KernelCliOptions } from './harness/cliArgs';
import { engineRulesFor, engineSimulation } from './harness/engine';
import { KernelCluster } from './harness/kernelCluster';
import { LIFT_ICMP_LIMITS, runCase } from './harness/scenario';
import { skipReason } from './harness/suite';

/** Service rule counters (KUBE-SVC/SVL/EXT/SEP lines of `iptables-save -c`) that were hit. */
function serviceCounters(dump: string): string[] {
  return dump
    .split('\n')
    .filter((line) => /^\[\d+:\d+\] -A KUBE-(SVC|SVL|EXT|SEP)-/.test(line) && !line.startsWith('[0:0]'));
}

async function main(options: KernelCliOptions): Promise<number> {
  const reason = skipReason(options.mode);
  if (reason !== '') {
    process.stderr.write(`kernel: cannot run here: ${reason}\n`);
    return 3;
  }
  const rules = engineRulesFor(options.mode);
  if (!rules)
    throw new KernelCliError(`--mode ${options.mode}: the engine does not generate ${options.mode} rules yet`);
  const cluster = loadScenarioFiles(options.scenarios);
  if (options.node !== undefined && !cluster.nodes.some((n) => n.name === options.node)) {
    throw new KernelCliError(
      `--node: no node "${options.node}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`,
    );
  }
  const target = resolveTarget(cluster, options.to ?? '');
  const parsed = parseSource(options.from);
  const entry = options.node ?? target.node;
  const from: Source = parsed.kind === 'client' && entry !== undefined ? { ...parsed, via: entry } : parsed;
  const extraClientIPs =
    from.kind === 'client' && from.ip !== undefined && from.ip !== '192.168.10.100' ? [from.ip] : [];

  const started = performance.now();
  const kernel = await KernelCluster.start(cluster, {
    rulesFor: (node) => rules(cluster, node),
    mode: options.mode,
    extraClientIPs,
    ...(options.keepIcmpLimit ? {} : { nodeSysctls: LIFT_ICMP_LIMITS }),
  });
  try {
    process.stdout.write(
      `kernel: ${options.scenarios.join(' ')}: ${cluster.nodes.length} nodes, ${cluster.pods.length} pods as network namespaces ` +
        `(${kernel.plan.prefix}-*), the engine's ${options.mode} rules loaded, set up in ${(performance.now() - started).toFixed(0)} ms\n`,
    );
    for (const note of kernel.adjustments) process.stdout.write(`kernel: note: ${note}\n`);
    const result = await runCase(kernel, engineSimulation(cluster, undefined, options.mode), {
      from,
      host: target.ip,
      port: target.port,
      count: options.count,
      timeoutMs: options.timeoutMs,
      concurrency: Math.min(options.count, 400),
    });
    process.stdout.write(`\n${result.report}\n`);
    if (options.counters) {
      const node =
        entry ??
        (from.kind === 'node'
          ? from.name
          : from.kind === 'pod'
            ? kernel.plan.pods.find((p) => p.name === from.name)?.nodeName
            : undefined);
      if (node !== undefined) {
        process.stdout.write(`\nservice rule counters on ${node} (iptables-save -c, rules that were hit):\n`);
        for (const line of serviceCounters(kernel.rulesOf(node))) process.stdout.write(`  ${line}\n`);
      }
    }
    return result.comparison.agrees ? 0 : 1;
  } finally {
    const left = await kernel.close();
    if (left.length > 0) process.stderr.write(`kernel: left behind: ${left.join(', ')}\n`);
  }
}

async function cli(argv: readonly string[]): Promise<number> {
  try {
    const options = parseKernelArgs(argv);
    if (options === 'help') {
      process.stdout.write(`${KERNEL_CLI_HELP}\n`);
      return 0;
    }
    return await main(options);
  } catch (error) {
    if (
      error instanceof KernelCliError ||
      error instanceof CliUsageError ||
      (error as Error).name === 'ConnectionError'
    ) {
      process.stderr.write(`kernel: ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`kernel: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await cli(process.argv.slice(2));
