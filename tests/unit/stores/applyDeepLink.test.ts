/** A newsletter link lands on a graded run; bad values are reported and ignored. */
import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bounceLesson } from './bounceLesson';

beforeAll(() => useTestStorageEngine());
afterEach(() => {
  cleanTestStorage();
  vi.resetModules();
});

async function stores() {
  (await import('../../../src/stores/lesson')).setLesson(bounceLesson());
  return {
    ...(await import('../../../src/stores/applyDeepLink')),
    ...(await import('../../../src/stores/answer')),
    ...(await import('../../../src/stores/scenario')),
    ...(await import('../../../src/stores/notices')),
    ...(await import('../../../src/stores/lastRun')),
  };
}

describe('applyDeepLink', () => {
  it('preselects the answer and runs the linked experiment with its seed', async () => {
    const s = await stores();
    const { link, run } = s.applyDeepLink('?answer=b&policy=Local&node=3&seed=99&n=10000');
    expect(link.asked).toBe(true);
    const summary = await run;
    expect(s.$answer.get()).toBe('b');
    expect(s.$scenario.get()).toEqual({ policy: 'Local', node: 'node-3' });
    expect(summary).toMatchObject({ seed: 99, total: 10_000, scenario: { policy: 'Local', node: 'node-3' } });
    expect(s.$lastRun.get()).toEqual(summary);
  });

  it('an answer-only link runs the lesson’s own question', async () => {
    const s = await stores();
    s.$scenario.set({ policy: 'Local', node: 'node-1' });
    const summary = await s.applyDeepLink('?answer=a').run;
    expect(summary?.scenario).toEqual({ policy: 'Cluster', node: 'node-2' });
  });

  it('reports bad values, applies the good ones', async () => {
    const s = await stores();
    const { run } = s.applyDeepLink('?answer=z&node=3');
    await run;
    expect(s.$linkProblems.get()).toEqual([{ param: 'answer', reason: 'invalid', shown: 'z' }]);
    expect(s.$answer.get()).toBeNull();
    expect(s.$lastRun.get()?.scenario['node']).toBe('node-3');
    s.dismissLinkProblems();
    expect(s.$linkProblems.get()).toEqual([]);
  });

  it('forgets a kept run of another experiment at once, so the old verdict never shows under the link', async () => {
    const s = await stores();
    const kept = await s.applyDeepLink('?answer=b&seed=5').run;
    expect(s.$lastRun.get()).toEqual(kept);
    const { run } = s.applyDeepLink('?answer=a&policy=Local&seed=5');
    expect(s.$lastRun.get()).toBeNull();
    expect((await run)?.scenario).toEqual({ policy: 'Local', node: 'node-2' });
  });

  it('keeps a kept run of the same experiment on screen while the link replays it', async () => {
    const s = await stores();
    const kept = await s.applyDeepLink('?answer=b&policy=Local&seed=5').run;
    const { run } = s.applyDeepLink('?answer=a&policy=Local&seed=5');
    expect(s.$lastRun.get()).toEqual(kept);
    expect(await run).toEqual(kept);
  });

  it('does nothing for a link with no usable value', async () => {
    const s = await stores();
    expect(s.applyDeepLink('?answer=%3Cscript%3E').run).toBeNull();
    expect(s.applyDeepLink('?utm_source=mail').run).toBeNull();
    expect(s.$lastRun.get()).toBeNull();
  });
});
