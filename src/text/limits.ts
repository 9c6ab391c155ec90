/**
 * The one size limit on pasted or loaded input, shared by the CLI, the trace page and its
 * worker: a ruleset or dump larger than this is refused with a message naming the limit,
 * and the reading stops at it (a stream is never read to its end first).
 */

/** Largest input accepted, in bytes (64 MiB: a 1,000,000-line dump fits with room to spare). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The limit as people write it ("64 MiB"). */
export const MAX_INPUT_TEXT = '64 MiB';

/** A byte count for messages: "812 B", "3.4 MB", "64.0 MB" (decimal megabytes, one decimal). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
