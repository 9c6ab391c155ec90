/**
 * The JSON object `npm run trace -- --json` prints (issue 3): exact outcomes flattened to
 * strings and flags a script can compare, and with --count the sampled run's totals. A CLI
 * shape, so it lives with the CLI; the engine hands over its results as they are.
 */
import { joinHostPort } from '../engine/rules';
import type { EchoResult, ExactOutcome, RuleRef, RunSummary, TraceEntry, Verdict } from '../engine/simulate';

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
  /** --proto icmp only: what the ping got back (the engine's EchoResult). */
  readonly echo?: EchoResult;
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
export function toCliJson(outcomes: readonly ExactOutcome[], sampled?: RunSummary): CliJson {
  const json: CliJson = {
    outcomes: outcomes.map(({ probability, result: r }) => ({
      probability,
      verdict: r.verdict,
      destination: r.destination ? joinHostPort(r.destination.ip, r.destination.port) : null,
      pod: r.destination?.kind === 'pod' ? `${r.destination.namespace}/${r.destination.name}` : null,
      masquerade: r.masquerade,
      // "ip:random" when the kernel draws the port (MASQUERADE --random-fully).
      sourceSeen: r.sourceSeen ? joinHostPort(r.sourceSeen.ip, r.sourceSeen.port ?? 'random') : null,
      hops: r.hops,
      decidedBy: r.decidedBy,
      reason: r.reason,
      answered: r.reply ? r.reply.delivered : null,
      trace: r.trace ?? [],
      ...(r.echo === undefined ? {} : { echo: r.echo }),
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
