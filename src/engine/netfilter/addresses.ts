/**
 * A node's interfaces and addresses, and the route types `-m addrtype` derives from them the
 * way the kernel's local and broadcast routes do: every assigned address is LOCAL (on the
 * loopback device the whole IPv4 prefix is, so 127.0.0.0/8 is LOCAL; IPv6 has only ::1), a
 * subnet's broadcast address and 255.255.255.255 are BROADCAST, 224.0.0.0/4 and ff00::/8 are
 * MULTICAST, anything else UNICAST. IPv6 has no broadcast.
 */
import { inPrefix, parsePrefix, type Address, type Prefix } from './ip';
import { maskOf6 } from './ip6';
import { AddrType } from './model';

const MULTICAST6_MASK = maskOf6(8);
const MULTICAST6 = 0xffn << 120n;

/** An interface and the addresses assigned to it ("a.b.c.d/len"). */
export interface InterfaceAddresses {
  readonly name: string;
  readonly addresses: readonly string[];
  /** True for the loopback device (its whole prefix is local). Default: name === "lo". */
  readonly loopback?: boolean;
}

interface Assigned {
  readonly iface: string;
  readonly address: Address;
  readonly prefix: Prefix;
  readonly loopback: boolean;
}

/** Address facts of one node, precomputed for the evaluator. */
export class NodeAddresses {
  private readonly local = new Set<Address>();
  private readonly localPrefixes: Prefix[] = [];
  private readonly broadcast = new Set<number>([0xffffffff]);
  private readonly assigned: Assigned[] = [];

  /** Builds the facts; returns the addresses that could not be parsed in `invalid`. */
  constructor(readonly interfaces: readonly InterfaceAddresses[]) {
    for (const i of interfaces) {
      const loopback = i.loopback ?? i.name === 'lo';
      for (const text of i.addresses) {
        const slash = text.indexOf('/');
        const prefix = parsePrefix(text);
        const address = parsePrefix(slash < 0 ? text : text.slice(0, slash));
        if (!prefix || !address)
          throw new RangeError(`interface ${i.name}: "${text}" is not an IPv4 or IPv6 address with prefix`);
        this.assigned.push({ iface: i.name, address: address.addr, prefix, loopback });
        this.local.add(address.addr);
        // An IPv6 loopback prefix is ::1/128 only: the kernel has no local route for the rest.
        if (typeof prefix.addr === 'bigint') continue;
        if (loopback) this.localPrefixes.push(prefix);
        else if (prefix.length < 31) this.broadcast.add((prefix.addr | ~(prefix.mask as number)) >>> 0);
      }
    }
  }

  /** Whether the address is one of the node's own (addrtype LOCAL). */
  isLocal(address: Address): boolean {
    if (this.local.has(address)) return true;
    for (const p of this.localPrefixes) if (inPrefix(address, p)) return true;
    return false;
  }

  /** Whether the address is local on one interface (addrtype --limit-iface-in/out). */
  isLocalOn(iface: string, address: Address): boolean {
    for (const a of this.assigned) {
      if (a.iface !== iface) continue;
      if (a.address === address) return true;
      if (a.loopback && typeof address === 'number' && inPrefix(address, a.prefix)) return true;
    }
    return false;
  }

  /** The route type bit of an address (AddrType), optionally limited to one interface. */
  typeOf(address: Address, iface?: string): number {
    if (iface === undefined ? this.isLocal(address) : this.isLocalOn(iface, address)) return AddrType.LOCAL;
    if (typeof address === 'bigint')
      return (address & MULTICAST6_MASK) === MULTICAST6 ? AddrType.MULTICAST : AddrType.UNICAST;
    if (this.broadcast.has(address)) return AddrType.BROADCAST;
    if (address >>> 28 === 0xe) return AddrType.MULTICAST;
    return AddrType.UNICAST;
  }

  /**
   * The source address MASQUERADE uses on an interface: the first address there whose subnet
   * holds the next hop, else the interface's first address (inet_select_addr). Null when the
   * interface has no address (the kernel then drops the packet).
   */
  sourceFor(iface: string, nextHop: Address): Address | null {
    let first: Address | null = null;
    for (const a of this.assigned) {
      if (a.iface !== iface || typeof a.address !== typeof nextHop) continue;
      first ??= a.address;
      if (inPrefix(nextHop, a.prefix)) return a.address;
    }
    return first;
  }

  /** The interface that holds an address, if any. */
  interfaceOf(address: Address): string | null {
    for (const a of this.assigned) if (a.address === address) return a.iface;
    return null;
  }
}
