/**
 * localStorage keys of the lesson, and a guard for writes: a full or forbidden storage
 * (quota, privacy mode) must cost the reader the persistence, not the page.
 */

/** Key prefix of everything the bounce lesson stores. */
export const STORAGE_PREFIX = 'bounce:quiz:';

/** Runs a store write; storage errors are swallowed because the in-memory value still holds. */
export function tryPersist(write: () => void): void {
  try {
    write();
  } catch {
    // QuotaExceededError or SecurityError: the atom keeps its value for this visit.
  }
}
