/** The `--from` value of `npm run trace`: which client, pod or node a connection starts from. */
import { ConnectionError, type Source } from '../engine/simulate';
import { parseIPv4 } from '../engine/rules';

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
