/**
 * The `-m recent` lists of one node (net/netfilter/xt_recent.c): per list name, entries keyed
 * by (masked) address, each with up to 20 time stamps (ip_pkt_list_tot) and least-recently-
 * used eviction beyond 100 entries (ip_list_tot). Time is whatever clock the caller passes in
 * (seconds); nothing here reads a real clock.
 */
import type { Address } from './ip';
import type { MatchSpec } from './model';

/** Kernel module defaults: entries per list and stamps per entry. */
export const RECENT_LIST_SIZE = 100;
const STAMPS = 20;

interface Entry {
  stamps: number[];
  /** Next stamp slot (ring), as e->index. */
  index: number;
}

/** All recent lists of one node. */
export class RecentLists {
  // Map iteration order is insertion order: re-inserting an entry moves it to the LRU tail.
  private readonly lists = new Map<string, Map<Address, Entry>>();

  /** A deep copy, so exact mode can replay a walk from the same state many times. */
  clone(): RecentLists {
    const copy = new RecentLists();
    for (const [name, list] of this.lists) {
      const l = new Map<Address, Entry>();
      for (const [k, e] of list) l.set(k, { stamps: [...e.stamps], index: e.index });
      copy.lists.set(name, l);
    }
    return copy;
  }

  /** Whether any list holds an entry (a walk with no entries is stateless so far). */
  isEmpty(): boolean {
    for (const l of this.lists.values()) if (l.size > 0) return false;
    return true;
  }

  /** The entries of a list as [address, last stamp] pairs, oldest first (for display and tests). */
  entries(name: string): [Address, number][] {
    const l = this.lists.get(name);
    if (!l) return [];
    return [...l].map(([k, e]) => [k, e.stamps[e.index - 1] as number]);
  }

  /** Runs one recent match for `address` at time `now`, exactly as recent_mt() does. */
  match(spec: Extract<MatchSpec, { kind: 'recent' }>, address: Address, now: number): boolean {
    let ret = spec.negated;
    // --mask is an IPv4 netmask; an IPv6 source is kept whole (xt_recent's default mask).
    const key = typeof address === 'number' ? (address & spec.mask) >>> 0 : address;
    let list = this.lists.get(spec.name);
    if (!list) {
      list = new Map();
      this.lists.set(spec.name, list);
    }
    const entry = list.get(key);
    if (!entry) {
      if (spec.command !== 'set') return ret;
      if (list.size >= RECENT_LIST_SIZE) {
        const oldest = list.keys().next();
        if (!oldest.done) list.delete(oldest.value);
      }
      list.set(key, { stamps: [now], index: 1 });
      return !ret;
    }
    if (spec.command === 'set') {
      ret = !ret;
    } else if (spec.command === 'remove') {
      list.delete(key);
      return !ret;
    } else {
      const horizon = now - spec.seconds;
      let hits = 0;
      for (const stamp of entry.stamps) {
        // time_after(now - seconds, stamp): stamps strictly older than the window do not count.
        if (spec.seconds && stamp < horizon) continue;
        if (!spec.hitcount || ++hits >= spec.hitcount) {
          ret = !ret;
          break;
        }
      }
      if (spec.reap) this.reap(list, horizon, entry, spec.command === 'update' && ret);
    }
    if (spec.command === 'set' || (spec.command === 'update' && ret)) {
      entry.index %= STAMPS;
      if (entry.index < entry.stamps.length) entry.stamps[entry.index] = now;
      else entry.stamps.push(now);
      entry.index++;
      // list_move_tail: the entry becomes the most recently used.
      list.delete(key);
      list.set(key, entry);
    }
    return ret;
  }

  /** recent_entry_reap(): drops the least recently used entry if its newest stamp is stale. */
  private reap(list: Map<Address, Entry>, horizon: number, working: Entry, updating: boolean): void {
    const head = list.entries().next();
    if (head.done) return;
    const [key, e] = head.value;
    if (e === working && updating) return;
    const newest = e.stamps[e.index - 1] as number;
    if (newest < horizon) list.delete(key);
  }
}
