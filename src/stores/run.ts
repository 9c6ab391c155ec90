/**
 * Runs the experiment: loads the engine, sends the connections in slices with a yield
 * between them (progress and cancel stay live), and stores the summary. Only one run is
 * active; starting another cancels the one before.
 */
import { atom } from 'nanostores';
import { loadLab } from './lab/load';
import type { RunJob } from './lab/types';
import { saveLastRun } from './lastRun';
import type { RunSize, RunSummary, Scenario } from './model';
import { $runSize, $scenario } from './scenario';
import { newSeed } from './seed';
import { yieldToBrowser } from './yieldToBrowser';

/** Connections per slice: large enough that yields cost nothing, small enough to stay smooth. */
export const SLICE = 5_000;

/** What the run machinery is doing. */
export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'running'; readonly done: number; readonly total: number }
  | { readonly status: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly status: 'failed'; readonly message: string };

/** The state of the current (or last) run. */
export const $run = atom<RunState>({ status: 'idle' });

/** Set while a run is active; cancelling flips it. */
let active: { cancelled: boolean } | undefined;

/** What a run should use; anything left out comes from the stores (and a fresh seed). */
export interface RunRequest {
  readonly seed?: number;
  readonly scenario?: Scenario;
  readonly size?: RunSize;
}

/** True while connections are being sent (or the engine is loading for a run). */
export function isRunning(): boolean {
  const { status } = $run.get();
  return status === 'loading' || status === 'running';
}

/** Steps a job to the end in slices; false if cancelled on the way. */
async function drive(job: RunJob, token: { cancelled: boolean }): Promise<boolean> {
  let done = 0;
  while (done < job.total) {
    done = job.step(SLICE);
    $run.set({ status: 'running', done, total: job.total });
    await yieldToBrowser();
    if (token.cancelled) return false;
  }
  return true;
}

/**
 * Starts a run and resolves with its summary (null when cancelled or failed; $run says
 * which). The scenario and size it used are written back to the stores first, so the
 * controls always show what the results are about.
 */
export async function startRun(request: RunRequest = {}): Promise<RunSummary | null> {
  if (active) active.cancelled = true;
  const token = { cancelled: false };
  active = token;
  const scenario = request.scenario ?? $scenario.get();
  const total = request.size ?? $runSize.get();
  const seed = request.seed ?? newSeed();
  $run.set({ status: 'loading' });
  try {
    const lab = await loadLab();
    if (token.cancelled) return null;
    const job = lab.startRun(scenario, seed, total);
    $run.set({ status: 'running', done: 0, total });
    if (!(await drive(job, token))) return null;
    const { counts, tallies, counters } = job.finish();
    const summary: RunSummary = { scenario, seed, total, counts, exact: lab.exact(scenario), tallies, counters };
    saveLastRun(summary);
    $run.set({ status: 'idle' });
    // Progress is the stores' business, whichever island started the run.
    void import('./progress/record').then((m) => m.recordCurrent());
    return summary;
  } catch (error) {
    if (active === token)
      $run.set({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    return null;
  } finally {
    if (active === token) active = undefined;
  }
}

/** Stops the active run; the previous results stay as they were. */
export function cancelRun(): void {
  if (!active) return;
  active.cancelled = true;
  active = undefined;
  const state = $run.get();
  $run.set(
    state.status === 'running' ? { status: 'cancelled', done: state.done, total: state.total } : { status: 'idle' },
  );
}
