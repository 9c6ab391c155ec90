import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  $traceResult,
  $traceState,
  cancelTrace,
  configureTraceWorker,
  startTrace,
  stallSeconds,
  STALL_SECONDS,
  type WorkerLike,
} from '../../../src/stores/traceRun';
import { traceDump } from '../../../src/workers/trace/pipeline';
import type { WorkerRequest, WorkerResponse } from '../../../src/workers/trace/protocol';
import { bounceRules, request } from './helpers';

/** A worker that answers through the real pipeline when told to, counting terminations. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: WorkerRequest[] = [];
  terminated = 0;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated++;
  }
  emit(message: WorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  /** Runs the last request through the pipeline, forwarding progress and the report. */
  answer(): void {
    const last = this.sent[this.sent.length - 1] as Extract<WorkerRequest, { type: 'trace' }>;
    const report = traceDump(last.request, (progress) => this.emit({ type: 'progress', id: last.id, progress }));
    this.emit({ type: 'report', id: last.id, report });
  }
}

function setup(): FakeWorker[] {
  const made: FakeWorker[] = [];
  let t = 0;
  configureTraceWorker(
    () => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    },
    () => (t += 5),
  );
  $traceState.set({ kind: 'idle' });
  $traceResult.set(null);
  return made;
}

afterEach(() => vi.useRealTimers());

describe('the trace store', () => {
  it('goes running → (progress) → done, keeping the report with its request', () => {
    const made = setup();
    const req = request(bounceRules());
    startTrace(req);
    expect($traceState.get()).toMatchObject({ kind: 'running', progress: null, lines: 62 });
    const phases: string[] = [];
    const stop = $traceState.listen((s) => s.kind === 'running' && s.progress && phases.push(s.progress.phase));
    made[0]?.answer();
    stop();
    expect(phases[0]).toBe('parse');
    expect(phases).toContain('run');
    expect($traceState.get()).toEqual({ kind: 'done', ms: 5, reused: false });
    expect($traceResult.get()?.request).toBe(req);
    expect($traceResult.get()?.report.kind).toBe('traced');
    // The next trace reuses the idle worker (it keeps the parsed rules).
    startTrace(request(bounceRules(), { seed: 2 }));
    expect(made).toHaveLength(1);
  });

  it('a new trace replaces a running one, answers to older requests are ignored, cancel terminates', () => {
    const made = setup();
    startTrace(request(bounceRules()));
    startTrace(request(bounceRules(), { seed: 2 }));
    // Starting while running stops the busy worker; the second request gets a fresh one.
    expect(made).toHaveLength(2);
    expect(made[0]?.terminated).toBe(1);
    made[1]?.emit({ type: 'report', id: 1, report: { kind: 'empty' } });
    expect($traceState.get().kind).toBe('running');
    cancelTrace();
    expect(made[1]?.terminated).toBe(1);
    expect($traceState.get()).toEqual({ kind: 'cancelled' });
    expect($traceResult.get()).toBeNull();
  });

  it('reports a worker failure and a worker that cannot start', () => {
    const made = setup();
    startTrace(request(bounceRules()));
    const id = made[0]?.sent[0]?.id ?? 0;
    made[0]?.emit({ type: 'failed', id, message: 'boom' });
    expect($traceState.get()).toEqual({ kind: 'failed', message: 'boom' });
    startTrace(request(bounceRules()));
    made[0]?.onerror?.({ message: 'blocked by CSP', preventDefault: () => {} } as ErrorEvent);
    expect($traceState.get()).toEqual({ kind: 'failed', message: 'blocked by CSP' });
    configureTraceWorker(() => {
      throw new Error('no workers here');
    });
    startTrace(request(bounceRules()));
    expect($traceState.get()).toEqual({ kind: 'failed', message: 'no workers here' });
  });

  it('stops a worker that stays silent for a few seconds once the rules are read', () => {
    vi.useFakeTimers();
    const made = setup();
    startTrace(request(bounceRules()));
    const id = (made[0]?.sent[0] as { id: number }).id;
    made[0]?.emit({ type: 'progress', id, progress: { phase: 'exact', done: 1, total: 0 } });
    vi.advanceTimersByTime(STALL_SECONDS * 1000 - 1);
    expect($traceState.get().kind).toBe('running');
    vi.advanceTimersByTime(2);
    expect($traceState.get()).toEqual({ kind: 'stalled', seconds: STALL_SECONDS });
    expect(STALL_SECONDS).toBeLessThanOrEqual(5);
    expect(made[0]?.terminated).toBe(1);
  });

  it('gives reading the rules time in proportion to their size, and no more', () => {
    vi.useFakeTimers();
    setup();
    startTrace(request(bounceRules()), 1_000_000);
    const allowed = stallSeconds(null, 1_000_000);
    expect(allowed).toBe(STALL_SECONDS + 50);
    vi.advanceTimersByTime(allowed * 1000 - 1);
    expect($traceState.get().kind).toBe('running');
    vi.advanceTimersByTime(2);
    expect($traceState.get()).toEqual({ kind: 'stalled', seconds: allowed });
  });
});
