import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../src/engine/kubeproxy/index';
import { deriveMissingEndpointSlices } from '../../../src/engine/model/deriveEndpointSlices';
import { loadManifests } from '../../../src/engine/model/loadManifests';
import type { Cluster } from '../../../src/engine/model/types';
import { readLessons } from './lesson-files';

/**
 * The rules the source-ip and hairpin lessons rest their answers on are the ones the engine
 * writes on the node and under the setting the lesson says (lesson-rules-scenarios.test.ts
 * checks that every quoted rule exists somewhere; this checks where).
 */

/** `-A …` rules in code blocks and inline code, in order. */
function quotedRules(body: string): string[] {
  const inBlocks = [...body.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.startsWith('-A ')),
  );
  const inline = [...body.matchAll(/`(-A [^`]+)`/g)].map((m) => m[1] ?? '');
  return [...inBlocks, ...inline];
}

function scenarioOf(slug: string): Cluster | undefined {
  const path = join(process.cwd(), 'content', 'scenarios', `${slug}.yaml`);
  if (!existsSync(path)) return undefined;
  const loaded = loadManifests(readFileSync(path, 'utf8'), path);
  if (!loaded.cluster) throw new Error(`${path}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.cluster;
}

/** The cluster with one setting of the controls; slices re-derived when readiness changes. */
function variant(
  cluster: Cluster,
  etp: 'Cluster' | 'Local',
  itp: 'Cluster' | 'Local',
  affinity: 'None' | 'ClientIP',
  ready: boolean,
): Cluster {
  const services = cluster.services.map((s) => ({
    ...s,
    externalTrafficPolicy: etp,
    internalTrafficPolicy: itp,
    sessionAffinity: affinity,
  }));
  const pods = ready ? cluster.pods : cluster.pods.map((p) => ({ ...p, ready: false }));
  const { slices } = deriveMissingEndpointSlices(services, pods, []);
  return { ...cluster, services, pods, endpointSlices: slices };
}

describe('the rules the new lessons rest on', () => {
  const rulesOn = (
    slug: string,
    node: string,
    patch: Partial<{ etp: 'Cluster' | 'Local'; itp: 'Cluster' | 'Local' }>,
  ) => {
    const cluster = scenarioOf(slug);
    if (!cluster) throw new Error(`no scenario ${slug}`);
    const c = variant(cluster, patch.etp ?? 'Cluster', patch.itp ?? 'Cluster', 'None', true);
    return generateIptablesSave(c, node).split('\n');
  };
  const body = (slug: string) => readLessons().find((l) => l.slug === slug && l.locale === 'en')?.body ?? '';

  it('source-ip: the quoted masquerade-all KUBE-EXT rule is node-1’s under Cluster and gone under Local', () => {
    const quoted = quotedRules(body('source-ip')).find((r) => r.includes('"masquerade traffic for'));
    expect(quoted).toBeDefined();
    expect(rulesOn('source-ip', 'node-1', { etp: 'Cluster' })).toContain(quoted);
    expect(rulesOn('source-ip', 'node-1', { etp: 'Local' })).not.toContain(quoted);
  });

  it('source-ip: under Local node-1’s KUBE-SVL lists pod-1 alone', () => {
    const svl = rulesOn('source-ip', 'node-1', { etp: 'Local' }).filter((r) => r.startsWith('-A KUBE-SVL-'));
    expect(svl).toHaveLength(1);
    expect(svl[0]).toContain('10.244.1.2:8080');
    expect(quotedRules(body('source-ip'))).toContain(svl[0]);
  });

  it('hairpin: the quoted "-s <endpoint IP> -j KUBE-MARK-MASQ" rule is in pod-1’s endpoint chain on node-1', () => {
    const quoted = quotedRules(body('hairpin')).find((r) => r.includes('-s 10.244.1.2 -j KUBE-MARK-MASQ'));
    expect(quoted).toMatch(/^-A KUBE-SEP-\S+ /);
    expect(rulesOn('hairpin', 'node-1', {})).toContain(quoted);
  });
});
