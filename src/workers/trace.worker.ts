/**
 * The trace page's Web Worker: runs traceDump off the main thread, so a 100,000-line dump
 * never freezes the page, and reports progress while it works. Cancelling is the page's job
 * (it terminates this worker); a request either ends in a report or in "failed" with the
 * message of an error the pipeline did not expect — never silently.
 */
import { MAX_INPUT_BYTES } from '../text/limits';
import { inspectDump, tooBigInfo } from './trace/inspect';
import { traceDump, type TopologyCache } from './trace/pipeline';
import type { TraceProgress, WorkerRequest, WorkerResponse } from './trace/protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// The last parsed dump: "another packet" and packet edits reuse it instead of parsing again.
const cache: { last: TopologyCache | null } = { last: null };
// The parts of a large paste received so far (a newer id starts over: the older one was dropped).
let parts: { id: number; texts: string[] } | null = null;

const fail = (id: number, e: unknown): void =>
  scope.postMessage({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });

function inspect(id: number, text: string): void {
  try {
    const info = inspectDump(text);
    scope.postMessage({ type: 'inspected', id, info }, [info.lineStarts.buffer]);
  } catch (e) {
    fail(id, e);
  }
}

/** Reads the reader's file here rather than on the page, refusing it unread beyond the input limit. */
async function inspectFile(id: number, file: Blob): Promise<void> {
  if (file.size > MAX_INPUT_BYTES) {
    scope.postMessage({ type: 'inspected', id, info: tooBigInfo(file.size) });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    fail(id, e);
    return;
  }
  inspect(id, text);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message?.type === 'inspect') return inspect(message.id, message.text);
  if (message?.type === 'inspect-file') return void inspectFile(message.id, message.file);
  if (message?.type === 'inspect-part') {
    if (parts?.id !== message.id) parts = { id: message.id, texts: [] };
    parts.texts.push(message.text);
    if (!message.last) return;
    const text = parts.texts.join('');
    parts = null;
    return inspect(message.id, text);
  }
  if (message?.type !== 'trace') return;
  const { id, request } = message;
  try {
    const report = traceDump(
      request,
      (progress: TraceProgress) => scope.postMessage({ type: 'progress', id, progress }),
      cache,
    );
    scope.postMessage({ type: 'report', id, report });
  } catch (e) {
    fail(id, e);
  }
};
