/**
 * Cilium's Maglev lookup table, as cilium/cilium pkg/maglev/maglev.go computes it
 * (computeLookupTable / getPermutation / getOffsetAndSkip / setHashString), and the lookup
 * the datapath does (bpf/lib/lb.h lb4_select_backend_id_maglev: hash_from_tuple_v4(tuple) %
 * LB_MAGLEV_LUT_SIZE, bpf/lib/hash.h: jhash_3words(saddr, dport << 16 | sport, nexthdr,
 * HASH_INIT4_SEED) — the destination address is deliberately left out).
 *
 * Each backend is named by its hash string "[ip:port/PROTO,State:active]", sorted by it (the
 * same order on every node, since backend IDs are node-local), and gets offset = h1 % M and
 * skip = h2 % (M−1) + 1 from MurmurHash3_x64_128(name, seedMurmur). Slots are filled turn by
 * turn, each backend taking its next preferred free slot; weights (Cilium's default backend
 * weight is 100) only change whose turn it is when they differ.
 */
import { bswap16, bswap32, jhash3, murmur3x64128, utf8 } from '../shared/hash';

/** Table sizes Cilium accepts for --bpf-lb-maglev-table-size (primes). */
export const MAGLEV_TABLE_SIZES: readonly number[] = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071];
/** Default M. */
export const MAGLEV_DEFAULT_TABLE_SIZE = 16381;
/** Default --bpf-lb-maglev-hash-seed (12 bytes, base64). */
export const MAGLEV_DEFAULT_SEED = 'JLfvgnHc2kaSUFaI';
/** loadbalancer.DefaultBackendWeight. */
export const DEFAULT_BACKEND_WEIGHT = 100;

/** The three seeds decoded from the base64 hash seed (ToConfig). */
export interface MaglevSeeds {
  readonly murmur: number;
  readonly jhash0: number;
  readonly jhash1: number;
}

/** Decodes a 12-byte base64 seed; throws RangeError naming the option when it is not one. */
export function maglevSeeds(seed: string = MAGLEV_DEFAULT_SEED): MaglevSeeds {
  let bytes: number[];
  try {
    bytes = [...atob(seed)].map((c) => c.charCodeAt(0));
  } catch {
    throw new RangeError(`cilium.maglevHashSeed: "${seed}" is not base64`);
  }
  if (bytes.length !== 12) throw new RangeError(`cilium.maglevHashSeed: decodes to ${bytes.length} bytes, not 12`);
  const word = (i: number): number =>
    (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
  return { murmur: word(0), jhash0: word(4), jhash1: word(8) };
}

/** A backend as the Maglev computation sees it. */
export interface MaglevBackend {
  readonly id: number;
  /** "10.244.1.2:8080/TCP" (L3n4Addr, scope external). */
  readonly addr: string;
  readonly weight: number;
}

/** The hash string of a backend (setHashString). */
export const maglevName = (b: MaglevBackend): string => `[${b.addr},State:active]`;

/** The lookup table: M backend IDs. Throws RangeError for a table size Cilium refuses. */
export function maglevTable(
  backends: readonly MaglevBackend[],
  m: number = MAGLEV_DEFAULT_TABLE_SIZE,
  seeds: MaglevSeeds = maglevSeeds(),
): Int32Array {
  if (!MAGLEV_TABLE_SIZES.includes(m))
    throw new RangeError(`cilium.maglevTableSize: ${m} is not one of ${MAGLEV_TABLE_SIZES.join(', ')}`);
  const entry = new Int32Array(m).fill(-1);
  const l = backends.length;
  if (l === 0) return entry;
  const sorted = [...backends].sort((a, b) =>
    maglevName(a) < maglevName(b) ? -1 : maglevName(a) > maglevName(b) ? 1 : 0,
  );
  const bm = BigInt(m);
  const perm = sorted.map((b) => {
    const [h1, h2] = murmur3x64128(utf8(maglevName(b)), seeds.murmur);
    return { offset: Number(h1 % bm), skip: Number(h2 % (bm - 1n)) + 1 };
  });
  let weightSum = 0;
  const weightCntr = sorted.map((b) => {
    weightSum += b.weight;
    return b.weight / l;
  });
  const weightsUsed = Math.floor(weightSum / l) > 1;
  const next = new Array<number>(l).fill(0);
  for (let n = 0; n < m; n++) {
    let i = n % l;
    for (;;) {
      const info = sorted[i] as MaglevBackend;
      if (weightsUsed) {
        if ((n + 1) * info.weight < Math.floor(weightCntr[i] as number)) {
          i = (i + 1) % l;
          continue;
        }
        weightCntr[i] = (weightCntr[i] as number) + weightSum;
      }
      const p = perm[i] as { offset: number; skip: number };
      // permutation[j] = (offset + j·skip) mod M
      let c = (p.offset + (next[i] as number) * p.skip) % m;
      while ((entry[c] as number) !== -1) {
        next[i] = (next[i] as number) + 1;
        c = (p.offset + (next[i] as number) * p.skip) % m;
      }
      entry[c] = info.id;
      next[i] = (next[i] as number) + 1;
      break;
    }
  }
  return entry;
}

/**
 * hash_from_tuple_v4 as the BPF program computes it on a little-endian node: the address and
 * ports are in network byte order in the tuple, so they enter jhash byte-swapped.
 */
export function tupleHash(
  saddr: number,
  sport: number,
  dport: number,
  proto: number,
  seeds: MaglevSeeds = maglevSeeds(),
): number {
  return jhash3(bswap32(saddr), ((bswap16(dport) << 16) | bswap16(sport)) >>> 0, proto, seeds.jhash0);
}
