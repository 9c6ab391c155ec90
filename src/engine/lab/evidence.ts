/**
 * What a run leaves behind as evidence: connections tallied by client, entry node, how they
 * ended and the source address the serving pod saw. Every observable is measured from these
 * tallies, so a stored run can be graded again without the engine.
 */
import type { ConnectionResult } from '../network/types';
import { experienceOf as clientSees } from '../run/experience';
import type { Experience } from './spec';

/** How a connection ended: the serving pod's name, or one of the two failures. */
export type End = string;

/** The end of a connection a REJECT answered (ICMP port unreachable, or a TCP RST). */
export const REFUSED: End = 'refused';
/** The end of a connection nothing answered (DROP, or an answer that never came back). */
export const TIMED_OUT: End = 'timedOut';
/** The end of a connection the engine cannot judge (it left the cluster, or met a rule it does not model). */
export const UNKNOWN: End = 'unknown';

/** Connections that share client, entry node, end and source address. */
export interface Tally {
  readonly client: string;
  readonly entry: string;
  readonly end: End;
  /** The source address the pod saw; "" when no pod served the connection. */
  readonly source: string;
  /** The pod that opened the connection, when a pod did (absent for an outside client). */
  readonly caller?: string;
  readonly count: number;
}

/** How one connection ended, as the client experiences it. */
export function endOf(result: ConnectionResult): End {
  switch (clientSees(result)) {
    case 'served':
      return result.destination?.kind === 'pod' ? result.destination.name : UNKNOWN;
    case 'refused':
      return REFUSED;
    case 'timed-out':
      return TIMED_OUT;
    case 'unknown':
      return UNKNOWN;
  }
}

/** The client's experience of an end (null for an end the engine could not judge). */
export function experienceOf(end: End): Experience | null {
  return end === REFUSED ? 'refused' : end === TIMED_OUT ? 'timedOut' : end === UNKNOWN ? null : 'served';
}

/** True when `end` names a pod. */
export function isPodEnd(end: End): boolean {
  return end !== REFUSED && end !== TIMED_OUT && end !== UNKNOWN;
}

/** The source address a served connection was seen from ("" otherwise). */
export function sourceOf(result: ConnectionResult, end: End): string {
  return isPodEnd(end) ? (result.sourceSeen?.ip ?? '') : '';
}

/** Adds `count` connections to the tallies (merging with an equal key). */
export function addTally(tallies: Tally[], entry: Omit<Tally, 'count'>, count: number): void {
  const same = tallies.find(
    (t) =>
      t.client === entry.client &&
      t.entry === entry.entry &&
      t.end === entry.end &&
      t.source === entry.source &&
      t.caller === entry.caller,
  );
  if (same) (same as { count: number }).count += count;
  else tallies.push({ ...entry, count });
}

/** Connections per end, over all tallies. */
export function countsByEnd(tallies: readonly Tally[]): Record<End, number> {
  const out: Record<End, number> = {};
  for (const t of tallies) out[t.end] = (out[t.end] ?? 0) + t.count;
  return out;
}
