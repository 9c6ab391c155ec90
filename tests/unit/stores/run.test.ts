/**
 * The run controller: it loads the engine on demand, sends connections in slices with a
 * yield between them (so progress shows and cancel works), stores the summary, and re-runs
 * when the scenario changes while results are shown.
 */
import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { cleanStores } from 'nanostores';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bounceLesson } from './bounceLesson';

beforeAll(() => useTestStorageEngine());

afterEach(() => {
  // Every test starts as a first visit: fresh store modules, empty storage.
  cleanTestStorage();
  vi.resetModules();
});

async function stores() {
  const run = await import('../../../src/stores/run');
  const lastRun = await import('../../../src/stores/lastRun');
  const scenario = await import('../../../src/stores/scenario');
  const controls = await import('../../../src/stores/controls');
  const grade = await import('../../../src/stores/grade');
  const lesson = await import('../../../src/stores/lesson');
  const answer = await import('../../../src/stores/answer');
  lesson.setLesson(bounceLesson());
  return { ...run, ...lastRun, ...scenario, ...controls, ...grade, ...lesson, ...answer };
}

describe('startRun', () => {
  it('reports progress slice by slice and stores a consistent summary', async () => {
    const s = await stores();
    const seen: string[] = [];
    const stop = s.$run.listen((state) =>
      seen.push(state.status === 'running' ? `running ${state.done}` : state.status),
    );
    s.setRunSize(10_000);
    const summary = await s.startRun({ seed: 5 });
    stop();
    expect(seen).toEqual(['loading', 'running 0', 'running 5000', 'running 10000', 'idle']);
    expect(summary).not.toBeNull();
    expect(s.$lastRun.get()).toEqual(summary);
    expect(Object.values(summary!.counts).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(summary!.seed).toBe(5);
  });

  it('the counters agree with the counts: the DNAT rule of each pod counted its connections', async () => {
    const s = await stores();
    const summary = (await s.startRun({ seed: 8, size: 1_000 }))!;
    const { createLab } = await import('../../../src/stores/lab/lab');
    const lines = createLab(bounceLesson()).rules(summary.scenario, 'node-2').lines;
    for (const [pod, ip] of [
      ['pod-1', '10.244.1.2'],
      ['pod-2', '10.244.2.2'],
    ] as const) {
      const dnat = lines.find((l) => l.text.includes(`--to-destination ${ip}:8080`))!;
      expect(summary.counters['node-2']?.[dnat.counter!]).toBe(summary.counts[pod]);
    }
  });

  it('cancel stops between slices and keeps the previous result', async () => {
    const s = await stores();
    const first = await s.startRun({ seed: 1, size: 1_000 });
    const running = s.startRun({ seed: 2, size: 100_000 });
    await new Promise<void>((resolve) => {
      const stop = s.$run.listen((state) => {
        if (state.status === 'running' && state.done > 0) {
          stop();
          s.cancelRun();
          resolve();
        }
      });
    });
    expect(await running).toBeNull();
    const state = s.$run.get();
    expect(state.status).toBe('cancelled');
    if (state.status === 'cancelled') expect(state.done).toBeLessThan(100_000);
    expect(s.$lastRun.get()).toEqual(first);
  });

  it('a new run replaces one in progress', async () => {
    const s = await stores();
    const slow = s.startRun({ seed: 3, size: 100_000 });
    const fast = s.startRun({ seed: 4, size: 1_000 });
    expect(await slow).toBeNull();
    expect((await fast)?.seed).toBe(4);
    expect(s.$lastRun.get()?.seed).toBe(4);
    expect(s.$run.get().status).toBe('idle');
  });

  it('changing the scenario re-runs with the same seed and size, and the grade follows', async () => {
    const s = await stores();
    s.chooseAnswer('b');
    await s.startRun({ seed: 12, size: 10_000 });
    expect(s.$graded.get()?.verdict).toBe('correct');
    const next = new Promise((resolve) => {
      const stop = s.$lastRun.listen((v) => {
        stop();
        resolve(v);
      });
    });
    s.chooseSetting('policy', 'Local');
    await next;
    expect(s.$lastRun.get()?.scenario).toEqual({ policy: 'Local', node: 'node-2' });
    expect(s.$lastRun.get()?.seed).toBe(12);
    expect(s.$lastRun.get()?.total).toBe(10_000);
    expect(s.$graded.get()?.correct).toBe('a');
    expect(s.$graded.get()?.verdict).toBe('wrong');
    cleanStores(s.$graded);
  });

  it('changing the scenario before any run does not start one', async () => {
    const s = await stores();
    s.chooseSetting('node', 'node-3');
    expect(s.$run.get().status).toBe('idle');
    expect(s.$lastRun.get()).toBeNull();
  });
});
