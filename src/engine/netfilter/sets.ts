/**
 * ipsets supplied by the caller for `-m set --match-set NAME FLAGS` (kube-proxy's ipvs mode,
 * Calico). Without the set's contents a rule using it cannot be judged, so such rules stay
 * unsupported unless the set is given here.
 */
import { inPrefix, parsePrefix, type Prefix } from './ip';
import type { Packet } from './packet';
import { parseProtocol } from './values';

/** An ipset as `ipset list` describes it: its type and its members as `ipset add` writes them. */
export interface IpSetSpec {
  readonly type:
    'hash:ip' | 'hash:net' | 'hash:ip,port' | 'hash:net,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';
  /** e.g. "10.96.0.10,tcp:53", "10.244.0.0/16", "30080". */
  readonly members: readonly string[];
}

type Dimension = { kind: 'net'; prefix: Prefix } | { kind: 'port'; proto: number; first: number; last: number };

/** A membership test: does the packet, read through these src/dst flags, belong to the set? */
export type SetTest = (p: Packet, flags: readonly ('src' | 'dst')[]) => boolean;

function parseDimension(kind: string, text: string): Dimension | null {
  if (kind === 'ip' || kind === 'net') {
    const prefix = parsePrefix(text);
    return prefix ? { kind: 'net', prefix } : null;
  }
  // "tcp:80", "udp:53", "80" (tcp), or a bitmap range "1000-2000".
  const colon = text.indexOf(':');
  const protoText = colon < 0 ? 'tcp' : text.slice(0, colon);
  const portText = colon < 0 ? text : text.slice(colon + 1);
  const proto = parseProtocol(protoText);
  const [a, b] = portText.split('-');
  const first = Number(a);
  const last = b === undefined ? first : Number(b);
  if (!proto.ok || !Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last > 65535 || last < first)
    return null;
  return { kind: 'port', proto: proto.value, first, last };
}

/** Compiles a set into a membership test, or returns an error naming the bad member. */
export function compileSet(name: string, spec: IpSetSpec): SetTest | string {
  const kinds = spec.type.slice(spec.type.indexOf(':') + 1).split(',');
  const members: Dimension[][] = [];
  for (const m of spec.members) {
    const parts = m.split(',');
    if (parts.length !== kinds.length)
      return `set ${name}: member "${m}" does not have the ${kinds.length} parts of ${spec.type}`;
    const dims: Dimension[] = [];
    for (let i = 0; i < parts.length; i++) {
      const d = parseDimension(kinds[i] as string, (parts[i] as string).trim());
      if (!d) return `set ${name}: "${parts[i]}" in member "${m}" is not a valid ${kinds[i]}`;
      dims.push(d);
    }
    members.push(dims);
  }
  return (p, flags) => {
    // ip_set_test(): fewer flags than the set has dimensions never matches.
    if (flags.length < kinds.length) return false;
    outer: for (const dims of members) {
      for (let i = 0; i < dims.length; i++) {
        const d = dims[i] as Dimension;
        const side = flags[i];
        if (d.kind === 'net') {
          if (!inPrefix(side === 'src' ? p.src : p.dst, d.prefix)) continue outer;
        } else {
          const port = side === 'src' ? p.sport : p.dport;
          if (p.proto !== d.proto || port < d.first || port > d.last) continue outer;
        }
      }
      return true;
    }
    return false;
  };
}
