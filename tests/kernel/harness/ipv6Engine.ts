/** The engine side of the IPv6 `--rules` suite: its exact outcomes in the kernel's terms, and the verdict. */
import { fromRulesText, type ConnectionResult, type EchoResult, type Source } from '../../../src/engine/simulate';
import { compareWithEngine, formatComparison, type Comparison, type ExpectedOutcome } from './compare';
import { type ProbeResult } from './kernelCluster';
import { type RulesMode } from './rules';
import { CLIENT_IP, IPV6_DUMPS, NODE_IP, canonicalIP, endpointLabel } from './ipv6Rules';
import type { Ipv6Probe } from './ipv6Node';

/**
 * What a client and a backend observe of one engine outcome in `--rules` mode. A connection
 * the node forwards out of eth0 leaves the simulation as an "external" destination: its
 * address and port after DNAT name the backend that answers, and `sourceSeen` is what that
 * backend sees (the node's address after MASQUERADE). Delivery to the node's own stack is
 * refused by a RST (nothing listens there), like a REJECT; a DROP leaves no answer.
 */
export function rulesModeObservable(result: ConnectionResult, probability: number): ExpectedOutcome {
  switch (result.verdict) {
    case 'UNKNOWN':
      return { kind: 'other', label: `engine cannot judge: ${result.reason ?? 'unknown rule'}`, probability };
    case 'DROP':
      return { kind: 'no-answer', probability };
    case 'REJECT':
      return { kind: 'refused', probability };
    default:
      break;
  }
  const destination = result.destination;
  if (destination === null)
    return { kind: 'other', label: `engine: ${result.verdict} without a destination`, probability };
  if (destination.kind === 'node') return { kind: 'refused', probability };
  if (destination.kind === 'pod')
    return { kind: 'other', label: `engine: a pod ${destination.name} in --rules mode`, probability };
  if (result.sourceSeen === null)
    return { kind: 'other', label: `engine: ${destination.ip} sees no source`, probability };
  return {
    kind: 'pod',
    pod: endpointLabel(destination.ip, destination.port),
    source: canonicalIP(result.sourceSeen.ip),
    probability,
  };
}

/** The engine's exact outcomes for one new connection, through `--rules` mode on `dump`. */
export function engineExpectation(
  dump: string,
  from: string,
  host: string,
  port: number,
  localIPs: readonly string[] = [NODE_IP],
): ExpectedOutcome[] {
  const simulation = fromRulesText(dump, { localIPs });
  const source: Source = { kind: 'client', ip: from };
  return simulation
    .exact({ from: source, to: { ip: host, port } }, { trace: false })
    .map((o) => rulesModeObservable(o.result, o.probability));
}

/** The engine's answer to a ping from the client (CLIENT_IP) or from the node, through `--rules` mode. */
export function engineEcho6(mode: RulesMode, from: 'client' | 'node', ip: string): EchoResult {
  const source: Source = from === 'client' ? { kind: 'client', ip: CLIENT_IP } : { kind: 'node', name: 'node' };
  const outcomes = fromRulesText(IPV6_DUMPS[mode], { localIPs: [NODE_IP] }).exact(
    { from: source, to: { ip }, protocol: 'icmp' },
    { trace: false },
  );
  const echo = outcomes[0]?.result.echo;
  if (outcomes.length !== 1 || echo === undefined)
    throw new Error(`the engine gave ${outcomes.length} outcomes for a ping, expected one with an echo result`);
  return echo;
}

/** A kernel probe judged against the engine: the χ² comparison and its side-by-side table. */
export interface Ipv6Verdict {
  readonly comparison: Comparison;
  readonly report: string;
}

/** Compares what the kernel did in `probe` with the engine's prediction for the same request. */
export function judgeWithEngine(mode: RulesMode, request: Ipv6Probe, probe: ProbeResult): Ipv6Verdict {
  const expected = engineExpectation(IPV6_DUMPS[mode], request.from, request.host, request.port);
  const comparison = compareWithEngine(probe, expected);
  const title = `[${mode}, IPv6] ${request.from} → [${request.host}]:${request.port}, ${request.count} connections (${probe.elapsedMs.toFixed(0)} ms in the kernel)`;
  return { comparison, report: formatComparison(title, comparison) };
}
