/**
 * The sticky and dead-end lessons on the generic lab: each resolves from its content files in
 * both languages, its default run is graded from the engine's evidence, and turning the
 * controls the lesson names changes the graded answer. Nothing here is an answer key: the
 * expected letters are what the claims mean under kube-proxy's rules, checked against runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/engine/lab/controls';
import type { LabConfig } from '@/engine/lab/config';
import { viewOf } from '@/engine/lab/view';
import { countsByEnd } from '@/engine/lab/evidence';
import { startLabRun } from '@/engine/lab/run';
import { trafficSteps } from '@/engine/lab/traffic';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest, stickyGroups } from '@/engine/quiz/observe';
import { createSimulation } from '@/engine/simulate';
import { resolveLab } from '@/lessons/lab';
import { lessonSchema } from '@/lessons/schema';
import { splitFrontmatter } from '../site/lesson-files';

function lesson(locale: string, slug: string): LabConfig {
  const file = join(process.cwd(), 'content', 'lessons', locale, `${slug}.mdx`);
  return resolveLab(slug, lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

function run(config: LabConfig, settings: Record<string, string>, seed: number | string = 42, total = 1000) {
  const view = viewOf(config, { ...defaultSettings(config.controls), ...settings });
  const steps = trafficSteps(view.cluster, view.traffic);
  const simulation = createSimulation(view.cluster);
  const lab = startLabRun(simulation, steps, { total, seed, interval: view.traffic.interval ?? 1 });
  while (lab.step(250) < total);
  const { tallies, counters } = lab.finish();
  const grade = gradeClaims(config.options, (c) => claimTest(config.spec.observable, c, tallies));
  return { tallies, counters, verdict: grade.verdict };
}

const decided = (correct: string) => ({ kind: 'decided', correct });

for (const locale of ['en', 'ko']) {
  describe(`${locale}: sticky`, () => {
    const config = lesson(locale, 'sticky');

    it('offers sessionAffinity and its timeout, at the scenario’s values', () => {
      expect(config.controls.map((c) => `${c.id}=${c.default} [${c.values.join(' ')}]`)).toEqual([
        'affinity=ClientIP [None ClientIP]',
        'timeout=10800 [10800 30]',
      ]);
    });

    it('as written: each client sticks per entry node, the two nodes choose apart (b)', () => {
      for (const seed of [42, 1, 'x']) {
        const { tallies, verdict } = run(config, {}, seed);
        expect(verdict).toEqual(decided('b'));
        expect(stickyGroups(tallies).every((g) => g.top === g.total)).toBe(true);
      }
    });

    it('the counters show one coin per client and node; the rest is affinity', () => {
      const { counters } = run(config, {});
      const node2 = counters.filter((c) => c.node === 'node-2' && c.table === 'nat' && c.chain.startsWith('KUBE-SVC-'));
      const rcheck = node2.filter((c) => c.text.includes('--rcheck')).reduce((n, c) => n + c.packets, 0);
      const coin = node2.filter((c) => !c.text.includes('--rcheck')).reduce((n, c) => n + c.packets, 0);
      expect([rcheck, coin]).toEqual([484, 16]);
    });

    it('sessionAffinity None, or a timeout shorter than the clients’ return, spreads them (c)', () => {
      expect(run(config, { affinity: 'None' }).verdict).toEqual(decided('c'));
      expect(run(config, { timeout: '30' }).verdict).toEqual(decided('c'));
    });
  });

  describe(`${locale}: dead-end`, () => {
    const config = lesson(locale, 'dead-end');

    it('offers the policy, the entry node and each pod’s readiness', () => {
      expect(config.controls.map((c) => `${c.id}=${c.default}`)).toEqual([
        'policy=Local',
        'node=node-3',
        'ready-pod-1=ready',
        'ready-pod-2=ready',
      ]);
    });

    it('as written: no local endpoint under Local, DROP, the client times out (c)', () => {
      const { tallies, verdict, counters } = run(config, {});
      expect(countsByEnd(tallies)).toEqual({ timedOut: 1000 });
      expect(verdict).toEqual(decided('c'));
      expect(counters.find((c) => c.chain === 'KUBE-EXTERNAL-SERVICES')).toMatchObject({
        node: 'node-3',
        packets: 1000,
      });
    });

    it('no pod ready: REJECT, refused (b); policy Cluster or an entry node with a pod: served (a)', () => {
      expect(run(config, { 'ready-pod-1': 'notReady', 'ready-pod-2': 'notReady' }).verdict).toEqual(decided('b'));
      expect(run(config, { policy: 'Cluster' }).verdict).toEqual(decided('a'));
      expect(run(config, { node: 'node-1' }).verdict).toEqual(decided('a'));
      // One pod not ready still leaves node 3 without a local endpoint: still a time-out.
      expect(run(config, { 'ready-pod-2': 'notReady' }).verdict).toEqual(decided('c'));
    });
  });
}
