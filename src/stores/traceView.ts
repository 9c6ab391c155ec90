/**
 * Which line of the traced rules the reader asked to see (from a trace row, a problem or a
 * counter); the rules view scrolls there. `nonce` makes asking twice for one line scroll again.
 */
import { atom } from 'nanostores';

export const $dumpFocus = atom<{ readonly line: number; readonly nonce: number } | null>(null);

let nonce = 0;

/** Asks the rules view to show `line` (1-based). */
export function showDumpLine(line: number): void {
  if (line > 0) $dumpFocus.set({ line, nonce: ++nonce });
}
