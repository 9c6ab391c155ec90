/**
 * The sampled run of the CLI, in chunks, with a sign of life: on a terminal, a progress line
 * on stderr once the run has taken about a second (connections done, rate, time left), and a
 * clean stop on Ctrl-C with the counts so far. The loop yields to the event loop between
 * chunks so the interrupt is heard.
 */
import type { Runner } from '../engine/simulate';

/** What the loop needs from the outside (injected: tests use a fake clock). */
export interface ProgressIO {
  /** Milliseconds, monotonic. */
  readonly now: () => number;
  /** Writes the progress line (with "\r"), or undefined when stderr is not a terminal. */
  readonly status?: (text: string) => void;
  /** True once the reader asked to stop (Ctrl-C). */
  readonly interrupted: () => boolean;
}

/** Shows progress once a run has taken this long. */
export const PROGRESS_AFTER_MS = 1000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** "1,234,567 / 10,000,000 connections (12%), 812,345/s, about 11 s left". */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  const pct = total > 0 ? Math.floor((done * 100) / total) : 0;
  return `trace: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} connections (${pct}%), ${Math.round(rate).toLocaleString('en-US')}/s, about ${duration(left)} left; Ctrl-C stops with the counts so far`;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `runner` to the end (or until interrupted); returns whether it was interrupted. */
export async function driveRun(runner: Runner, io: ProgressIO): Promise<boolean> {
  const started = io.now();
  let chunk = 1024;
  let shown = false;
  for (;;) {
    const t = io.now();
    const p = runner.step(chunk);
    if (p.finished) break;
    const took = io.now() - t;
    // Chunks of about 50 ms: short enough for a prompt Ctrl-C, long enough to cost nothing.
    chunk = Math.max(16, Math.min(1 << 22, Math.round(chunk * (took > 0 ? Math.min(4, 50 / took) : 4))));
    if (io.status && io.now() - started >= PROGRESS_AFTER_MS) {
      io.status(`\r${progressLine(p.done, p.total, io.now() - started)}\u001b[K`);
      shown = true;
    }
    await yieldToEvents();
    if (io.interrupted()) {
      runner.cancel();
      if (shown) io.status?.('\r\u001b[K');
      return true;
    }
  }
  if (shown) io.status?.('\r\u001b[K');
  return false;
}
