/**
 * The engine's step details and drop reasons in the reader's language, for the playground and
 * the trace page. The engine writes them in English for its own trace (CLI, tests); a Korean
 * page must not show "via node-1" or "LAN host", so each known form is recognised here and
 * rewritten from the page's string table. A form this file does not know comes back as
 * `code: true`, and <Saying> shows it as a literal engine message rather than as a sentence.
 */
import type { PlaygroundStrings } from '../i18n/playground/index';
import { fill } from './fill';

/** The words for a step's detail ("via {node}", "LAN host", …). */
export type DetailStrings = PlaygroundStrings['trace']['details'];
/** The sentences for the engine's drop reasons. */
export type ReasonStrings = PlaygroundStrings['trace']['reasons'];

/** A piece of text for the page, and whether it is an untranslated engine message. */
export interface Said {
  readonly text: string;
  readonly code: boolean;
}

const NAME = /^[\w.-]+(?:\/[\w.-]+)?$/;

/** A step's detail: "via node-1" → "node-1 경유", "LAN host" → "LAN의 호스트"; names stay as they are. */
export function detailText(d: DetailStrings, detail: string): Said {
  if (detail === '') return { text: '', code: false };
  if (detail.startsWith('via ')) return { text: fill(d.via, { node: detail.slice(4) }), code: false };
  const fixed: Readonly<Record<string, string>> = {
    'LAN host': d.lanHost,
    'default gateway': d.gateway,
    'node stack': d.nodeStack,
    'node socket': d.nodeSocket,
    local: d.local,
    pod: d.pod,
    host: d.host,
    gateway: d.gateway,
  };
  const known = fixed[detail];
  if (known !== undefined) return { text: known, code: false };
  // Node and pod names ("node-2", "default/pod-1") read the same in every language.
  return { text: detail, code: !NAME.test(detail) };
}

/** Each drop reason the engine writes, and the string that says it. */
const REASONS: ReadonlyArray<readonly [RegExp, keyof ReasonStrings, readonly string[]]> = [
  [
    /^Cilium: frontend (\S+) has no backend on this node \(externalTrafficPolicy=Local\): (.+)$/,
    'noLocalBackend',
    ['frontend', 'outcome'],
  ],
  [/^Cilium: frontend (\S+) has no backend: (.+)$/, 'noBackend', ['frontend', 'outcome']],
  [
    /^(\S+) is a service address on kube-ipvs0, but port (\d+) is no service port there$/,
    'ipvsNoPort',
    ['address', 'port'],
  ],
  [/^IPVS virtual server (.+) has no real server: the kernel answers ICMP port unreachable$/, 'ipvsNoReal', ['vs']],
  [/^(\S+) drops the packet: TTL exceeded \(routing loop\)$/, 'ttl', ['node']],
  [/^pod (\S+) drops a packet whose source is its own address \(martian source\)$/, 'martianPod', ['pod']],
  [
    /^(\S+) drops a packet from outside whose source (\S+) is its own address \(martian source\)$/,
    'martianNode',
    ['node', 'address'],
  ],
  [/^(\S+) has no address to send from on (\S+)$/, 'noSource', ['node', 'iface']],
  [/^the client has no route to ([\d.]+): /, 'noRoute', ['address']],
];

/** Why a connection was dropped, in the page's language; unknown reasons come back as code. */
export function reasonText(r: ReasonStrings, reason: string): Said {
  for (const [pattern, key, names] of REASONS) {
    const m = pattern.exec(reason);
    if (m === null) continue;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = m[i + 1] ?? '';
      values[name] = name === 'outcome' && value === 'connect() fails with EHOSTUNREACH' ? r.socketFails : value;
    });
    return { text: fill(r[key], values), code: false };
  }
  return { text: reason, code: true };
}

/** Engine text in the page's language, or as a literal engine message when it has no translation. */
export function Saying({ said }: { readonly said: Said }) {
  return said.code ? <code lang="en">{said.text}</code> : <>{said.text}</>;
}
