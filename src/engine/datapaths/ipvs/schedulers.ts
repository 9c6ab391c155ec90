/**
 * The IPVS schedulers as the kernel implements them (torvalds/linux net/netfilter/ipvs/):
 *   rr   ip_vs_rr.c   the next destination after the last one picked (list order), skipping
 *                    weight-0 / overloaded ones;
 *   wrr  ip_vs_wrr.c interleaved weighted round robin: current list position `cl` and current
 *                    weight `cw`, lowered by gcd `di` each time the list wraps, reset to the
 *                    max weight `mw`; kube-proxy gives every real server weight 1, so it
 *                    cycles exactly like rr;
 *   lc   ip_vs_lc.c  the destination with the least ip_vs_dest_conn_overhead() =
 *                    activeconns × 256 + inactconns; the first such one in list order wins ties;
 *   sh   ip_vs_sh.c  a 256-bucket table (IP_VS_SH_TAB_BITS 8) filled by cycling the list
 *                    (each destination `weight` buckets in a row), looked up with
 *                    hash_32(ntohl(saddr) + port, 8); kube-proxy sets no sh-port flag, so port 0;
 *   mh   ip_vs_mh.c  Maglev: per destination offset = hsiphash(addr+port, hash1) % M and
 *                    skip = hsiphash(addr+port, hash2) % (M−1) + 1, the table of M = 4093
 *                    slots (primes[CONFIG_IP_VS_MH_TAB_INDEX(12) − 8]) filled round-robin with
 *                    each destination's next free preferred slot; looked up with
 *                    hsiphash(ntohl(saddr) + sport, hash1) % M — kube-proxy sets
 *                    FlagSourceHash = 0x10 = IP_VS_SVC_F_SCHED2 = "mh-port", so the source
 *                    port is hashed too.
 * The state a stateful scheduler keeps lives in SchedulerState, one per virtual server.
 */
import { hash32, hsiphash32 } from '../shared/hash';
import type { RealServer } from './virtualServers';

/** Size of the mh lookup table with the default CONFIG_IP_VS_MH_TAB_INDEX=12. */
export const MH_TABLE_SIZE = 4093;
/** Size of the sh table (IP_VS_SH_TAB_BITS = 8). */
export const SH_TABLE_SIZE = 256;

// ip_vs_mh.c generate_hash_secret(): fixed keys (so every node builds the same table).
const MH_KEY1 = 2654435761n;
const MH_KEY2 = 2654446892n;

/** Per-destination connection counters (struct ip_vs_dest activeconns / inactconns). */
export interface DestCounters {
  active: number;
  inactive: number;
}

/** A scheduler's state for one virtual server. */
export interface SchedulerState {
  /** rr: index of the last destination picked, -1 = the list head. */
  rrLast: number;
  /** wrr: current list position (-1 = head) and current weight. */
  wrrCl: number;
  wrrCw: number;
  readonly counters: DestCounters[];
}

/** Fresh state for a virtual server with `n` destinations. */
export function newSchedulerState(n: number): SchedulerState {
  return { rrLast: -1, wrrCl: -1, wrrCw: 0, counters: Array.from({ length: n }, () => ({ active: 0, inactive: 0 })) };
}

/** A deep copy. */
export function cloneSchedulerState(s: SchedulerState): SchedulerState {
  return { rrLast: s.rrLast, wrrCl: s.wrrCl, wrrCw: s.wrrCw, counters: s.counters.map((c) => ({ ...c })) };
}

/** A pick and why, for the trace. */
export interface Pick {
  readonly index: number;
  /** Scheduler-specific detail: the bucket/slot hashed to, the overhead compared, ... */
  readonly detail: Readonly<Record<string, number>>;
}

const available = (d: RealServer): boolean => d.weight > 0;

