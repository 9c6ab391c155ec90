/**
 * The source-ip and hairpin lessons graded from engine runs, through the same schema,
 * resolveLab and grader the page uses: the default settings give the answer the solution
 * explains, and turning the controls the lessons name changes the graded answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/engine/lab/controls';
import type { LabConfig } from '@/engine/lab/config';
import { viewOf } from '@/engine/lab/view';
import { fillPlaceholders } from '@/engine/lab/fillPlaceholders';
import { startLabRun } from '@/engine/lab/run';
import { trafficSteps } from '@/engine/lab/traffic';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest, measure } from '@/engine/quiz/observe';
import { createSimulation } from '@/engine/simulate';
import { resolveLab } from '@/lessons/lab';
import { lessonSchema } from '@/lessons/schema';
import { splitFrontmatter } from '../site/lesson-files';

function lesson(locale: string, slug: string): LabConfig {
  const file = join(process.cwd(), 'content', 'lessons', locale, `${slug}.mdx`);
  return resolveLab(slug, lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

/** Runs 2,000 connections under `settings` and grades the lesson's options. */
function graded(config: LabConfig, settings: Record<string, string>) {
  const view = viewOf(config, { ...defaultSettings(config.controls), ...settings });
  const steps = trafficSteps(view.cluster, view.traffic);
  const run = startLabRun(createSimulation(view.cluster), steps, { total: 2000, seed: 11, interval: 1 });
  while (run.step(500) < 2000);
  const { tallies } = run.finish();
  const options = config.options.map((o) => ({
    id: o.id,
    claim:
      o.claim.kind === 'source' ? { ...o.claim, address: fillPlaceholders(o.claim.address, view.values) } : o.claim,
  }));
  const grade = gradeClaims(options, (c) => claimTest(config.spec.observable, c, tallies));
  return {
    verdict: grade.verdict.kind === 'decided' ? grade.verdict.correct : 'inconclusive',
    tallies,
    view,
    measure: measure(config.spec.observable, tallies),
  };
}

for (const locale of ['en', 'ko']) {
  describe(`${locale}/source-ip`, () => {
    const config = lesson(locale, 'source-ip');

    it('offers the controls it names: policy, entry node, datapath', () => {
      expect(config.controls.map((c) => `${c.id}=${c.default}`)).toEqual([
        'policy=Cluster',
        'node=node-1',
        'datapath=iptables',
      ]);
    });

    it('from node-1 under Cluster: pod-2 sees only node-1’s address (b)', () => {
      const run = graded(config, {});
      expect(run.verdict).toBe('b');
      const atPod2 = run.tallies.filter((t) => t.end === 'pod-2');
      expect(new Set(atPod2.map((t) => t.source))).toEqual(new Set(['192.168.10.11']));
    });

    it('from node-1 under Local: pod-2 serves nothing and pod-1 sees the client (d)', () => {
      const run = graded(config, { policy: 'Local' });
      expect(run.verdict).toBe('d');
      expect(run.tallies.every((t) => t.end === 'pod-1' && t.source === '192.168.10.100')).toBe(true);
    });

    it('the entry node changes the answer: node-2 gives c (Cluster) and a (Local), node-3 gives b', () => {
      expect(graded(config, { node: 'node-2' }).verdict).toBe('c');
      expect(graded(config, { node: 'node-2', policy: 'Local' }).verdict).toBe('a');
      expect(graded(config, { node: 'node-3' }).verdict).toBe('b');
      expect(graded(config, { node: 'node-3', policy: 'Local' }).verdict).toBe('d');
    });

    it('nftables mode gives the same answers', () => {
      expect(graded(config, { datapath: 'nftables' }).verdict).toBe('b');
      expect(graded(config, { datapath: 'nftables', policy: 'Local' }).verdict).toBe('d');
    });

    it('option b names the entry node and its address', () => {
      const b = config.options[1]?.text ?? '';
      const filled = fillPlaceholders(
        b,
        viewOf(config, { ...defaultSettings(config.controls), node: 'node-3' }).values,
      );
      expect(filled).toContain('node-3');
      expect(filled).toContain('192.168.10.13');
    });
  });

  describe(`${locale}/hairpin`, () => {
    const config = lesson(locale, 'hairpin');

    it('offers internal policy, pod-1’s readiness, the caller and the datapath', () => {
      expect(config.controls.map((c) => `${c.id}=${c.default}`)).toEqual([
        'itp=Cluster',
        'ready-pod-1=ready',
        'client=pod-1',
        'datapath=iptables',
      ]);
    });

    it('pod-1 → ClusterIP: about half come back, seen from 10.244.1.1 (c)', () => {
      const run = graded(config, {});
      expect(run.verdict).toBe('c');
      expect(run.measure.hits / run.measure.trials).toBeGreaterThan(0.45);
      expect(run.measure.hits / run.measure.trials).toBeLessThan(0.55);
      const back = run.tallies.filter((t) => t.end === 'pod-1');
      expect(new Set(back.map((t) => t.source))).toEqual(new Set(['10.244.1.1']));
      const away = run.tallies.filter((t) => t.end === 'pod-2');
      expect(new Set(away.map((t) => t.source))).toEqual(new Set(['10.244.1.2']));
    });

    it('internalTrafficPolicy Local: every call comes back (d)', () => {
      const run = graded(config, { itp: 'Local' });
      expect(run.verdict).toBe('d');
      expect(run.measure).toEqual({ hits: 2000, trials: 2000 });
    });

    it('pod-1 not ready: it never reaches itself (a)', () => {
      expect(graded(config, { 'ready-pod-1': 'notReady' }).verdict).toBe('a');
    });

    it('pod-2 calling: the same answer, with pod-2’s own addresses', () => {
      const run = graded(config, { client: 'pod-2' });
      expect(run.verdict).toBe('c');
      expect(run.view.values.entryNodeGateway).toBe('10.244.2.1');
      expect(new Set(run.tallies.filter((t) => t.end === 'pod-2').map((t) => t.source))).toEqual(
        new Set(['10.244.2.1']),
      );
    });

    it('nftables mode gives the same answers', () => {
      expect(graded(config, { datapath: 'nftables' }).verdict).toBe('c');
      expect(graded(config, { datapath: 'nftables', itp: 'Local' }).verdict).toBe('d');
    });
  });
}
