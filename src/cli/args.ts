/**
 * The tracer's command line: parsing and validation only (no I/O), so every rule about which
 * options go together is unit-tested. Errors are one sentence naming the option.
 */

/** Protocols a connection can use; icmp sends one echo request (a ping) and takes no port. */
export type CliProtocol = 'tcp' | 'udp' | 'sctp' | 'icmp';

/** Spelling of --rules-out. */
export type CliStyle = 'kube-proxy' | 'kernel';

/** Options common to both modes. */
interface CommonOptions {
  readonly protocol: CliProtocol;
  /** --count: sample this many connections (absent: exact outcomes only). */
  readonly count?: number;
  /** --seed (default "1"): the seed of sampled connections. */
  readonly seed: string;
  readonly json: boolean;
  /** --trace: print every rule evaluated in the human-readable output (JSON always has it). */
  readonly trace: boolean;
  /** Language of error messages. */
  readonly lang: 'en' | 'ko';
}

/** --scenario mode: a cluster from manifests. */
export interface ScenarioOptions extends CommonOptions {
  readonly mode: 'scenario';
  readonly scenarios: readonly string[];
  readonly node?: string;
  /** --from as written (default "client"). */
  readonly from: string;
  /** --to as written; required unless --rules-out. */
  readonly to?: string;
  readonly rulesOut: boolean;
  readonly style: CliStyle;
  /** --family: which of kube-proxy's per-family proxiers --rules-out prints, and which family --to shorthands name (IPv4 by default). */
  readonly family: 'ipv4' | 'ipv6';
}

/** --rules mode: one node from a raw iptables-save dump. */
export interface RulesOptions extends CommonOptions {
  readonly mode: 'rules';
  /** File name, or "-" for stdin. */
  readonly rules: string;
  readonly localIPs: readonly string[];
  readonly src?: string;
  readonly dst: string;
  /**
   * --from-node: the connection starts on that node (a process on it, walking OUTPUT), from
   * --src if it is one of the node's addresses, else from its primary --local-ip. A --src
   * that is local or in 127.0.0.0/8 starts there without it, as on the trace page.
   */
  readonly fromNode?: true;
}

/** What the command line asks for. */
export type CliOptions = ScenarioOptions | RulesOptions | { readonly mode: 'help' };

/** A command-line mistake: `message` is the one line printed on stderr. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * Largest --count: about a minute of sampling on a laptop for stateless rules (the decision
 * cache walks each distinct path once), longer for rules with state (each connection walked).
 */
export const MAX_COUNT = 100_000_000;

const VALUE_OPTIONS = new Set([
  '--node',
  '--from',
  '--to',
  '--rules',
  '--local-ip',
  '--src',
  '--dst',
  '--proto',
  '--count',
  '--seed',
  '--style',
  '--family',
  '--lang',
]);
const FLAGS = new Set(['--rules-out', '--from-node', '--json', '--trace', '--help', '-h']);
const SCENARIO_ONLY = ['--node', '--from', '--to', '--rules-out', '--style', '--family'];
const RULES_ONLY = ['--local-ip', '--src', '--dst', '--from-node'];
const REPEATABLE = new Set(['--local-ip']);

