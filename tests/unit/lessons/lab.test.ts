/**
 * Lessons are data: a lesson file plus a scenario file are all a lab needs. The fixture
 * lesson (tests/fixtures/lessons, never published) goes through the same schema and
 * resolveLab the page uses, then the engine runs its traffic and the grader grades it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/engine/lab/controls';
import { valuesOf, type LabConfig } from '@/engine/lab/config';
import { controlStates } from '@/engine/lab/controlStates';
import { viewOf } from '@/engine/lab/view';
import { countsByEnd } from '@/engine/lab/evidence';
import { fillPlaceholders } from '@/engine/lab/fillPlaceholders';
import { exactEnds, startLabRun } from '@/engine/lab/run';
import { trafficSteps } from '@/engine/lab/traffic';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest } from '@/engine/quiz/observe';
import { createSimulation } from '@/engine/simulate';
import { resolveLab } from '@/lessons/lab';
import { lessonSchema } from '@/lessons/schema';
import { splitFrontmatter } from '../site/lesson-files';

const root = process.cwd();

function fixtureLesson(slug: string): LabConfig {
  const file = join(root, 'tests', 'fixtures', 'lessons', 'en', `${slug}.mdx`);
  const data = lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter);
  const scenario = readFileSync(join(root, 'tests', 'fixtures', 'scenarios', `${data.lab.scenario}.yaml`), 'utf8');
  return resolveLab(slug, data, file, scenario);
}

function publishedLesson(locale: string, slug: string): LabConfig {
  const file = join(root, 'content', 'lessons', locale, `${slug}.mdx`);
  return resolveLab(slug, lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

function runAndGrade(config: LabConfig, settings: Record<string, string>, total = 2000) {
  const view = viewOf(config, { ...defaultSettings(config.controls), ...settings });
  const steps = trafficSteps(view.cluster, view.traffic);
  const simulation = createSimulation(view.cluster);
  const run = startLabRun(simulation, steps, { total, seed: 7, interval: view.traffic.interval ?? 1 });
  while (run.step(500) < total);
  const { tallies } = run.finish();
  const options = config.options.map((o) => ({
    id: o.id,
    claim:
      o.claim.kind === 'source' ? { ...o.claim, address: fillPlaceholders(o.claim.address, view.values) } : o.claim,
  }));
  return {
    tallies,
    exact: exactEnds(simulation, steps),
    grade: gradeClaims(options, (c) => claimTest(config.spec.observable, c, tallies)),
  };
}

describe('a lesson that is only content files (fixture)', () => {
  const config = fixtureLesson('lonely-node');

  it('resolves its controls from the scenario', () => {
    expect(config.controls.map((c) => `${c.id}=${c.default} [${c.values.join(' ')}]`)).toEqual([
      'policy=Local [Cluster Local]',
      'node=node-b [node-a node-b]',
    ]);
  });

  it('fills placeholders for the settings', () => {
    const view = viewOf(config, { policy: 'Local', node: 'node-a' });
    expect(fillPlaceholders(config.question, view.values)).toBe(
      "A client connects to node-a's NodePort, 192.168.10.21:31000, with externalTrafficPolicy Local. What does it experience?",
    );
  });

  it('carries the placeholder values of every control state, the same as patching the scenario gives', () => {
    const states = controlStates(config.controls);
    expect(states).toHaveLength(4);
    expect(Object.keys(config.values)).toHaveLength(4);
    for (const settings of states) expect(valuesOf(config, settings)).toEqual(viewOf(config, settings).values);
    expect(valuesOf(config, { policy: 'Cluster', node: 'node-a' })?.entryNode).toBe('node-a');
    expect(valuesOf(config, { policy: 'Sometimes' })).toBeNull();
  });

  it('is graded from the run: a node without a local endpoint times out (DROP)', () => {
    const { grade, exact } = runAndGrade(config, {});
    expect(exact).toEqual({ timedOut: 1 });
    expect(grade.verdict).toEqual({ kind: 'decided', correct: 'b' });
  });

  it('turning a control changes the graded answer', () => {
    expect(runAndGrade(config, { node: 'node-a' }).grade.verdict).toEqual({ kind: 'decided', correct: 'a' });
    expect(runAndGrade(config, { policy: 'Cluster' }).grade.verdict).toEqual({ kind: 'decided', correct: 'a' });
  });
});

describe('the bounce lesson on the same path', () => {
  for (const locale of ['en', 'ko']) {
    it(`${locale}: Cluster at node-2 grades b, Local grades a, Local at node-3 grades d`, () => {
      const config = publishedLesson(locale, 'bounce');
      expect(runAndGrade(config, {}).grade.verdict).toEqual({ kind: 'decided', correct: 'b' });
      expect(runAndGrade(config, { policy: 'Local' }).grade.verdict).toEqual({ kind: 'decided', correct: 'a' });
      const dropped = runAndGrade(config, { policy: 'Local', node: 'node-3' });
      expect(countsByEnd(dropped.tallies)).toEqual({ timedOut: 2000 });
      expect(dropped.grade.verdict).toEqual({ kind: 'decided', correct: 'd' });
    });
  }

  it('option A follows the entry node in both languages', () => {
    for (const locale of ['en', 'ko']) {
      const config = publishedLesson(locale, 'bounce');
      const a = config.options[0]?.text ?? '';
      expect(fillPlaceholders(a, viewOf(config, { policy: 'Cluster', node: 'node-3' }).values)).toContain('node-3');
      expect(fillPlaceholders(a, viewOf(config, { policy: 'Cluster', node: 'node-3' }).values)).not.toContain('node-2');
    }
  });
});

describe('authoring errors name the file and the field', () => {
  const file = 'content/lessons/en/x.mdx';
  const base = fixtureLesson('lonely-node');
  const scenario = readFileSync(join(root, 'tests', 'fixtures', 'scenarios', 'lonely-node.yaml'), 'utf8');
  const lesson = { question: base.question, options: base.options, lab: base.spec };

  it('a missing scenario file', () => {
    expect(() => resolveLab('x', { ...lesson, lab: { ...lesson.lab, scenario: 'nope' } }, file)).toThrow(
      'content/lessons/en/x.mdx: lab.scenario: no file content/scenarios/nope.yaml',
    );
  });
  it('an observable pod the scenario lacks', () => {
    expect(() =>
      resolveLab(
        'x',
        { ...lesson, lab: { ...lesson.lab, observable: { kind: 'podShare', pod: 'api-9' } } },
        file,
        scenario,
      ),
    ).toThrow(/x\.mdx: lab\.observable\.pod: no pod "api-9"/);
  });
  it('an entry node the scenario lacks', () => {
    const controls = [{ kind: 'entryNode' as const, values: ['node-a', 'node-z'] }];
    expect(() => resolveLab('x', { ...lesson, lab: { ...lesson.lab, controls } }, file, scenario)).toThrow(
      /lab\.controls: .*no node "node-z"/,
    );
  });
  it('a Service the scenario lacks', () => {
    const traffic = { ...lesson.lab.traffic, service: 'default/nope' };
    expect(() => resolveLab('x', { ...lesson, lab: { ...lesson.lab, traffic, controls: [] } }, file, scenario)).toThrow(
      /lab\.traffic: .*default\/nope/,
    );
  });
  it('the schema refuses a claim that does not fit the observable, naming the option', () => {
    const file = join(root, 'tests', 'fixtures', 'lessons', 'en', 'lonely-node.mdx');
    const data = splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter as Record<string, unknown>;
    const options = (data['options'] as { claim: unknown }[]).map((o, i) =>
      i === 1 ? { ...o, claim: { kind: 'share', value: 0.5 } } : o,
    );
    const result = lessonSchema.safeParse({ ...data, options });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('options.1.claim.kind');
  });
  it('the schema refuses an unknown placeholder', () => {
    const data = splitFrontmatter(
      readFileSync(join(root, 'tests', 'fixtures', 'lessons', 'en', 'lonely-node.mdx'), 'utf8'),
      'f',
    ).frontmatter as Record<string, unknown>;
    const result = lessonSchema.safeParse({ ...data, question: 'Where does {entrynode} send it?' });
    expect(result.error?.issues[0]?.message).toMatch(/unknown placeholder \{entrynode\}/);
  });
});
