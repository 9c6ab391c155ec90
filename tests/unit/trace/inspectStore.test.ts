import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/stores/readText';
import { yieldToBrowser } from '../../../src/stores/yieldToBrowser';
import {
  $dumpInfo,
  configureInspectWorker,
  inspectText,
  PART_CHARS,
  type InspectWorker,
} from '../../../src/stores/traceInspect';
import { inspectDump } from '../../../src/workers/trace/inspect';
import type { WorkerRequest, WorkerResponse } from '../../../src/workers/trace/protocol';

/** A worker that records what it was sent and can answer an inspection. */
class FakeWorker implements InspectWorker {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  sent: WorkerRequest[] = [];
  terminated = 0;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated++;
  }
  answer(id: number, text: string): void {
    this.onmessage?.({ data: { type: 'inspected', id, info: inspectDump(text) } } as MessageEvent<WorkerResponse>);
  }
}

function setup(): FakeWorker[] {
  const made: FakeWorker[] = [];
  configureInspectWorker(() => {
    const w = new FakeWorker();
    made.push(w);
    return w;
  });
  return made;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('inspecting large rules without one large message', () => {
  it('sends a large paste in parts that join back to the text, the last one marked', async () => {
    const made = setup();
    const text = `*filter\n${'-A INPUT -j ACCEPT\n'.repeat(Math.ceil((2.5 * PART_CHARS) / 19))}COMMIT\n`;
    inspectText(text);
    await settle();
    const sent = made[0]?.sent ?? [];
    expect(sent.map((m) => m.type)).toEqual(['inspect-part', 'inspect-part', 'inspect-part']);
    const parts = sent as Extract<WorkerRequest, { type: 'inspect-part' }>[];
    expect(parts.map((p) => p.last)).toEqual([false, false, true]);
    expect(parts.every((p) => p.text.length <= PART_CHARS)).toBe(true);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    made[0]?.answer(parts[0]?.id ?? 0, text);
    expect($dumpInfo.get()?.text).toBe(text);
  });

  it('stops sending the parts of a text a newer one replaced', async () => {
    const made = setup();
    inspectText('x'.repeat(3 * PART_CHARS));
    await yieldToBrowser();
    inspectText('*nat\nCOMMIT\n');
    await settle();
    // The busy worker was stopped after its first part; the new text went whole to a fresh one.
    expect(made[0]?.sent).toHaveLength(1);
    expect(made[0]?.terminated).toBe(1);
    expect(made[1]?.sent.map((m) => m.type)).toEqual(['inspect']);
  });

  it('hands a file to the worker instead of its text', () => {
    const made = setup();
    const file = new Blob(['*nat\nCOMMIT\n']);
    inspectText('*nat\nCOMMIT\n', undefined, file);
    expect(made[0]?.sent).toEqual([{ type: 'inspect-file', id: expect.any(Number), file }]);
  });
});

describe('readText', () => {
  it('reads what Blob.text() reads: the BOM dropped, characters split across chunks kept whole, bad bytes replaced', async () => {
    const text = `\uFEFF${'-A KUBE-SVC -m comment --comment "서비스 🙂"\n'.repeat(20_000)}`;
    const bytes = new TextEncoder().encode(text);
    const blob = new Blob([bytes, new Uint8Array([0xff, 0x41])]);
    const read = await readText(blob);
    expect(read).toBe(await blob.text());
    expect(read.startsWith('-A KUBE-SVC')).toBe(true);
    expect(read.endsWith('\uFFFDA')).toBe(true);
  });
});