/** Parses argv (without "node script"); throws CliUsageError. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const scenarios: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] ?? '';
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '--scenario') {
      if (inline !== undefined) scenarios.push(inline);
      // --scenario takes every following argument up to the next option.
      while (argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) scenarios.push(argv[++i] ?? '');
      if (scenarios.length === 0)
        throw new CliUsageError('--scenario needs at least one manifest file (or - for stdin)');
    } else if (FLAGS.has(arg)) {
      if (inline !== undefined) throw new CliUsageError(`${arg} takes no value`);
      flags.add(arg);
    } else if (VALUE_OPTIONS.has(arg)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new CliUsageError(`${arg} needs a value`);
      const list = values.get(arg) ?? [];
      if (list.length > 0 && !REPEATABLE.has(arg)) throw new CliUsageError(`${arg} given twice`);
      list.push(value);
      values.set(arg, list);
    } else {
      throw new CliUsageError(`unknown option "${arg}" (see --help)`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { mode: 'help' };

  const one = (name: string): string | undefined => values.get(name)?.[0];
  const common = readCommon(one, flags);
  const rules = one('--rules');
  if (scenarios.length > 0 && rules !== undefined)
    throw new CliUsageError('give either --scenario or --rules, not both');
  if (scenarios.length === 0 && rules === undefined)
    throw new CliUsageError('give --scenario FILE… (manifests) or --rules FILE (an iptables-save dump); see --help');

  if (rules !== undefined) {
    const wrong = [...SCENARIO_ONLY].find((o) => values.has(o) || flags.has(o));
    if (wrong !== undefined)
      throw new CliUsageError(`${wrong} works with --scenario; with --rules use --local-ip, --src and --dst`);
    const localIPs = values.get('--local-ip') ?? [];
    if (localIPs.length === 0)
      throw new CliUsageError('--rules needs at least one --local-ip (the addresses that count as LOCAL on that node)');
    const dst = one('--dst');
    if (dst === undefined)
      throw new CliUsageError(`--rules needs --dst ${common.protocol === 'icmp' ? 'IP' : 'IP:PORT'}`);
    const src = one('--src');
    const fromNode = flags.has('--from-node') ? { fromNode: true as const } : {};
    return { mode: 'rules', rules, localIPs, dst, ...fromNode, ...(src === undefined ? {} : { src }), ...common };
  }

  const wrong = RULES_ONLY.find((o) => values.has(o) || flags.has(o));
  if (wrong !== undefined)
    throw new CliUsageError(
      wrong === '--from-node'
        ? '--from-node works with --rules; with --scenario use --from node/NAME'
        : `${wrong} works with --rules; with --scenario use --from, --to and --node`,
    );
  const rulesOut = flags.has('--rules-out');
  const node = one('--node');
  const to = one('--to');
  const style = one('--style') ?? 'kube-proxy';
  if (style !== 'kube-proxy' && style !== 'kernel')
    throw new CliUsageError(`--style must be kube-proxy or kernel, not "${style}"`);
  if (rulesOut && node === undefined) throw new CliUsageError('--rules-out needs --node NAME (whose rules to print)');
  if (!rulesOut && to === undefined)
    throw new CliUsageError('--scenario needs --to (e.g. --to node/node-2:30080), or --rules-out --node NAME');
  if (!rulesOut && values.has('--style')) throw new CliUsageError('--style only applies to --rules-out');
  const family = one('--family') ?? 'ipv4';
  if (family !== 'ipv4' && family !== 'ipv6') throw new CliUsageError(`--family must be ipv4 or ipv6, not "${family}"`);
  return {
    mode: 'scenario',
    scenarios,
    from: one('--from') ?? 'client',
    rulesOut,
    style,
    family,
    ...(node === undefined ? {} : { node }),
    ...(to === undefined ? {} : { to }),
    ...common,
  };
}

function readCommon(one: (name: string) => string | undefined, flags: ReadonlySet<string>): CommonOptions {
  const proto = one('--proto') ?? 'tcp';
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp' && proto !== 'icmp')
    throw new CliUsageError(`--proto must be tcp, udp, sctp or icmp, not "${proto}"`);
  const countText = one('--count');
  let count: number | undefined;
  if (countText !== undefined) {
    if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > MAX_COUNT) {
      throw new CliUsageError(`--count must be a whole number from 1 to ${MAX_COUNT}, not "${countText}"`);
    }
    count = Number(countText);
  }
  const seed = one('--seed');
  if (seed !== undefined && countText === undefined) throw new CliUsageError('--seed only matters with --count N');
  const lang = one('--lang') ?? 'en';
  if (lang !== 'en' && lang !== 'ko') throw new CliUsageError(`--lang must be en or ko, not "${lang}"`);
  return {
    protocol: proto,
    ...(count === undefined ? {} : { count }),
    seed: seed ?? '1',
    json: flags.has('--json'),
    trace: flags.has('--trace'),
    lang,
  };
}

/** The --help text. */
export const USAGE = `Usage: npm run -s trace -- [options]

Trace a connection through the iptables rules kube-proxy writes, on a simulated cluster
(--scenario) or on one node's raw iptables-save dump (--rules).

  --scenario FILE…      Kubernetes manifests (YAML/JSON; "-" reads stdin)
    --node NAME         node whose rules to print (--rules-out) or where a client's
                        traffic enters when the destination is not a node address
    --from SOURCE       client (default) | client/IP | pod/NAME | pod/NAMESPACE/NAME | node/NAME
    --to TARGET         IP:PORT
                        node/NAME:PORT       a node's InternalIP
                        node/NAME:nodeport   the cluster's only node port on that node
                        svc/[NS/]NAME[:PORT] a Service's ClusterIP (PORT: number or name)
                        lb/[NS/]NAME[:PORT]  a Service's load-balancer IP
                        pod/[NS/]NAME:PORT   a pod's IP
    --rules-out         print the generated iptables-save for --node and exit
    --style STYLE       kube-proxy (default: as kube-proxy writes rules) | kernel (as
                        iptables-save prints them back from the kernel)
    --family F          ipv4 (default) | ipv6: on a dual-stack cluster, the rules of
                        kube-proxy's IPv6 proxier (ip6tables-save, or table ip6), and the
                        IPv6 addresses --to shorthands name (svc/, lb/, node/, pod/). An
                        IPv6 --to ([fd00::1]:80) walks the cluster's IPv6 network
  FILE is a regular file (or - for stdin) of at most 64 MiB.
  --rules FILE|-        one node's rules: an iptables-save dump, or nftables (nft list ruleset
                        output or nft -f input), detected from the text
    --local-ip IP       an address that is LOCAL on that node (repeatable; first = primary)
    --src IP            the client's address (default: .100 in the first --local-ip's /24);
                        one of the node's own addresses, or 127.0.0.0/8, starts the
                        connection on the node
    --from-node         the connection starts on that node (a process on it: nat and
                        filter OUTPUT, then POSTROUTING), from --src or the first --local-ip
    --dst IP:PORT       where it connects (--proto icmp: IP alone)
  --proto P             tcp (default), udp, sctp, or icmp: one echo request (a ping; to
                        an IPv6 address, an ICMPv6 one). A ping has no port, so --to and
                        --dst name an address alone (IP, node/NAME, svc/NAME, lb/NAME,
                        pod/NAME); a port there is refused
  --count N             also sample N connections (at most 100000000); on a terminal a
                        run longer than a second shows its progress on stderr, and Ctrl-C
                        stops it with the counts so far (exit status 130)
  --seed S              seed of the sampled connections (default 1)
  --trace               print every rule evaluated for each outcome
  --json                print one JSON object instead of text
  --lang en|ko          language of error messages (default en)
  -h, --help            this text

Exact outcomes are refused (exit 2, naming the rule) when the rules' jumps fan out or their
random choices branch too much to enumerate; --count N still samples the latter.

Exit status: 0 on success, 2 on bad input (one line on stderr, whatever the input caused),
130 when Ctrl-C stopped a sampled run, 1 only for a bug in the tracer.`;
