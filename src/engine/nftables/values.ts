/**
 * Typed values of nft expressions: every key part is a number (addresses as uint32, protocol
 * numbers, ports, marks, conntrack state bits, fib address types, interned interface names),
 * and set elements are [lo, hi] ranges of them, so prefixes, ranges and single values match
 * the same way.
 */
import { AddrType, CtState } from '../netfilter/model';
import { parseIPv4, parsePrefix } from '../netfilter/ip';

/** The kinds of value a selector yields. */
export type ValueType = 'addr' | 'proto' | 'port' | 'mark' | 'ctstate' | 'fibtype' | 'ifname' | 'number';

/** Set key types by name (nft's datatype names). */
export const SET_KEY_TYPES: Readonly<Record<string, ValueType>> = {
  ipv4_addr: 'addr',
  inet_proto: 'proto',
  inet_service: 'port',
  mark: 'mark',
  ifname: 'ifname',
  ct_state: 'ctstate',
};

const PROTOCOLS: Readonly<Record<string, number>> = { icmp: 1, tcp: 6, udp: 17, sctp: 132 };
const SERVICES: Readonly<Record<string, number>> = { ssh: 22, domain: 53, http: 80, https: 443 };
const CT_STATES: Readonly<Record<string, number>> = {
  invalid: CtState.INVALID,
  new: CtState.NEW,
  established: CtState.ESTABLISHED,
  related: CtState.RELATED,
  untracked: CtState.UNTRACKED,
};
const FIB_TYPES: Readonly<Record<string, number>> = {
  local: AddrType.LOCAL,
  unicast: AddrType.UNICAST,
  broadcast: AddrType.BROADCAST,
  multicast: AddrType.MULTICAST,
};

const interned = new Map<string, number>();
/** A stable number for an interface name ("" is 0). */
export function internIface(name: string): number {
  if (name === '') return 0;
  let id = interned.get(name);
  if (id === undefined) {
    id = interned.size + 1;
    interned.set(name, id);
  }
  return id;
}

function integer(text: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16) >>> 0;
  if (/^\d+$/.test(text)) return Number(text);
  return null;
}

/** Parses one value of a type into a [lo, hi] range; null when it is not one. */
export function parseValue(type: ValueType, text: string): [number, number] | null {
  switch (type) {
    case 'addr': {
      if (text.includes('/')) {
        const p = parsePrefix(text);
        return p ? [p.addr, (p.addr | ~p.mask) >>> 0] : null;
      }
      const dash = text.indexOf('-');
      if (dash > 0) {
        const a = parseIPv4(text.slice(0, dash));
        const b = parseIPv4(text.slice(dash + 1));
        return a !== null && b !== null ? [a, b] : null;
      }
      const a = parseIPv4(text);
      return a === null ? null : [a, a];
    }
    case 'proto': {
      const v = PROTOCOLS[text] ?? integer(text);
      return v === null ? null : [v, v];
    }
    case 'port': {
      const dash = text.indexOf('-');
      if (dash > 0) {
        const a = integer(text.slice(0, dash));
        const b = integer(text.slice(dash + 1));
        return a !== null && b !== null ? [a, b] : null;
      }
      const v = SERVICES[text] ?? integer(text);
      return v === null ? null : [v, v];
    }
    case 'mark':
    case 'number': {
      const v = integer(text);
      return v === null ? null : [v, v];
    }
    case 'ctstate': {
      const v = CT_STATES[text];
      return v === undefined ? null : [v, v];
    }
    case 'fibtype': {
      const v = FIB_TYPES[text];
      return v === undefined ? null : [v, v];
    }
    case 'ifname':
      return text.includes('*') ? null : [internIface(text), internIface(text)];
  }
}