/** ip_vs_rr_schedule. */
export function scheduleRr(dests: readonly RealServer[], s: SchedulerState): Pick | null {
  const n = dests.length;
  for (let k = 1; k <= n; k++) {
    const i = (s.rrLast + k) % n;
    if (available(dests[i] as RealServer)) {
      s.rrLast = i;
      return { index: i, detail: { position: i } };
    }
  }
  return null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** ip_vs_wrr_schedule (with ip_vs_wrr_gcd_weight / ip_vs_wrr_max_weight). */
export function scheduleWrr(dests: readonly RealServer[], s: SchedulerState): Pick | null {
  const n = dests.length;
  if (n === 0) return null;
  const weights = dests.map((d) => d.weight);
  const mw = Math.max(0, ...weights);
  const di = weights.filter((w) => w > 0).reduce((g, w) => (g === 0 ? w : gcd(w, g)), 0) || 1;
  const p = s.wrrCl;
  for (;;) {
    if (s.wrrCl === -1) {
      // At the list head: on to the first entry, one step lower in weight.
      s.wrrCl = 0;
      s.wrrCw -= di;
      if (s.wrrCw <= 0) {
        s.wrrCw = mw;
        if (mw === 0) {
          s.wrrCl = -1;
          return null;
        }
      }
    } else s.wrrCl = s.wrrCl + 1 === n ? -1 : s.wrrCl + 1;
    if (s.wrrCl !== -1) {
      const d = dests[s.wrrCl] as RealServer;
      if (available(d) && d.weight >= s.wrrCw) return { index: s.wrrCl, detail: { currentWeight: s.wrrCw } };
    }
    // Back where we started at the lowest weight: nothing can be picked.
    if (s.wrrCl === p && s.wrrCw === di) return null;
  }
}

/** ip_vs_lc_schedule: least (active << 8) + inactive, first wins ties. */
export function scheduleLc(dests: readonly RealServer[], s: SchedulerState): Pick | null {
  let least = -1;
  let loh = 0;
  dests.forEach((d, i) => {
    if (!available(d)) return;
    const c = s.counters[i] as DestCounters;
    const doh = c.active * 256 + c.inactive;
    if (least < 0 || doh < loh) {
      least = i;
      loh = doh;
    }
  });
  return least < 0 ? null : { index: least, detail: { overhead: loh } };
}

/** ip_vs_sh_reassign: bucket → destination index. */
export function shTable(dests: readonly RealServer[]): Int32Array {
  const table = new Int32Array(SH_TABLE_SIZE).fill(-1);
  if (dests.length === 0) return table;
  let p = 0;
  let count = 0;
  for (let i = 0; i < SH_TABLE_SIZE; i++) {
    table[i] = p;
    if (++count >= (dests[p] as RealServer).weight) {
      p = (p + 1) % dests.length;
      count = 0;
    }
  }
  return table;
}

/** ip_vs_sh_schedule (no fallback flag): the bucket of the source address. */
export function scheduleSh(dests: readonly RealServer[], table: Int32Array, saddr: number): Pick | null {
  const bucket = hash32(saddr >>> 0, 8) & (SH_TABLE_SIZE - 1);
  const index = table[bucket] ?? -1;
  if (index < 0 || !available(dests[index] as RealServer)) return null;
  return { index, detail: { bucket } };
}

/** ip_vs_mh_permutate + ip_vs_mh_populate: slot → destination index (all weights 1 → turns 1). */
export function mhTable(dests: readonly RealServer[], size = MH_TABLE_SIZE): Int32Array {
  const lookup = new Int32Array(size).fill(-1);
  if (dests.length === 0) return lookup;
  const setup = dests.map((d) => {
    const v = (d.port + d.ip) >>> 0;
    const offset = hsiphash32(v, MH_KEY1, MH_KEY1) % size;
    const skip = (hsiphash32(v, MH_KEY2, MH_KEY2) % (size - 1)) + 1;
    return { perm: offset, skip, turns: d.weight > 0 ? d.weight : 0 };
  });
  const taken = new Uint8Array(size);
  let n = 0;
  while (n < size) {
    for (let i = 0; i < setup.length; i++) {
      const ds = setup[i] as (typeof setup)[number];
      if (ds.turns < 1) continue;
      for (let turn = 0; turn < ds.turns; turn++) {
        let c = ds.perm;
        while (taken[c]) {
          ds.perm += ds.skip;
          if (ds.perm >= size) ds.perm -= size;
          c = ds.perm;
        }
        taken[c] = 1;
        lookup[c] = i;
        if (++n === size) return lookup;
      }
    }
    if (setup.every((d) => d.turns < 1)) return lookup;
  }
  return lookup;
}

/** ip_vs_mh_schedule (mh-port, no fallback): the slot of source address + source port. */
export function scheduleMh(dests: readonly RealServer[], table: Int32Array, saddr: number, sport: number): Pick | null {
  const slot = hsiphash32((sport + saddr) >>> 0, MH_KEY1, MH_KEY1) % table.length;
  const index = table[slot] ?? -1;
  if (index < 0 || !available(dests[index] as RealServer)) return null;
  return { index, detail: { slot } };
}
