/** The compiled `-s`/`-d` match of a rule, for packets of either family. */
import type { Test } from './compile';
import { inPrefix, type Address, type Prefix } from './ip';

/**
 * `-s`/`-d`: the IPv4 closure keeps the one-AND match of the hot path; an IPv6 prefix compares
 * bigints. A packet of the other family never matches (a ruleset is one family's, as a table
 * of iptables-save or ip6tables-save is).
 */
export function addressTest(prefix: Prefix, negated: boolean, side: 'src' | 'dst'): Test {
  const { addr, mask } = prefix;
  if (typeof mask === 'number')
    return side === 'src'
      ? (p) => typeof p.src === 'number' && ((p.src & mask) >>> 0 === addr) !== negated
      : (p) => typeof p.dst === 'number' && ((p.dst & mask) >>> 0 === addr) !== negated;
  const isV6 = (a: Address): boolean => typeof a === 'bigint';
  return side === 'src'
    ? (p) => isV6(p.src) && inPrefix(p.src, prefix) !== negated
    : (p) => isV6(p.dst) && inPrefix(p.dst, prefix) !== negated;
}
