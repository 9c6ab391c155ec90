/**
 * Runs traces in the page's Web Worker and keeps their state: running (with progress),
 * done (with the report and the request it answers), failed, cancelled, or stalled. Cancel
 * terminates the worker outright — the only way to stop synchronous work — and the next trace
 * starts a fresh one. A worker that goes silent for too long is stopped the same way.
 */
import { atom } from 'nanostores';
import type {
  TraceProgress,
  TraceReport,
  TraceRequest,
  WorkerRequest,
  WorkerResponse,
} from '../workers/trace/protocol';

/** A finished trace and what it answered. */
export interface TraceResult {
  readonly report: TraceReport;
  readonly request: TraceRequest;
  /** Wall-clock milliseconds from request to report, as the page saw them. */
  readonly ms: number;
}

/** Where the tracer is. */
export type TraceState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: TraceProgress | null; readonly lines: number }
  | { readonly kind: 'done'; readonly ms: number; readonly reused: boolean }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'stalled'; readonly seconds: number };

/** The subset of Worker used here (tests pass a fake). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

/**
 * Seconds without a message after which a trace is declared stalled. Every phase after the
 * parse reports at least every few hundred milliseconds (each walk is capped), so a few
 * seconds of silence means a stuck worker; reading the rules is one synchronous step, so it
 * gets time in proportion to their size (stallSeconds).
 */
export const STALL_SECONDS = 5;

/** The silence allowed in `phase` for a dump of `lines` lines. */
export function stallSeconds(phase: TraceProgress['phase'] | null, lines: number): number {
  return phase === null || phase === 'parse' ? STALL_SECONDS + Math.ceil(lines / 20_000) : STALL_SECONDS;
}

export const $traceState = atom<TraceState>({ kind: 'idle' });
/** The last finished trace; kept when a later one is cancelled or fails. */
export const $traceResult = atom<TraceResult | null>(null);

// Vite bundles the worker from this exact `new Worker(new URL(...))` form.
let makeWorker = (): WorkerLike =>
  new Worker(new URL('../workers/trace.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
let worker: WorkerLike | null = null;
let current = 0;
let watchdog: ReturnType<typeof setTimeout> | null = null;
let now = (): number => performance.now();

/** Replaces how workers are made (tests) and the clock; returns nothing. */
export function configureTraceWorker(factory: () => WorkerLike, clock: () => number = () => performance.now()): void {
  stopWorker();
  makeWorker = factory;
  now = clock;
}

function stopWorker(): void {
  if (watchdog) clearTimeout(watchdog);
  watchdog = null;
  worker?.terminate();
  worker = null;
}

function armWatchdog(seconds: number): void {
  if (watchdog) clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    stopWorker();
    current++;
    $traceState.set({ kind: 'stalled', seconds });
  }, seconds * 1000);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text === '' ? n : n + 1;
}

/** Starts tracing `request` (stopping any trace still running); `lines` when already counted. */
export function startTrace(request: TraceRequest, lines = countLines(request.text)): void {
  if ($traceState.get().kind === 'running') stopWorker();
  const id = ++current;
  const started = now();
  $traceState.set({ kind: 'running', progress: null, lines });
  try {
    worker ??= makeWorker();
  } catch (e) {
    $traceState.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const w = worker;
  w.onmessage = (event) => {
    const message = event.data;
    if (message.id !== id || message.type === 'inspected') return;
    if (message.type === 'progress') {
      armWatchdog(stallSeconds(message.progress.phase, lines));
      const state = $traceState.get();
      if (state.kind === 'running') $traceState.set({ ...state, progress: message.progress });
      return;
    }
    if (watchdog) clearTimeout(watchdog);
    watchdog = null;
    if (message.type === 'failed') {
      $traceState.set({ kind: 'failed', message: message.message });
      return;
    }
    const ms = now() - started;
    $traceResult.set({ report: message.report, request, ms });
    $traceState.set({ kind: 'done', ms, reused: message.report.kind === 'traced' && message.report.reusedParse });
  };
  w.onerror = (event) => {
    if (id !== current) return;
    event.preventDefault?.();
    stopWorker();
    $traceState.set({ kind: 'failed', message: event.message || 'the worker could not start' });
  };
  armWatchdog(stallSeconds(null, lines));
  w.postMessage({ type: 'trace', id, request });
}

/** Stops the running trace; the last finished result stays. */
export function cancelTrace(): void {
  if ($traceState.get().kind !== 'running') return;
  stopWorker();
  current++;
  $traceState.set({ kind: 'cancelled' });
}
