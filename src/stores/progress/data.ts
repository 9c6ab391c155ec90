/**
 * What the reader's progress is made of, and how it is read back from storage. Storage is
 * outside our control (an older site version, an extension, devtools), so every value is
 * checked field by field: a malformed challenge entry is dropped on its own, and anything
 * unreadable as a whole becomes "no progress" rather than a crash.
 */
import { optionIds, type OptionId } from '../model';

/** The first graded answer to a challenge. */
export interface FirstAnswer {
  readonly answer: OptionId;
  readonly right: boolean;
}

/** The best graded run: a right answer beats a wrong one, then more connections win. */
export interface BestRun {
  readonly total: number;
  readonly right: boolean;
}

/** One challenge's progress. */
export interface ChallengeProgress {
  /** Null until the reader's pick has been graded by a run. */
  readonly first: FirstAnswer | null;
  readonly best: BestRun | null;
  /** Graded runs recorded (each run counted once). */
  readonly runs: number;
  /** How many hints the reader has opened, from the first. */
  readonly hints: number;
}

/** Everything kept, by challenge slug. */
export interface Progress {
  readonly challenges: Readonly<Record<string, ChallengeProgress>>;
  /**
   * Per slug, the last (run, pick) recorded, so a run persisted by the quiz is not counted
   * again on the next visit, nor after a reset (which keeps this and forgets the rest).
   */
  readonly seen: Readonly<Record<string, string>>;
}

/** No progress at all. */
export const emptyProgress: Progress = { challenges: {}, seen: {} };

/** A challenge nobody has touched. */
export const untouched: ChallengeProgress = { first: null, best: null, runs: 0, hints: 0 };

/** Slugs are lesson file names: lower-case words with dashes. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** More challenges than the site will ever have; guards against absurd storage. */
const MAX_CHALLENGES = 500;
/** Longer than any fingerprint this code writes. */
const MAX_SEEN_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

function toFirst(value: unknown): FirstAnswer | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || typeof value['right'] !== 'boolean') return undefined;
  const answer = optionIds.find((id) => id === value['answer']);
  return answer === undefined ? undefined : { answer, right: value['right'] };
}

function toBest(value: unknown): BestRun | null | undefined {
  if (value === null) return null;
  if (
    !isRecord(value) ||
    typeof value['right'] !== 'boolean' ||
    !isCount(value['total'], 10_000_000) ||
    value['total'] === 0
  ) {
    return undefined;
  }
  return { total: value['total'], right: value['right'] };
}

/** One challenge entry, or undefined when any field is off. */
export function toChallengeProgress(value: unknown): ChallengeProgress | undefined {
  if (!isRecord(value)) return undefined;
  const first = toFirst(value['first']);
  const best = toBest(value['best']);
  const runs = value['runs'];
  const hints = value['hints'];
  if (first === undefined || best === undefined || !isCount(runs, 1_000_000) || !isCount(hints, 100)) return undefined;
  return { first, best, runs, hints };
}

/** Progress from anything (parsed JSON); invalid parts are dropped, never trusted. */
export function toProgress(value: unknown): Progress {
  if (!isRecord(value) || !isRecord(value['challenges'])) return emptyProgress;
  const challenges: Record<string, ChallengeProgress> = {};
  for (const [slug, entry] of Object.entries(value['challenges']).slice(0, MAX_CHALLENGES)) {
    const valid = SLUG.test(slug) ? toChallengeProgress(entry) : undefined;
    if (valid) challenges[slug] = valid;
  }
  const seen: Record<string, string> = {};
  const rawSeen = isRecord(value['seen']) ? value['seen'] : {};
  for (const [slug, mark] of Object.entries(rawSeen).slice(0, MAX_CHALLENGES)) {
    if (SLUG.test(slug) && typeof mark === 'string' && mark.length <= MAX_SEEN_LENGTH) seen[slug] = mark;
  }
  return { challenges, seen };
}

/** Progress from its stored text; unreadable text is no progress. */
export function decodeProgress(text: string): Progress {
  try {
    return toProgress(JSON.parse(text) as unknown);
  } catch {
    return emptyProgress;
  }
}

/** True when `candidate` is a better run than `best`. */
export function isBetterRun(candidate: BestRun, best: BestRun | null): boolean {
  if (best === null) return true;
  if (candidate.right !== best.right) return candidate.right;
  return candidate.total > best.total;
}
