/**
 * What the client program sees of a TCP connection the walk followed: an answer, an error at
 * once, or nothing until its own timeout. The walk knows what netfilter did; this module
 * turns that into what `curl` or `connect()` reports, the same translation the kernel suite
 * checks against real sockets (tests/kernel/harness/engine.ts).
 */
import type { ConnectionResult } from '../network/types';

/**
 * served     a pod got the connection and its answer came back to the client;
 * refused    an error came back at once: a REJECT rule's ICMP port unreachable, or a RST from
 *            a node's own stack, where no program listens on the port (ECONNREFUSED);
 * timed-out  nothing came back: a DROP, a packet the kernel discarded, or an answer lost on
 *            its way back, so the client retries its SYN until it gives up (ETIMEDOUT);
 * unknown    the walk cannot say: it left the cluster, or met a rule the engine does not model.
 */
export type Experience = 'served' | 'refused' | 'timed-out' | 'unknown';

/** Every experience, in the order a reader meets them (for tables and zero counts). */
export const EXPERIENCES: readonly Experience[] = ['served', 'refused', 'timed-out', 'unknown'];

/**
 * What the client experiences for one walked connection. A ping (an icmp flow) is read from
 * its echo result: a reply is served, a destination-unreachable error is refused, and no
 * answer at all is timed out (ping reports the loss when its wait ends).
 */
export function experienceOf(result: ConnectionResult): Experience {
  if (result.echo !== undefined) {
    if (result.echo.kind === 'reply') return 'served';
    return result.echo.kind === 'unreachable' ? 'refused' : 'timed-out';
  }
  switch (result.verdict) {
    case 'UNKNOWN':
      return 'unknown';
    case 'DROP':
      return 'timed-out';
    case 'REJECT':
      return 'refused';
    default:
      break;
  }
  const destination = result.destination;
  if (destination === null || destination.kind === 'external') return 'unknown';
  if (destination.kind === 'node') return 'refused';
  if (result.reply !== null && !result.reply.delivered) return 'timed-out';
  return 'served';
}
