/**
 * localStorage for the lesson, one key per lesson and value ("bounce:lesson:<slug>:answer"),
 * and a guard for writes: a full or forbidden storage (quota, privacy mode) must cost the
 * reader the persistence, not the page.
 */
import { persistentAtom } from '@nanostores/persistent';
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { LabConfig } from '../engine/lab/config';
import { $lesson } from './lesson';

/** The key of `name` for the lesson `slug`. */
export function lessonKey(slug: string, name: string): string {
  return `bounce:lesson:${slug}:${name}`;
}

/** Runs a store write; storage errors are swallowed because the in-memory value still holds. */
export function tryPersist(write: () => void): void {
  try {
    write();
  } catch {
    // QuotaExceededError or SecurityError: the atom keeps its value for this visit.
  }
}

/** A value stored per lesson: read when the lesson is set, written with `save`. */
export interface LessonValue<T> {
  readonly store: ReadableAtom<T>;
  save(value: T): void;
}

/**
 * A per-lesson stored value, kept by @nanostores/persistent under the lesson's key (so other
 * tabs see changes). `decode` checks what storage holds against the lesson; what it refuses
 * reads as `empty`, is removed, and `refused` is told.
 */
export function lessonValue<T>(
  name: string,
  empty: T,
  decode: (text: string, lesson: LabConfig) => T | undefined,
  encode: (value: T) => string | undefined,
  refused?: (lesson: LabConfig) => void,
): LessonValue<T> {
  const store = atom<T>(empty);
  let backing: WritableAtom<T> | null = null;
  let stop: (() => void) | null = null;
  $lesson.subscribe((lesson) => {
    stop?.();
    backing = null;
    stop = null;
    if (!lesson) return store.set(empty);
    let bad = false;
    const persisted = persistentAtom<T>(lessonKey(lesson.slug, name), empty, {
      encode: (value) => encode(value) as string,
      decode: (text) => {
        const value = decode(text, lesson);
        if (value === undefined) bad = true;
        return value ?? empty;
      },
    });
    backing = persisted;
    stop = persisted.subscribe((value) => store.set(value));
    if (bad) {
      refused?.(lesson);
      tryPersist(() => persisted.set(empty));
    }
  });
  return {
    store,
    save(value) {
      const target = backing;
      if (!target) return store.set(value);
      tryPersist(() => target.set(value));
      store.set(value);
    },
  };
}
