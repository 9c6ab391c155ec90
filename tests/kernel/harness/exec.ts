import { spawnSync } from 'node:child_process';

/** Raised when a system command fails; the message names the command and quotes its stderr. */
export class CommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(`command failed (exit ${status ?? 'signal'}): ${argv.join(' ')}\n${stderr.trim()}`);
  }
}

/** Options for one command run. */
export interface RunOptions {
  /** Text fed to the command's standard input. */
  readonly input?: string;
  /** Return the result instead of throwing when the command fails. */
  readonly allowFailure?: boolean;
}

/** What a finished command printed and how it ended. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command synchronously (no shell, so names and rules never need quoting). Setup and
 * teardown are short sequential steps, and a synchronous runner can also be used from an
 * `exit` handler, where asynchronous work never completes.
 */
export function run(argv: readonly string[], options: RunOptions = {}): RunResult {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error('run: empty command');
  const result = spawnSync(command, args, {
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    if (options.allowFailure) return { status: null, stdout: '', stderr: String(result.error) };
    throw new CommandError(argv, null, String(result.error));
  }
  const out: RunResult = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  if (result.status !== 0 && !options.allowFailure) throw new CommandError(argv, result.status, result.stderr);
  return out;
}

/** The argv that runs `argv` inside network namespace `netns`. */
export function inNetns(netns: string, argv: readonly string[]): string[] {
  return ['ip', 'netns', 'exec', netns, ...argv];
}

/** Runs `ip -n NETNS -batch -` over `lines` (one ip command each). */
export function ipBatch(netns: string, lines: readonly string[]): void {
  run(['ip', '-n', netns, '-batch', '-'], { input: lines.map((l) => `${l}\n`).join('') });
}

/** Sets sysctls inside a namespace. */
export function sysctl(netns: string, settings: Readonly<Record<string, string | number>>): void {
  run(inNetns(netns, ['sysctl', '-q', '-w', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)]));
}
