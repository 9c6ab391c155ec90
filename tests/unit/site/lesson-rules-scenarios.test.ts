import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatapathSimulation } from '../../../src/engine/datapaths/index';
import { generateIptablesSave } from '../../../src/engine/kubeproxy/index';
import { loadManifests } from '../../../src/engine/model/loadManifests';
import type { Cluster } from '../../../src/engine/model/types';
import { readLessons } from './lesson-files';

/**
 * Every lesson with its own scenario file (content/scenarios/<slug>.yaml) may quote only rules
 * kube-proxy writes for that cluster: each `-A …` line it quotes must be, word for word, a line
 * of the engine's iptables-save (iptables mode, or the rules IPVS mode keeps) on some node of
 * the scenario, as given or as the lesson's controls can turn it (traffic policies, endpoint
 * readiness, session affinity on or off); each `add rule …` line, one of nftables mode's.
 */

/** Every `-A …` rule a lesson quotes, in code blocks or inline code, in order. */
function quotedRules(body: string): string[] {
  const inBlocks = [...body.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.startsWith('-A ')),
  );
  const inline = [...body.matchAll(/`(-A [^`]+)`/g)].map((m) => m[1] ?? '');
  const nft = [...body.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.startsWith('add rule ')),
  );
  return [...inBlocks, ...inline, ...nft];
}

const scenarioPath = (slug: string): string => join(process.cwd(), 'content', 'scenarios', `${slug}.yaml`);

/** The scenario as written, and with every pod's Ready condition False (no usable endpoint). */
function loadVariants(slug: string): Cluster[] {
  const text = readFileSync(scenarioPath(slug), 'utf8');
  const notReady = text.replace(/(type: Ready\n\s+status: )"True"/g, '$1"False"');
  return [text, notReady].map((t) => {
    const loaded = loadManifests(t, `${slug}.yaml`);
    if (!loaded.cluster)
      throw new Error(`${slug}.yaml does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
    return loaded.cluster;
  });
}

/** Every rule line the engine writes on any node of any variant the controls can reach. */
function writtenRules(slug: string): Set<string> {
  const out = new Set<string>();
  for (const base of loadVariants(slug)) {
    for (const externalTrafficPolicy of ['Cluster', 'Local'] as const) {
      for (const internalTrafficPolicy of ['Cluster', 'Local'] as const) {
        for (const sessionAffinity of ['None', 'ClientIP'] as const) {
          const cluster = {
            ...base,
            services: base.services.map((s) => ({
              ...s,
              externalTrafficPolicy,
              internalTrafficPolicy,
              sessionAffinity,
            })),
          };
          const ipvs = createDatapathSimulation(cluster, { datapath: 'ipvs' });
          const nft = createDatapathSimulation(cluster, { datapath: 'nftables' });
          for (const node of cluster.nodes) {
            const lines = [generateIptablesSave(cluster, node.name), ipvs.rules(node.name), nft.rules(node.name)];
            for (const line of lines.join('\n').split('\n'))
              if (line.startsWith('-A ') || line.startsWith('add rule ')) out.add(line);
          }
        }
      }
    }
  }
  return out;
}

const lessons = readLessons().filter((l) => l.slug !== 'bounce' && existsSync(scenarioPath(l.slug)));

describe('iptables rules quoted in lessons with a scenario file', () => {
  it('there are such lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(lessons.map((l) => [`${l.locale}/${l.slug}`, l] as const))(
    '%s: each is a rule kube-proxy writes for its scenario, word for word',
    (_, lesson) => {
      const rules = quotedRules(lesson.body);
      expect(rules.length).toBeGreaterThan(0);
      const written = writtenRules(lesson.slug);
      expect(rules.filter((rule) => !written.has(rule))).toEqual([]);
    },
  );

  it.each([...new Set(lessons.map((l) => l.slug))])('%s: the same rules in English and Korean', (slug) => {
    const [en, ko] = ['en', 'ko'].map((locale) =>
      quotedRules(lessons.find((l) => l.slug === slug && l.locale === locale)?.body ?? ''),
    );
    expect(ko).toEqual(en);
  });
});
