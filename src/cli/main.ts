import { generateIptablesSave } from '../engine/kubeproxy';
import { generateNftables } from '../engine/kubeproxy/nftables';
import { formatManifestError } from '../engine/model/errors';
import { loadManifestSources } from '../engine/model/loadManifests';
import type { Cluster } from '../engine/model/types';
import type { ConnectionSpec, RunSummary, Simulation, Source } from '../engine/simulate';
import { detectRulesFormat } from '../engine/nftables/detect';
import { ConnectionError, createSimulation, fromRulesText, parseSource, toCliJson } from '../engine/simulate';
import type { CliOptions, RulesOptions, ScenarioOptions } from './args';
import { CliUsageError, USAGE, parseArgs } from './args';
import type { Heading } from './format';
import { formatReport } from './format';
import { parseIPPort, resolveTarget } from './targets';

/** What the tracer needs from the outside world (injected so tests run without a process). */
export interface CliIO {
  /** Reads a file, or standard input for "-". Throws on failure. */
  readonly read: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit status for bad input. */
export const EXIT_BAD_INPUT = 2;

/** Runs the tracer; returns the exit status (0 ok, 2 bad input). Never throws for bad input. */
export function main(argv: readonly string[], io: CliIO): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    return fail(io, e);
  }
  if (options.mode === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    return options.mode === 'rules' ? traceRules(options, io) : traceScenario(options, io);
  } catch (e) {
    return fail(io, e);
  }
}

function fail(io: CliIO, e: unknown): number {
  if (e instanceof CliUsageError || e instanceof ConnectionError || e instanceof RangeError) {
    io.stderr(`trace: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  throw e;
}

function readInput(io: CliIO, path: string): string {
  try {
    return io.read(path);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e);
    throw new CliUsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${why}`);
  }
}

function loadCluster(options: ScenarioOptions, io: CliIO): Cluster {
  const sources = options.scenarios.map((path) => ({ text: readInput(io, path), source: path === '-' ? 'stdin' : path }));
  const result = loadManifestSources(sources);
  const first = result.errors[0];
  if (first !== undefined || result.cluster === undefined) {
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more error${result.errors.length > 2 ? 's' : ''})` : '';
    throw new CliUsageError(`${first === undefined ? 'no cluster' : formatManifestError(first, options.lang)}${more}`);
  }
  for (const warning of result.warnings) io.stderr(`trace: ${formatManifestError(warning, options.lang)}\n`);
  return result.cluster;
}

function traceScenario(options: ScenarioOptions, io: CliIO): number {
  const cluster = loadCluster(options, io);
  if (options.node !== undefined && !cluster.nodes.some((n) => n.name === options.node)) {
    throw new CliUsageError(`--node: no node "${options.node}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`);
  }
  if (options.rulesOut) {
    // The rules the trace walks: nftables mode (KubeProxyConfiguration mode: nftables) prints
    // the nft -f transaction, or with --style kernel the listing nft prints back.
    io.stdout(
      cluster.proxy.mode === 'nftables'
        ? generateNftables(cluster, options.node ?? '', { rendering: options.style === 'kernel' ? 'listing' : 'transaction' })
        : generateIptablesSave(cluster, options.node ?? '', { style: options.style }),
    );
    return 0;
  }
  const target = resolveTarget(cluster, options.to ?? '');
  const parsed = parseSource(options.from);
  const entry = options.node ?? target.node;
  const from: Source = parsed.kind === 'client' && entry !== undefined ? { ...parsed, via: entry } : parsed;
  const spec: ConnectionSpec = { from, to: { ip: target.ip, port: target.port }, protocol: options.protocol };
  const heading: Heading = { from: options.from, to: options.to ?? '', ...(from.kind === 'client' && entry !== undefined ? { entry } : {}) };
  return report(createSimulation(cluster), spec, heading, options, io);
}

function traceRules(options: RulesOptions, io: CliIO): number {
  const text = readInput(io, options.rules);
  const dst = parseIPPort(options.dst);
  if (dst === undefined) throw new CliUsageError(`--dst: "${options.dst}" is not IP:PORT`);
  if (options.src !== undefined && parseIPPort(`${options.src}:1`) === undefined) throw new CliUsageError(`--src: "${options.src}" is not an IPv4 address`);
  const bad = options.localIPs.find((ip) => parseIPPort(`${ip}:1`) === undefined);
  if (bad !== undefined) throw new CliUsageError(`--local-ip: "${bad}" is not an IPv4 address`);
  const simulation = fromRulesText(text, { localIPs: options.localIPs });
  const file = options.rules === '-' ? 'stdin' : options.rules;
  const problems = simulation.problems().filter((p) => p.level === 'error');
  // The format is detected from the text (iptables-save, or nft list ruleset / nft -f input).
  const nft = detectRulesFormat(text) === 'nftables';
  if (nft ? !/^\s*(table|add table|create table)\s/m.test(text) : !/^\*(nat|filter)\s*$/m.test(text)) {
    const first = problems[0];
    const what = nft ? 'not an nftables ruleset (no table)' : 'not an iptables-save dump (no *nat or *filter table)';
    throw new CliUsageError(`${file}${first === undefined ? '' : `:${first.line}`}: ${what}${first === undefined ? '' : `: ${first.message}`}`);
  }
  for (const p of problems) io.stderr(`trace: ${file}:${p.line}: ${p.message}: ${p.text}\n`);
  const from: Source = options.src === undefined ? { kind: 'client' } : { kind: 'client', ip: options.src };
  const spec: ConnectionSpec = { from, to: dst, protocol: options.protocol };
  return report(simulation, spec, { from: options.src ?? 'client', to: options.dst }, options, io);
}

function report(simulation: Simulation, spec: ConnectionSpec, heading: Heading, options: ScenarioOptions | RulesOptions, io: CliIO): number {
  const outcomes = simulation.exact(spec, { trace: true });
  let summary: RunSummary | undefined;
  if (options.count !== undefined) {
    const runner = simulation.run(spec, { count: options.count, seed: options.seed });
    while (!runner.step(100_000).finished) {
      // Chunks keep memory flat; the CLI simply runs them back to back.
    }
    summary = runner.summary();
  }
  if (options.json) io.stdout(`${JSON.stringify(toCliJson(outcomes, summary))}\n`);
  else io.stdout(formatReport(heading, spec, outcomes, summary === undefined ? undefined : { summary, seed: options.seed }, options.trace));
  return 0;
}
