/**
 * The "remember" toggle of the trace page. Nothing is written to the browser's storage unless
 * the reader turns it on; turning it off deletes what was kept. Storage that is full, too
 * small or disabled is reported, never thrown.
 */
import { atom } from 'nanostores';
import { $dumpText, $localTouched, $packet, type PacketFields } from './traceInput';
import { inspectText } from './traceInspect';
import { RUN_COUNTS } from './traceValidate';

/** The storage key (versioned, so a future shape can ignore old entries). */
export const MEMORY_KEY = 'bounce.trace.v1';

/** Rules longer than this (characters) are not written to storage. */
export const MAX_REMEMBERED = 4 * 1024 * 1024;

/** Whether the reader asked to be remembered. */
export const $remember = atom(false);
/** Why the last save failed (the size that did not fit), or null. */
export const $rememberFailed = atom<string | null>(null);

/** The part of Storage used here (tests pass a fake). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on mere access when storage is disabled.
    return null;
  }
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp', 'icmp']);

function readPacket(value: unknown): PacketFields | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const str = (k: string): string | null => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const [src, dst, port, local, protocol] = [str('src'), str('dst'), str('port'), str('local'), str('protocol')];
  if (src === null || dst === null || port === null || local === null || protocol === null || !PROTOCOLS.has(protocol))
    return null;
  const runCount = (RUN_COUNTS as readonly unknown[]).includes(v['runCount']) ? (v['runCount'] as number) : 10_000;
  return { src, dst, port, local, protocol: protocol as PacketFields['protocol'], runCount };
}

/** Restores what was remembered, if anything; a damaged entry is removed. */
export function restoreMemory(store: StorageLike | null = storage()): void {
  if (!store) return;
  let raw: string | null;
  try {
    raw = store.getItem(MEMORY_KEY);
  } catch {
    return;
  }
  if (raw === null) return;
  try {
    const saved = JSON.parse(raw) as { text?: unknown; packet?: unknown };
    const packet = readPacket(saved.packet);
    if (typeof saved.text !== 'string' || !packet) throw new Error('bad entry');
    $dumpText.set(saved.text);
    inspectText(saved.text);
    $packet.set(packet);
    $localTouched.set(true);
    $remember.set(true);
  } catch {
    try {
      store.removeItem(MEMORY_KEY);
    } catch {
      /* nothing more to do */
    }
  }
}

/** Writes the current dump and packet, when remembering is on. */
export function saveMemory(store: StorageLike | null = storage()): void {
  if (!store || !$remember.get()) return;
  // No browser keeps more than a few MB per site: larger rules are not even serialised.
  const size = $dumpText.get().length;
  if (size > MAX_REMEMBERED) {
    $rememberFailed.set(`${(size / (1024 * 1024)).toFixed(1)} MB`);
    return;
  }
  const value = JSON.stringify({ text: $dumpText.get(), packet: $packet.get() });
  try {
    store.setItem(MEMORY_KEY, value);
    $rememberFailed.set(null);
  } catch {
    $rememberFailed.set(`${(value.length / (1024 * 1024)).toFixed(1)} MB`);
    try {
      store.removeItem(MEMORY_KEY);
    } catch {
      /* nothing more to do */
    }
  }
}

/** Turns remembering on (saving now) or off (deleting what was kept). */
export function setRemember(on: boolean, store: StorageLike | null = storage()): void {
  $remember.set(on);
  $rememberFailed.set(null);
  if (on) saveMemory(store);
  else {
    try {
      store?.removeItem(MEMORY_KEY);
    } catch {
      /* nothing more to do */
    }
  }
}

/**
 * Saves after every change while remembering is on, at most every `delay` ms. Returns the
 * function that stops listening.
 */
export function watchMemory(delay = 500, store: StorageLike | null = storage()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (): void => {
    if (!$remember.get()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      saveMemory(store);
    }, delay);
  };
  // Leaving the page (or reloading) must not lose the last edit still waiting for the timer.
  const flush = (): void => {
    if (!timer) return;
    clearTimeout(timer);
    timer = null;
    saveMemory(store);
  };
  const stops = [$dumpText.listen(schedule), $packet.listen(schedule)];
  if (typeof addEventListener === 'function') addEventListener('pagehide', flush);
  return () => {
    if (timer) clearTimeout(timer);
    stops.forEach((stop) => stop());
    if (typeof removeEventListener === 'function') removeEventListener('pagehide', flush);
  };
}
