import { readFileSync } from 'node:fs';
import { run } from './exec';
import { ownerPidOf, PREFIX_MARK } from './names';
import type { Listener } from './processes';

/**
 * Teardown that happens whatever ends the run: the harness registers each run here, `finally`
 * blocks call `teardownRun`, and the process-level handlers below catch Ctrl-C, SIGTERM from
 * the test runner and plain exit. Teardown is synchronous so it also works inside `exit`.
 */

interface LiveRun {
  readonly prefix: string;
  readonly pids: Set<number>;
}

const live = new Map<string, LiveRun>();
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Once per process: clear what runs killed with SIGKILL (no handler could run) left behind.
  const stale = sweepStale();
  if (stale.length > 0)
    console.warn(`kernel harness: removed ${stale.length} namespaces of dead runs (${stale[0]}, …)`);
  process.on('exit', teardownAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      teardownAll();
      // Re-raise so the exit status still says which signal ended us.
      process.kill(process.pid, signal);
    });
  }
}

/** Starts tracking a run's namespaces (by prefix) and helper processes. */
export function registerRun(prefix: string): void {
  installHandlers();
  live.set(prefix, { prefix, pids: new Set() });
}

/** Tracks a helper process (a pod listener) that teardown must stop. */
export function registerPid(prefix: string, pid: number): void {
  live.get(prefix)?.pids.add(pid);
}

/** Forgets a helper process that has exited on its own. */
export function forgetPid(prefix: string, pid: number): void {
  live.get(prefix)?.pids.delete(pid);
}

/** Namespaces whose name starts with `prefix-`. */
export function netnsWithPrefix(prefix: string): string[] {
  const listed = run(['ip', 'netns', 'list'], { allowFailure: true }).stdout;
  return listed
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(`${prefix}-`));
}

/** Stops a run's processes and deletes its namespaces; safe to call more than once. */
export function teardownRun(prefix: string): void {
  const entry = live.get(prefix);
  if (entry) {
    for (const pid of entry.pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  // Deleting a namespace also deletes every veth end and the bridge inside it.
  const names = netnsWithPrefix(prefix);
  if (names.length > 0) {
    run(['ip', '-force', '-batch', '-'], { allowFailure: true, input: names.map((n) => `netns del ${n}\n`).join('') });
  }
  live.delete(prefix);
}

function teardownAll(): void {
  for (const prefix of [...live.keys()]) teardownRun(prefix);
}

/** What a run left behind: namespaces with its prefix and helper processes still alive. */
export function leftovers(prefix: string, pids: readonly number[] = []): string[] {
  const found = netnsWithPrefix(prefix).map((n) => `netns ${n}`);
  for (const pid of pids) if (isRunning(pid)) found.push(`process ${pid}`);
  return found;
}

/**
 * True while a process runs. A killed process whose parent has not reaped it yet is a zombie:
 * it holds nothing but its pid, so it counts as gone.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/**
 * Deletes namespaces of earlier runs whose owning process no longer exists (after a SIGKILL,
 * nothing else can clean up). Runs of live processes are left alone.
 */
export function sweepStale(): string[] {
  const listed = run(['ip', 'netns', 'list'], { allowFailure: true }).stdout;
  const stale = listed
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(PREFIX_MARK))
    .filter((name) => {
      const pid = ownerPidOf(name);
      return pid !== undefined && !isRunning(pid);
    });
  if (stale.length > 0) {
    run(['ip', '-force', '-batch', '-'], { allowFailure: true, input: stale.map((n) => `netns del ${n}\n`).join('') });
  }
  return stale;
}

/**
 * Stops a run's listeners and deletes its namespaces; resolves to anything left behind. It
 * waits until the killed listeners are reaped, so the leftover check sees real survivors only.
 */
export async function closeRun(prefix: string, listeners: readonly Listener[]): Promise<string[]> {
  const pids = listeners.flatMap((l) => (l.child.pid === undefined ? [] : [l.child.pid]));
  const exited = listeners.map(
    (l) =>
      new Promise<void>((resolve) => {
        if (l.child.exitCode !== null || l.child.signalCode !== null) return resolve();
        l.child.once('exit', () => resolve());
        setTimeout(resolve, 2_000);
      }),
  );
  teardownRun(prefix);
  await Promise.all(exited);
  return leftovers(prefix, pids);
}
