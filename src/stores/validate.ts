/**
 * Validators for what comes back from localStorage. Storage is outside our control (another
 * version of the site, a browser extension, a reader poking at devtools), so every value is
 * checked field by field against the lesson it claims to belong to, and anything off becomes
 * "nothing stored" rather than a crash or a grade.
 */
import { isValidSettings, type LabConfig } from '../engine/lab';
import { FAILURES, optionIds, runSizes, type OptionId, type RunSummary, type Scenario, type Tally } from './model';

/** More rules than any node of a lesson cluster has; guards against absurd arrays. */
const MAX_RULES = 2_000;
/** More distinct tallies than any lesson's run makes. */
const MAX_TALLIES = 4_096;
/** Probabilities that should sum to 1 may be off by float rounding, not by more. */
const SUM_TOLERANCE = 1e-9;
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

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

/** Settings of `lesson`, or null when a control is missing, unknown or set to a value it does not offer. */
export function toScenario(value: unknown, lesson: LabConfig): Scenario | null {
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) return null;
  const settings = value as Record<string, string>;
  return isValidSettings(lesson.controls, settings) ? { ...settings } : null;
}

/** The outcomes a run of `lesson` can have: its pods and the failures. */
function outcomesOf(lesson: LabConfig): Set<string> {
  return new Set([...lesson.cluster.pods.map((p) => p.name), ...FAILURES]);
}

/** A record of outcome → number whose keys are outcomes of the lesson and values pass `check`. */
function toOutcomeRecord(
  value: unknown,
  outcomes: Set<string>,
  check: (v: unknown) => v is number,
): Record<string, number> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!outcomes.has(key) || !check(v)) return null;
    out[key] = v;
  }
  return out;
}

function toTallies(value: unknown, lesson: LabConfig, outcomes: Set<string>): Tally[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TALLIES) return null;
  const clients = new Set(lesson.spec.traffic.clients.map((c) => c.name));
  const nodes = new Set(lesson.cluster.nodes.map((n) => n.name));
  const out: Tally[] = [];
  for (const t of value) {
    if (!isRecord(t)) return null;
    const { client, entry, end, source, count } = t;
    if (typeof client !== 'string' || !clients.has(client)) return null;
    if (typeof entry !== 'string' || !nodes.has(entry)) return null;
    if (typeof end !== 'string' || !outcomes.has(end)) return null;
    if (typeof source !== 'string' || (source !== '' && !IPV4.test(source))) return null;
    if (!isCount(count)) return null;
    out.push({ client, entry, end, source, count });
  }
  return out;
}

function toCounters(value: unknown, lesson: LabConfig, total: number): Record<string, number[]> | null {
  if (!isRecord(value)) return null;
  const nodes = new Set(lesson.cluster.nodes.map((n) => n.name));
  const out: Record<string, number[]> = {};
  for (const [key, v] of Object.entries(value)) {
    // A connection's first packet passes at most the four nat hooks of a node.
    if (!nodes.has(key) || !Array.isArray(v) || v.length > MAX_RULES || !v.every((c) => isCount(c) && c <= total * 4))
      return null;
    out[key] = v as number[];
  }
  return out;
}

const sum = (values: Iterable<number>): number => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

/**
 * A run summary of `lesson`, or null unless every field is well formed and consistent: the
 * settings are the lesson's, every pod, node and client named exists in it, the tallies add
 * up to the counts and the counts to the total, the exact distribution sums to 1, and no
 * counter is larger than a run can make it.
 */
export function toRunSummary(value: unknown, lesson: LabConfig): RunSummary | null {
  if (!isRecord(value)) return null;
  const outcomes = outcomesOf(lesson);
  const scenario = toScenario(value['scenario'], lesson);
  const seed = value['seed'];
  const total = runSizes.find((n) => n === value['total']);
  if (!scenario || !isCount(seed) || seed > 0xffff_ffff || total === undefined) return null;
  const counts = toOutcomeRecord(value['counts'], outcomes, isCount);
  const exact = toOutcomeRecord(value['exact'], outcomes, isProbability);
  const tallies = toTallies(value['tallies'], lesson, outcomes);
  const counters = toCounters(value['counters'], lesson, total);
  if (!counts || !exact || !tallies || !counters) return null;
  if (sum(Object.values(counts)) !== total || sum(tallies.map((t) => t.count)) !== total) return null;
  for (const [end, n] of Object.entries(counts)) {
    if (sum(tallies.filter((t) => t.end === end).map((t) => t.count)) !== n) return null;
  }
  if (Math.abs(sum(Object.values(exact)) - 1) > SUM_TOLERANCE) return null;
  return { scenario, seed, total, counts, exact, tallies, counters };
}

/** JSON.parse that returns undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
