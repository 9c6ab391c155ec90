/**
 * Inspects the trace page's rules off the main thread: as soon as text is pasted or loaded,
 * a worker reports its format, its size in lines and bytes, where each line starts, and the
 * LOCAL-address guess — so a 1,000,000-line paste costs the page nothing it can feel. Only
 * the latest text counts: a newer one stops the inspection of an older one.
 */
import { atom } from 'nanostores';
import type { DumpInfo } from '../workers/trace/inspect';
import type { WorkerRequest, WorkerResponse } from '../workers/trace/protocol';
import { yieldToBrowser } from './yieldToBrowser';

/** The inspected text and its facts. */
export interface Inspected {
  readonly text: string;
  readonly info: DumpInfo;
}

/** The facts of the current rules, once the worker has them (null while inspecting or empty). */
export const $dumpInfo = atom<Inspected | null>(null);

/** The subset of Worker used here (tests pass a fake). */
export interface InspectWorker {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

// Vite bundles the worker from this exact `new Worker(new URL(...))` form.
let makeWorker = (): InspectWorker =>
  new Worker(new URL('../workers/trace.worker.ts', import.meta.url), { type: 'module' }) as unknown as InspectWorker;
let worker: InspectWorker | null = null;
let busy = false;
let current = 0;

/** Replaces how inspection workers are made (tests). */
export function configureInspectWorker(factory: () => InspectWorker): void {
  worker?.terminate();
  worker = null;
  makeWorker = factory;
}

/**
 * Characters per message when large text goes to the worker in parts: copying one part takes
 * about a millisecond, where a 40 MB text in one message holds the page for 25 ms or more.
 */
export const PART_CHARS = 1024 * 1024;

/**
 * Sends `text` in parts, each in a task of its own (the first too: the paste that brought the
 * text has work enough), stopping once a newer text replaced it.
 */
async function sendParts(w: InspectWorker, id: number, text: string): Promise<void> {
  for (let at = 0; at < text.length; at += PART_CHARS) {
    await yieldToBrowser();
    if (id !== current) return;
    w.postMessage({
      type: 'inspect-part',
      id,
      text: text.slice(at, at + PART_CHARS),
      last: at + PART_CHARS >= text.length,
    });
  }
}

/**
 * Inspects `text`; `then` runs with the facts once they arrive (unless a newer text came
 * first). `file`, when the text was read from it, goes to the worker instead of the text.
 */
export function inspectText(text: string, then?: (info: DumpInfo) => void, file?: Blob): void {
  const id = ++current;
  $dumpInfo.set(null);
  if (text === '') return;
  // A worker still busy with older text is stopped: its answer no longer matters.
  if (busy) {
    worker?.terminate();
    worker = null;
  }
  try {
    worker ??= makeWorker();
  } catch {
    return;
  }
  const w = worker;
  busy = true;
  w.onmessage = (event) => {
    const message = event.data;
    if (message.id !== id) return;
    busy = false;
    if (message.type !== 'inspected') return;
    $dumpInfo.set({ text, info: message.info });
    then?.(message.info);
  };
  if (file) w.postMessage({ type: 'inspect-file', id, file });
  else if (text.length <= PART_CHARS) w.postMessage({ type: 'inspect', id, text });
  else void sendParts(w, id, text);
}
