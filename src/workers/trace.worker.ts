/**
 * The trace page's Web Worker: runs traceDump off the main thread, so a 100,000-line dump
 * never freezes the page, and reports progress while it works. Cancelling is the page's job
 * (it terminates this worker); a request either ends in a report or in "failed" with the
 * message of an error the pipeline did not expect — never silently.
 */
import { inspectDump } from './trace/inspect';
import { traceDump, type TopologyCache } from './trace/pipeline';
import type { TraceProgress, WorkerRequest, WorkerResponse } from './trace/protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// The last parsed dump: "another packet" and packet edits reuse it instead of parsing again.
const cache: { last: TopologyCache | null } = { last: null };

scope.onmessage = (event) => {
  const message = event.data;
  if (message?.type === 'inspect') {
    try {
      const info = inspectDump(message.text);
      scope.postMessage({ type: 'inspected', id: message.id, info }, [info.lineStarts.buffer]);
    } catch (e) {
      scope.postMessage({ type: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) });
    }
    return;
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
    scope.postMessage({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  }
};
