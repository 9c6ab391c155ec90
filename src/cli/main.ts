import { formatManifestError, ipv6View, loadManifestSources, type Cluster } from '../engine/model';
import { detectRulesFormat, generateIptablesSave, generateNftables } from '../engine/rules';
import type { ConnectionSpec, ExactOutcome, RunSummary, Simulation, Source } from '../engine/simulate';
import { ConnectionError, WorkLimitError, createSimulation, fromRulesText } from '../engine/simulate';
import { oneLine } from '../text/inert';
import type { CliOptions, RulesOptions, ScenarioOptions } from './args';
import { CliUsageError, USAGE, parseArgs } from './args';
import type { Heading } from './format';
import { formatReport } from './format';
import { toCliJson } from './json';
import { driveRun } from './progress';
import { InputRefused } from './readInput';
import { parseSource, rulesSource } from './source';
import { isAddress, parseIPPort, resolvePingTarget, resolveTarget } from './targets';

/** What the tracer needs from the outside world (injected so tests run without a process). */
export interface CliIO {
  /** Reads a file, or standard input for "-" (bounded: see readInput.ts). Throws on failure. */
  readonly read: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Milliseconds, monotonic (default performance.now). */
  readonly now?: () => number;
  /** Writes a progress line in place; given only when stderr is a terminal. */
  readonly status?: (text: string) => void;
  /** True once the reader pressed Ctrl-C (default: never). */
  readonly interrupted?: () => boolean;
}

/** Exit status for bad input (anything the input caused). */
export const EXIT_BAD_INPUT = 2;
/** Exit status when Ctrl-C stopped a sampled run (after the partial counts were printed). */
export const EXIT_INTERRUPTED = 130;

/** Runs the tracer; resolves to the exit status (0 ok, 2 bad input, 130 interrupted). Never rejects for bad input. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
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
    return await (options.mode === 'rules' ? traceRules(options, io) : traceScenario(options, io));
  } catch (e) {
    return fail(io, e);
  }
}

/** Errors the input caused: one escaped line on stderr, exit 2. Anything else is a bug (rethrown). */
function fail(io: CliIO, e: unknown): number {
  if (
    e instanceof CliUsageError ||
    e instanceof ConnectionError ||
    e instanceof RangeError ||
    e instanceof InputRefused ||
    e instanceof WorkLimitError
  ) {
    io.stderr(`trace: ${oneLine(e.message, 2000)}\n`);
    return EXIT_BAD_INPUT;
  }
  throw e;
}

