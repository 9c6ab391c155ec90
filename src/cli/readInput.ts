/**
 * Reads one input of the CLI (a rules file, a manifest, or "-" for standard input) with a
 * bound: only regular files (and standard input) are read, at most MAX_INPUT_BYTES of them,
 * and a file is opened without blocking, so a FIFO nobody writes to cannot hang the tracer
 * and /dev/zero cannot fill the memory. Every refusal is one line naming the file and the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../text/limits';

/** An input the CLI refuses to read: `message` is the one line printed (exit status 2). */
export class InputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputRefused';
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const CHUNK = 1 << 20;

/** Sleeps `ms` without spinning (standard input that has nothing yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads fd up to `limit` bytes; throws InputRefused naming `label` past the limit. */
function readAll(fd: number, label: string, limit: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      // Standard input in non-blocking mode (a terminal or pipe): wait for more.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit)
      throw new InputRefused(
        `${label} is larger than the ${limit === MAX_INPUT_BYTES ? MAX_INPUT_TEXT : `${limit}-byte`} input limit; reading stopped there`,
      );
    chunks.push(buffer.subarray(0, n));
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
}

/**
 * The text of `path` ("-": standard input), refusing anything but a regular file (or
 * standard input) and anything over `limit` bytes (default MAX_INPUT_BYTES).
 */
export function readBounded(path: string, limit = MAX_INPUT_BYTES): string {
  if (path === '-') return readAll(0, 'standard input', limit);
  // O_NONBLOCK: opening a FIFO without a writer returns at once (and is then refused below).
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new InputRefused(`${path} is ${kindOf(stats)}; give a regular file, or - to read standard input`);
    if (stats.size > limit)
      throw new InputRefused(`${path} is larger than the ${MAX_INPUT_TEXT} input limit (${stats.size} bytes)`);
    return readAll(fd, path, limit);
  } finally {
    closeSync(fd);
  }
}
