/**
 * Typed values of nft expressions: every key part is a number (IPv4 addresses as uint32,
 * protocol numbers, ports, marks, conntrack state bits, fib address types, interned interface
 * names) or, for an IPv6 address, a bigint; set elements are [lo, hi] ranges of them, so
 * prefixes, ranges and single values match the same way.
 */
import { NFT_ICMP_CODES, NFT_ICMP_TYPES, NFT_ICMPV6_CODES, NFT_ICMPV6_TYPES } from '../netfilter/icmpTypes';
import { AddrType, CtState } from '../netfilter/model';
import { parseIPv4, parsePrefix } from '../netfilter/ip';
import { ALL_ONES_128, parseIPv6 } from '../netfilter/ip6';

/** The kinds of value a selector yields ('addr' IPv4, 'addr6' IPv6). */
export type ValueType =
  | 'addr'
  | 'addr6'
  | 'proto'
  | 'port'
  | 'mark'
  | 'ctstate'
  | 'fibtype'
  | 'ifname'
  | 'nfproto'
  | 'number'
  | 'icmptype'
  | 'icmpv6type'
  | 'icmpcode'
  | 'icmpv6code';

/** One key part's value: a bigint for an IPv6 address, a number for everything else. */
export type Value = number | bigint;

/** An inclusive range of values, one family or kind on both ends. */
export type ValueRange = [Value, Value];

/** Set key types by name (nft's datatype names). */
export const SET_KEY_TYPES: Readonly<Record<string, ValueType>> = {
  ipv4_addr: 'addr',
  ipv6_addr: 'addr6',
  inet_proto: 'proto',
  inet_service: 'port',
  mark: 'mark',
  ifname: 'ifname',
  ct_state: 'ctstate',
  icmp_type: 'icmptype',
  icmpv6_type: 'icmpv6type',
  icmp_code: 'icmpcode',
  icmpv6_code: 'icmpv6code',
};

const PROTOCOLS: Readonly<Record<string, number>> = {
  icmp: 1,
  tcp: 6,
  udp: 17,
  sctp: 132,
  'ipv6-icmp': 58,
  icmpv6: 58,
};
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

const ICMP_NAMES = {
  icmptype: NFT_ICMP_TYPES,
  icmpv6type: NFT_ICMPV6_TYPES,
  icmpcode: NFT_ICMP_CODES,
  icmpv6code: NFT_ICMPV6_CODES,
} as const;

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
export function parseValue(type: ValueType, text: string): ValueRange | null {
  switch (type) {
    case 'addr6': {
      if (!text.includes(':')) return null;
      if (text.includes('/')) {
        const p = parsePrefix(text);
        return p && typeof p.addr === 'bigint' ? [p.addr, p.addr | (ALL_ONES_128 ^ (p.mask as bigint))] : null;
      }
      const dash = text.indexOf('-');
      if (dash > 0) {
        const a = parseIPv6(text.slice(0, dash));
        const b = parseIPv6(text.slice(dash + 1));
        return a !== null && b !== null ? [a, b] : null;
      }
      const a = parseIPv6(text);
      return a === null ? null : [a, a];
    }
    case 'addr': {
      if (text.includes('/')) {
        const p = parsePrefix(text);
        return p && typeof p.addr === 'number' ? [p.addr, (p.addr | ~(p.mask as number)) >>> 0] : null;
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
    case 'nfproto': {
      // NFPROTO_IPV4 and NFPROTO_IPV6, as `meta nfproto` reads them.
      const v = text === 'ipv4' ? 2 : text === 'ipv6' ? 10 : integer(text);
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
    case 'icmptype':
    case 'icmpv6type':
    case 'icmpcode':
    case 'icmpv6code': {
      const v = ICMP_NAMES[type][text] ?? integer(text);
      return v === null || v > 255 ? null : [v, v];
    }
  }
}
