/**
 * Validators for what comes back from localStorage. Storage is outside our control (another
 * version of the site, a browser extension, a reader poking at devtools), so every value is
 * checked field by field and anything off becomes "nothing stored" rather than a crash.
 */
import { nodeNumbers, optionIds, policies, runSizes, type OptionId, type RunSummary, type Scenario } from './model.ts';

const OUTCOME = /^(pod-[0-9]{1,3}|dropped)$/;
const NODE = /^node-[0-9]{1,3}$/;
/** More rules than any node of a lesson cluster has; guards against absurd arrays. */
const MAX_RULES = 2_000;
/** Probabilities that should sum to 1 may be off by float rounding, not by more. */
const SUM_TOLERANCE = 1e-9;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isProbability(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** An answer id, or null for anything else. */
export function toAnswer(value: unknown): OptionId | null {
  return optionIds.find((id) => id === value) ?? null;
}

/** A scenario, or null when a field is missing or out of range. */
export function toScenario(value: unknown): Scenario | null {
  if (!isRecord(value)) return null;
  const policy = policies.find((p) => p === value['policy']);
  const node = nodeNumbers.find((n) => n === value['node']);
  return policy !== undefined && node !== undefined ? { policy, node } : null;
}

/** A record of outcome → number whose values all pass `check`, or null. */
function toOutcomeRecord(value: unknown, check: (v: unknown) => v is number): Record<string, number> | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > 64) return null;
  const out: Record<string, number> = {};
  for (const [key, v] of entries) {
    if (!OUTCOME.test(key) || !check(v)) return null;
    out[key] = v;
  }
  return out;
}

function toCounters(value: unknown): Record<string, number[]> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, number[]> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!NODE.test(key) || !Array.isArray(v) || v.length > MAX_RULES || !v.every(isCount)) return null;
    out[key] = v;
  }
  return out;
}

/**
 * A run summary, or null unless every field is well formed and consistent: counts sum to
 * the total, the exact distribution sums to 1 over the same outcomes, the total is a run
 * size the page offers, and no counter is larger than a run can make it (a connection's
 * first packet passes at most the four nat hooks of a node).
 */
export function toRunSummary(value: unknown): RunSummary | null {
  if (!isRecord(value)) return null;
  const scenario = toScenario(value['scenario']);
  const seed = value['seed'];
  const total = runSizes.find((n) => n === value['total']);
  const counts = toOutcomeRecord(value['counts'], isCount);
  const exact = toOutcomeRecord(value['exact'], isProbability);
  const counters = toCounters(value['counters']);
  if (!scenario || !isCount(seed) || seed > 0xffff_ffff || total === undefined || !counts || !exact || !counters) {
    return null;
  }
  const keys = Object.keys(counts);
  if (keys.length !== Object.keys(exact).length || !keys.every((k) => k in exact)) return null;
  if (keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0) !== total) return null;
  if (Math.abs(keys.reduce((sum, k) => sum + (exact[k] ?? 0), 0) - 1) > SUM_TOLERANCE) return null;
  if (Object.values(counters).some((list) => list.some((c) => c > total * 4))) return null;
  return { scenario, seed, total, counts, exact, counters };
}

/** JSON.parse that returns undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
