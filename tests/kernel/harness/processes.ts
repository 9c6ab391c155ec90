import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inNetns } from './exec';

/** Absolute path of a helper script that sits next to this file. */
export function helperScript(name: 'listener.mjs' | 'connector.mjs'): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** A pod listener process and the connections it has logged so far. */
export interface Listener {
  readonly pod: string;
  readonly child: ChildProcess;
  /** Peer addresses of every accepted connection, in arrival order. */
  readonly peers: string[];
}

/**
 * Starts the listener inside a pod namespace and resolves once every port is bound. Its
 * stdin stays open as a lifeline: if the harness dies the pipe closes and the listener exits.
 * `host` is the address it binds (the listener's default, 0.0.0.0, unless given; "::" for IPv6).
 */
export function startListener(
  netns: string,
  pod: string,
  ports: readonly number[],
  timeoutMs = 10_000,
  host?: string,
): Promise<Listener> {
  const [command, ...args] = inNetns(netns, [
    process.execPath,
    helperScript('listener.mjs'),
    JSON.stringify(host === undefined ? { pod, ports } : { pod, ports, host }),
  ]);
  const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const listener: Listener = { pod, child, peers: [] };
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => fail(`listener for ${pod} did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (message: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}${stderr ? `: ${stderr.trim()}` : ''}`));
    };
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => fail(`listener for ${pod} could not start (${error.message})`));
    child.on('exit', (code) => fail(`listener for ${pod} exited early (code ${code})`));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line === 'READY') {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve(listener);
        } else if (line.startsWith('C ')) {
          listener.peers.push(line.split(' ')[2] ?? '?');
        } else if (line.startsWith('E ')) {
          fail(`listener for ${pod} could not bind: ${line.slice(2)}`);
        }
      }
    });
  });
}

/** How one probe connection ended; `local` is the source address when one was chosen. */
export type ConnectionOutcome = { readonly local?: string } & (
  | {
      readonly outcome: 'answered';
      readonly pod: string;
      readonly peer: string;
      /** The source port the pod saw, and the one the client bound (the connector sends both). */
      readonly peerPort?: number;
      readonly localPort?: number;
    }
  | { readonly outcome: 'refused' | 'unreachable' | 'timeout' | 'reset' | 'error'; readonly error?: string }
);

/** Settings for one batch of probe connections from one namespace. */
export interface ConnectorRequest {
  readonly host: string;
  readonly port: number;
  /** Connections per local address. */
  readonly perAddress: number;
  /** Source addresses to bind (connection i uses i mod n); empty: the route picks one. */
  readonly localAddresses: readonly string[];
  /** Finish every address's r-th connection before any starts its (r+1)-th. */
  readonly rounds: boolean;
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Connection i binds source port firstPort + i. */
  readonly firstPort: number;
}

/** Runs the connector in `netns` and returns one outcome per connection, in order. */
export function runConnector(netns: string, request: ConnectorRequest): Promise<ConnectionOutcome[]> {
  const [command, ...args] = inNetns(netns, [process.execPath, helperScript('connector.mjs'), JSON.stringify(request)]);
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`connector in ${netns} could not start (${error.message})`)));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`connector in ${netns} exited with ${code}: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as ConnectionOutcome[]);
      } catch {
        reject(new Error(`connector in ${netns} printed unreadable output: ${stdout.slice(0, 200)}`));
      }
    });
  });
}