function readInput(io: CliIO, path: string): string {
  try {
    return io.read(path);
  } catch (e) {
    if (e instanceof InputRefused) throw e;
    const why = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e);
    throw new CliUsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${why}`);
  }
}

function loadCluster(options: ScenarioOptions, io: CliIO): Cluster {
  const sources = options.scenarios.map((path) => ({
    text: readInput(io, path),
    source: path === '-' ? 'stdin' : path,
  }));
  const result = loadManifestSources(sources);
  const first = result.errors[0];
  if (first !== undefined || result.cluster === undefined) {
    const more =
      result.errors.length > 1
        ? ` (and ${result.errors.length - 1} more error${result.errors.length > 2 ? 's' : ''})`
        : '';
    throw new CliUsageError(`${first === undefined ? 'no cluster' : formatManifestError(first, options.lang)}${more}`);
  }
  for (const warning of result.warnings)
    io.stderr(`trace: ${oneLine(formatManifestError(warning, options.lang), 2000)}\n`);
  return result.cluster;
}

/** The cluster's IPv6 view, or a usage error saying what the manifests lack. */
function ipv6Cluster(cluster: Cluster): Cluster {
  const view = ipv6View(cluster);
  if (view === undefined)
    throw new CliUsageError(
      '--family ipv6: no node has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)',
    );
  return view;
}

/** The IPv6 proxier's cluster for `node`, or a usage error saying what the manifests lack. */
function ipv6Proxier(cluster: Cluster, node: string): Cluster {
  const view = ipv6Cluster(cluster);
  if (!view.nodes.some((n) => n.name === node))
    throw new CliUsageError(`--family ipv6: node "${node}" has no IPv6 InternalIP in status.addresses`);
  return view;
}

function traceScenario(options: ScenarioOptions, io: CliIO): number | Promise<number> {
  const cluster = loadCluster(options, io);
  if (options.node !== undefined && !cluster.nodes.some((n) => n.name === options.node)) {
    throw new CliUsageError(
      `--node: no node "${options.node}" (nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`,
    );
  }
  if (options.rulesOut) {
    // The rules the trace walks: nftables mode (KubeProxyConfiguration mode: nftables) prints
    // the nft -f transaction, or with --style kernel the listing nft prints back.
    const proxier = options.family === 'ipv6' ? ipv6Proxier(cluster, options.node ?? '') : cluster;
    io.stdout(
      cluster.proxy.mode === 'nftables'
        ? generateNftables(proxier, options.node ?? '', {
            rendering: options.style === 'kernel' ? 'listing' : 'transaction',
          })
        : generateIptablesSave(proxier, options.node ?? '', { style: options.style }),
    );
    return 0;
  }
  // --family ipv6: shorthands name the IPv6 addresses (the Service's IPv6 ClusterIP, ...).
  const named = options.family === 'ipv6' ? ipv6Cluster(cluster) : cluster;
  const target: { readonly ip: string; readonly port?: number; readonly node?: string } =
    options.protocol === 'icmp' ? resolvePingTarget(named, options.to ?? '') : resolveTarget(named, options.to ?? '');
  const parsed = parseSource(options.from);
  const entry = options.node ?? target.node;
  const from: Source = parsed.kind === 'client' && entry !== undefined ? { ...parsed, via: entry } : parsed;
  // A ping names an address alone: its spec has no port (the engine refuses one).
  const to: ConnectionSpec['to'] = target.port === undefined ? { ip: target.ip } : { ip: target.ip, port: target.port };
  const spec: ConnectionSpec = { from, to, protocol: options.protocol };
  const heading: Heading = {
    from: options.from,
    to: options.to ?? '',
    ...(from.kind === 'client' && entry !== undefined ? { entry } : {}),
  };
  return report(createSimulation(cluster), spec, heading, options, io);
}

function traceRules(options: RulesOptions, io: CliIO): Promise<number> {
  const text = readInput(io, options.rules);
  const dst = options.protocol === 'icmp' ? pingDestination(options.dst) : parseIPPort(options.dst);
  if (dst === undefined)
    throw new CliUsageError(`--dst: "${options.dst}" is not IP:PORT (an IPv6 address in brackets: [fd00::1]:80)`);
  if (options.src !== undefined && !isAddress(options.src))
    throw new CliUsageError(`--src: "${options.src}" is not an IPv4 or IPv6 address`);
  const bad = options.localIPs.find((ip) => !isAddress(ip));
  if (bad !== undefined) throw new CliUsageError(`--local-ip: "${bad}" is not an IPv4 or IPv6 address`);
  const simulation = fromRulesText(text, { localIPs: options.localIPs });
  const file = options.rules === '-' ? 'stdin' : options.rules;
  const problems = simulation.problems().filter((p) => p.level === 'error');
  // The format is detected from the text (iptables-save, or nft list ruleset / nft -f input).
  const nft = detectRulesFormat(text) === 'nftables';
  if (nft ? !/^\s*(table|add table|create table)\s/m.test(text) : !/^\*(nat|filter)\s*$/m.test(text)) {
    const first = problems[0];
    const what = nft ? 'not an nftables ruleset (no table)' : 'not an iptables-save dump (no *nat or *filter table)';
    throw new CliUsageError(
      `${file}${first === undefined ? '' : `:${first.line}`}: ${what}${first === undefined ? '' : `: ${first.message}`}`,
    );
  }
  const from = rulesSource(options.src, options.localIPs, options.fromNode === true, dst.ip);
  const spec: ConnectionSpec = { from, to: dst, protocol: options.protocol };
  const said = from.kind === 'node' ? `node ${from.ip ?? ''}` : (options.src ?? 'client');
  // The lines the engine could not read are reported once the trace is known to go ahead: a
  // refusal (exit 2) stays the one line it promises, naming what stopped it.
  const warn = () => {
    for (const p of problems) io.stderr(`trace: ${oneLine(`${file}:${p.line}: ${p.message}: ${p.text}`, 2000)}\n`);
  };
  return report(simulation, spec, { from: said, to: options.dst }, options, io, warn);
}

/** --dst of a ping: an address alone; a port is refused (an echo request has none). */
function pingDestination(text: string): { ip: string } {
  const withPort = parseIPPort(text);
  if (withPort !== undefined)
    throw new CliUsageError(
      `--dst: a ping (--proto icmp) has no port; write "${withPort.ip}" without ":${withPort.port}"`,
    );
  if (!isAddress(text)) throw new CliUsageError(`--dst: "${text}" is not an IPv4 or IPv6 address`);
  return { ip: text };
}

async function report(
  simulation: Simulation,
  spec: ConnectionSpec,
  heading: Heading,
  options: ScenarioOptions | RulesOptions,
  io: CliIO,
  accepted: () => void = () => {},
): Promise<number> {
  let outcomes: ExactOutcome[] | null;
  try {
    outcomes = simulation.exact(spec, { trace: true });
    accepted();
  } catch (e) {
    // Rules whose random choices branch too much: sampling still answers, so say so.
    if (!(e instanceof WorkLimitError) || e.limit.kind !== 'branches') throw e;
    if (options.count === undefined)
      throw new WorkLimitError(e.limit, '; sample instead with --count N (e.g. --count 100000)');
    accepted();
    io.stderr(`trace: ${oneLine(e.message, 2000)}; exact outcomes are left out, the sample follows\n`);
    outcomes = null;
  }
  let summary: RunSummary | undefined;
  let interrupted = false;
  if (options.count !== undefined) {
    const runner = simulation.run(spec, { count: options.count, seed: options.seed });
    interrupted = await driveRun(runner, {
      now: io.now ?? (() => performance.now()),
      ...(io.status ? { status: io.status } : {}),
      interrupted: io.interrupted ?? (() => false),
    });
    summary = runner.summary();
    if (interrupted)
      io.stderr(
        `trace: stopped by Ctrl-C after ${summary.count} of ${options.count} connections; the counts below are of those\n`,
      );
  }
  if (options.json) io.stdout(`${JSON.stringify(toCliJson(outcomes ?? [], summary))}\n`);
  else
    io.stdout(
      formatReport(
        heading,
        spec,
        outcomes,
        summary === undefined ? undefined : { summary, seed: options.seed },
        options.trace,
      ),
    );
  return interrupted ? EXIT_INTERRUPTED : 0;
}
