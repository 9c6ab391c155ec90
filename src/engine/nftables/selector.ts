/**
 * Selectors: the words of a rule that name a value of the packet or its context (payload,
 * meta, ct, fib, numgen), each compiled to a getter and the type its values parse as. A
 * selector limited to one protocol (tcp dport) carries that protocol as a guard.
 */
import type { NftRun } from './compiled';
import { RuleError, type RuleReader } from './ruleReader';
import { internIface, type Value, type ValueType } from './values';

/**
 * A compiled selector: what it reads, and the protocol and IP family (4 for `ip …`, 6 for
 * `ip6 …`) the packet must have, if any.
 */
export type Selector = {
  readonly type: ValueType;
  readonly get: (r: NftRun) => Value;
  readonly proto?: number;
  readonly family?: 4 | 6;
};

/** One selector, or null when the next words are not one. */
export function readSelector(c: RuleReader): Selector | null {
  const a = c.peek();
  const b = c.peek(1);
  if ((a === 'ip' || a === 'ip6') && (b === 'saddr' || b === 'daddr' || b === 'protocol')) {
    c.i += 2;
    const family = a === 'ip' ? 4 : 6;
    if (b === 'protocol') return { type: 'proto', get: (r) => r.p.proto, family };
    const type = family === 4 ? 'addr' : 'addr6';
    return b === 'saddr' ? { type, get: (r) => r.p.src, family } : { type, get: (r) => r.p.dst, family };
  }
  if (a === 'ip6' && b === 'nexthdr') {
    c.i += 2;
    return { type: 'proto', get: (r) => r.p.proto, family: 6 };
  }
  if (a === 'meta' && b === 'nfproto') {
    c.i += 2;
    return { type: 'nfproto', get: (r) => (typeof r.p.src === 'number' ? 2 : 10) };
  }
  if ((a === 'th' || a === 'tcp' || a === 'udp' || a === 'sctp') && (b === 'dport' || b === 'sport')) {
    c.i += 2;
    const proto = a === 'tcp' ? 6 : a === 'udp' ? 17 : a === 'sctp' ? 132 : undefined;
    const get = b === 'dport' ? (r: NftRun) => r.p.dport : (r: NftRun) => r.p.sport;
    return proto === undefined ? { type: 'port', get } : { type: 'port', get, proto };
  }
  if ((a === 'icmp' || a === 'icmpv6') && (b === 'type' || b === 'code')) {
    c.i += 2;
    const proto = a === 'icmp' ? 1 : 58;
    // A walked ICMP packet is a ping: an echo request or reply, whose code is always 0.
    if (b === 'code') return { type: a === 'icmp' ? 'icmpcode' : 'icmpv6code', get: () => 0, proto };
    return { type: a === 'icmp' ? 'icmptype' : 'icmpv6type', get: (r) => r.p.icmpType, proto };
  }
  const metaKey = a === 'meta' ? b : a;
  const skip = a === 'meta' ? 2 : 1;
  if (metaKey === 'l4proto' && a === 'meta') {
    c.i += 2;
    return { type: 'proto', get: (r) => r.p.proto };
  }
  if (metaKey === 'mark' && c.peek(skip) !== 'set') {
    c.i += skip;
    return { type: 'mark', get: (r) => r.p.mark };
  }
  if (metaKey === 'iifname' || metaKey === 'oifname' || metaKey === 'iif' || metaKey === 'oif') {
    c.i += skip;
    return metaKey.startsWith('i')
      ? { type: 'ifname', get: (r) => internIface(r.p.inIface) }
      : { type: 'ifname', get: (r) => internIface(r.p.outIface) };
  }
  if (a === 'ct' && b === 'state') {
    c.i += 2;
    return { type: 'ctstate', get: (r) => r.p.ctstate };
  }
  if (a === 'fib' && (b === 'saddr' || b === 'daddr')) {
    c.i += 2;
    if (c.peek() === '.') throw new RuleError('fib lookups with "." (iif/oif/mark) are not modelled');
    c.expect('type');
    return b === 'saddr'
      ? { type: 'fibtype', get: (r) => r.addresses.typeOf(r.p.src) }
      : { type: 'fibtype', get: (r) => r.addresses.typeOf(r.p.dst) };
  }
  if (a === 'numgen') {
    c.i++;
    const mode = c.next();
    if (mode !== 'random') throw new RuleError(`numgen ${mode} is not modelled (only numgen random)`);
    c.expect('mod');
    const n = Number(c.next());
    if (!Number.isInteger(n) || n < 1) throw new RuleError('numgen random mod needs a positive integer');
    let offset = 0;
    if (c.peek() === 'offset') {
      c.i++;
      offset = Number(c.next());
    }
    return { type: 'number', get: (r) => r.e.chooser.uniform(n) + offset };
  }
  return null;
}
