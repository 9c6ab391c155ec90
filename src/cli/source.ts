/** The `--from` value of `npm run trace`: which client, pod or node a connection starts from. */
import { ConnectionError, type Source } from '../engine/simulate';
import { parseAddress } from '../engine/rules';

/** Parses a `--from` value; throws ConnectionError("from", …) with the accepted forms. */
export function parseSource(text: string): Source {
  const parts = text.split('/');
  const [kind, a, b] = parts;
  if (kind === 'client' && parts.length === 1) return { kind: 'client' };
  if (kind === 'client' && parts.length === 2 && a && parseAddress(a) !== null) return { kind: 'client', ip: a };
  if (kind === 'pod' && parts.length === 2 && a) return { kind: 'pod', name: a };
  if (kind === 'pod' && parts.length === 3 && a && b) return { kind: 'pod', namespace: a, name: b };
  if (kind === 'node' && parts.length === 2 && a) return { kind: 'node', name: a };
  throw new ConnectionError('from', `"${text}" is not client, client/IP, pod/NAME, pod/NAMESPACE/NAME or node/NAME`);
}

/** The name of the one node a `--rules` dump describes (fromRulesText's default). */
const RULES_NODE = 'node';

/**
 * The source of a `--rules` connection: a client, or the node itself when `--from-node` says
 * so or `--src` is one of its addresses (a `--local-ip`, or 127.0.0.0/8 or ::1, which are
 * always the node's). The trace page decides the same way. Throws ConnectionError("--src", …)
 * for a `--from-node` source that is not the node's. Without --src, a node source uses the
 * first --local-ip of the destination's family (`dst`).
 */
export function rulesSource(
  src: string | undefined,
  localIPs: readonly string[],
  fromNode: boolean,
  dst?: string,
): Source {
  const v = src === undefined ? null : parseAddress(src);
  const local =
    v !== null &&
    ((typeof v === 'number' && v >>> 24 === 127) || v === 1n || localIPs.some((ip) => parseAddress(ip) === v));
  if (local) return { kind: 'node', name: RULES_NODE, ip: src as string };
  if (!fromNode) return src === undefined ? { kind: 'client' } : { kind: 'client', ip: src };
  if (src !== undefined)
    throw new ConnectionError(
      '--src',
      `${src} is not one of the node's addresses (--local-ip, 127.0.0.0/8 or ::1), so it cannot start on the node`,
    );
  const v6 = dst !== undefined && dst.includes(':');
  const ip = localIPs.find((a) => a.includes(':') === v6) ?? (v6 ? '::1' : '127.0.0.1');
  return { kind: 'node', name: RULES_NODE, ip };
}
