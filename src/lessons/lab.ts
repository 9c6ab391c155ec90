/**
 * Builds a lesson's lab at build time: reads its scenario file (content/scenarios/<slug>.yaml)
 * with the engine's manifest loader, resolves controls and traffic against it, and checks
 * every name the lesson uses. Every problem is an Error naming the lesson file and the field,
 * so `astro build` stops with something an author can act on. Tests build fixture lessons
 * through the same function.
 */
import {
  controlStates,
  defaultSettings,
  fillPlaceholders,
  MAX_CONTROL_STATES,
  resolveControls,
  stateKey,
  trafficSteps,
  viewOf,
  type LabConfig,
  type LabOption,
  type LabSpec,
  type PlaceholderValues,
} from '../engine/lab';
import { loadManifests } from '../engine/model';

/** The parts of a lesson's frontmatter the lab uses. */
export interface LabLesson {
  readonly question: string;
  readonly options: readonly LabOption[];
  readonly lab: LabSpec;
}

/** Scenario files by slug, read by Vite at build time. */
const scenarioFiles = import.meta.glob<string>('/content/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The text of content/scenarios/<slug>.yaml, or undefined when there is no such file. */
export function scenarioText(slug: string): string | undefined {
  return scenarioFiles[`/content/scenarios/${slug}.yaml`];
}

/**
 * The lab of a lesson. `file` names the lesson in errors; `scenario` is the scenario file's
 * text (default: content/scenarios/<lab.scenario>.yaml).
 */
export function resolveLab(slug: string, lesson: LabLesson, file: string, scenario?: string): LabConfig {
  const fail = (field: string, message: string): never => {
    throw new Error(`${file}: lab.${field}: ${message}`);
  };
  const path = `content/scenarios/${lesson.lab.scenario}.yaml`;
  const text = scenario ?? scenarioText(lesson.lab.scenario) ?? fail('scenario', `no file ${path}`);
  const loaded = loadManifests(text, path);
  if (!loaded.cluster) {
    const first = loaded.errors[0];
    return fail('scenario', `${path} does not load: ${first ? `${first.path} ${first.message}` : 'unknown error'}`);
  }
  const cluster = loaded.cluster;
  const { traffic, observable } = lesson.lab;
  let controls: LabConfig['controls'] = [];
  try {
    controls = resolveControls(lesson.lab.controls, cluster, traffic);
  } catch (e) {
    fail('controls', e instanceof Error ? e.message : String(e));
  }
  if ('pod' in observable && observable.pod !== undefined && !cluster.pods.some((p) => p.name === observable.pod)) {
    fail(
      'observable.pod',
      `no pod "${observable.pod}" in ${path} (pods: ${cluster.pods.map((p) => p.name).join(', ')})`,
    );
  }
  const states = controlStates(controls);
  if (states.length > MAX_CONTROL_STATES) {
    fail(
      'controls',
      `${states.length} combinations of control values; at most ${MAX_CONTROL_STATES} (each one's texts ship with the page)`,
    );
  }
  const base = {
    slug,
    spec: lesson.lab,
    cluster,
    controls,
    question: lesson.question,
    options: lesson.options,
    values: {},
  };
  // Every state the reader can reach must resolve to connections the engine can walk; its
  // placeholder values are kept for the browser.
  const values: Record<string, PlaceholderValues> = {};
  for (const settings of states) {
    try {
      const view = viewOf(base, settings);
      trafficSteps(view.cluster, view.traffic);
      values[stateKey(controls, settings)] = view.values;
    } catch (e) {
      const which = controls.map((c) => `${c.kind} ${settings[c.id] ?? ''}`).join(', ');
      fail('traffic', `with ${which}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const config: LabConfig = { ...base, values };
  try {
    trafficSteps(cluster, traffic);
  } catch (e) {
    fail('traffic', e instanceof Error ? e.message : String(e));
  }
  return config;
}

/** The lesson's texts with placeholders filled for the scenario as written (the no-JS page). */
export function defaultTexts(config: LabConfig): { readonly question: string; readonly options: readonly LabOption[] } {
  const { values } = viewOf(config, defaultSettings(config.controls));
  return {
    question: fillPlaceholders(config.question, values),
    options: config.options.map((o) => ({ ...o, text: fillPlaceholders(o.text, values) })),
  };
}
