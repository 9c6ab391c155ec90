/**
 * The command-line shapes of the façade: `--from client|client/IP|pod/NAME|pod/NS/NAME|node/NAME`,
 * `--to IP:PORT` (or `node/NAME:PORT` given a way to look node addresses up), and the JSON
 * object `npm run trace -- --json` prints (issue 3).
 */
import { parseIPv4 } from './netfilter/ip';
import type { TraceEntry } from './netfilter/trace';
import { ConnectionError } from './network/resolve';
import type { RuleRef, Source, Verdict } from './network/types';
import type { RunSummary } from './run/runner';
import type { ConnectionResult } from './network/types';

/** Parses a `--from` value; throws ConnectionError("from", …) with the accepted forms. */
export function parseSource(text: string): Source {
  const parts = text.split('/');
  const [kind, a, b] = parts;
  if (kind === 'client' && parts.length === 1) return { kind: 'client' };
  if (kind === 'client' && parts.length === 2 && a && parseIPv4(a) !== null) return { kind: 'client', ip: a };
  if (kind === 'pod' && parts.length === 2 && a) return { kind: 'pod', name: a };
  if (kind === 'pod' && parts.length === 3 && a && b) return { kind: 'pod', namespace: a, name: b };
  if (kind === 'node' && parts.length === 2 && a) return { kind: 'node', name: a };
  throw new ConnectionError('from', `"${text}" is not client, client/IP, pod/NAME, pod/NAMESPACE/NAME or node/NAME`);
}

/**
 * Parses a `--to` value "IP:PORT", or "node/NAME:PORT" when `nodeAddress` can give the node's
 * IP; throws ConnectionError("to", …).
 */
export function parseConnectionTarget(text: string, nodeAddress?: (name: string) => string | undefined): { ip: string; port: number } {
  const colon = text.lastIndexOf(':');
  const host = colon < 0 ? '' : text.slice(0, colon);
  const portText = colon < 0 ? '' : text.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new ConnectionError('to', `"${text}" needs a port 0-65535 after ":" (IP:PORT)`);
  const port = Number(portText);
  if (host.startsWith('node/')) {
    const ip = nodeAddress?.(host.slice(5));
    if (ip === undefined) throw new ConnectionError('to', `no node "${host.slice(5)}"`);
    return { ip, port };
  }
  if (parseIPv4(host) === null) throw new ConnectionError('to', `"${host}" is not an IPv4 address (IP:PORT)`);
  return { ip: host, port };
}

/** One outcome as the CLI prints it. */
export interface CliOutcome {
  readonly probability: number;
  readonly verdict: Verdict;
  /** "ip:port" where the connection landed, or null. */
  readonly destination: string | null;
  /** "namespace/name" of the pod reached, or null. */
  readonly pod: string | null;
  readonly masquerade: boolean;
  readonly sourceSeen: string | null;
  readonly hops: readonly string[];
  readonly decidedBy: RuleRef | null;
  readonly reason: string | null;
  readonly answered: boolean | null;
  readonly trace: readonly TraceEntry[];
}

/** The `--json` object. */
export interface CliJson {
  readonly outcomes: readonly CliOutcome[];
  readonly sampled?: {
    readonly count: number;
    readonly destinations: Readonly<Record<string, number>>;
    readonly dropped: number;
    readonly rejected: number;
    readonly unanswered: number;
  };
}

/** Builds the CLI's JSON from exact outcomes and, with --count, a run summary. */
export function toCliJson(outcomes: readonly { probability: number; result: ConnectionResult }[], sampled?: RunSummary): CliJson {
  const json: CliJson = {
    outcomes: outcomes.map(({ probability, result: r }) => ({
      probability,
      verdict: r.verdict,
      destination: r.destination ? `${r.destination.ip}:${r.destination.port}` : null,
      pod: r.destination?.kind === 'pod' ? `${r.destination.namespace}/${r.destination.name}` : null,
      masquerade: r.masquerade,
      sourceSeen: r.sourceSeen ? `${r.sourceSeen.ip}:${r.sourceSeen.port}` : null,
      hops: r.hops,
      decidedBy: r.decidedBy,
      reason: r.reason,
      answered: r.reply ? r.reply.delivered : null,
      trace: r.trace ?? [],
    })),
  };
  if (!sampled) return json;
  return {
    ...json,
    sampled: {
      count: sampled.count,
      destinations: sampled.destinations,
      dropped: sampled.dropped,
      rejected: sampled.rejected,
      unanswered: sampled.unanswered,
    },
  };
}
