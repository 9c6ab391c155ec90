/**
 * The live strings are fitted to each lab at build time: a lab of pings speaks of pings, a
 * ClusterIP lab is not titled by externalTrafficPolicy, and the diagram's text alternative
 * lists the lab's own nodes and pods (the client pod as the client).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabConfig } from '@/engine/lab/config';
import { liveStrings } from '@/i18n/live/index';
import { diagramClusterOf } from '@/lessons/diagramCluster';
import { resolveLab } from '@/lessons/lab';
import { labStrings, sendsPings } from '@/lessons/labStrings';
import { lessonSchema } from '@/lessons/schema';
import { splitFrontmatter } from '../site/lesson-files';

function lesson(locale: string, slug: string): LabConfig {
  const file = join(process.cwd(), 'content', 'lessons', locale, `${slug}.mdx`);
  return resolveLab(slug, lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

describe('labStrings', () => {
  it('a ping lab names what ping prints; a TCP lab keeps the connection words', () => {
    const ping = lesson('en', 'ping');
    const bounce = lesson('en', 'bounce');
    expect([sendsPings(ping), sendsPings(bounce)]).toEqual([true, false]);
    const en = liveStrings.en;
    const forPing = labStrings(en, ping, diagramClusterOf(ping));
    expect([forPing.quiz.refused, forPing.quiz.timedOut, forPing.quiz.chart]).toEqual([
      en.quiz.unreachable,
      en.quiz.noReply,
      en.quiz.chartPing,
    ]);
    expect(labStrings(en, bounce, diagramClusterOf(bounce)).quiz).toEqual(en.quiz);
  });

  it('the diagram describes the lab’s own cluster, in both languages', () => {
    const ping = lesson('en', 'ping');
    expect(labStrings(liveStrings.en, ping, diagramClusterOf(ping)).diagram.desc).toBe(
      '3 nodes on one LAN: pod-1 on node-1, pod-2 on node-2, the client pod debug on node-3. The traffic enters the cluster at node {node}. Counters show how many connections each pod received in the last run.',
    );
    const ko = lesson('ko', 'ping');
    expect(labStrings(liveStrings.ko, ko, diagramClusterOf(ko)).diagram.desc).toContain(
      'node-1의 pod-1, node-2의 pod-2, node-3의 클라이언트 파드 debug',
    );
  });

  it('only a NodePort lab is titled by externalTrafficPolicy; only a datapath lab drops “iptables” from the lead', () => {
    const bounce = lesson('en', 'bounce');
    const hairpin = lesson('en', 'hairpin');
    const en = liveStrings.en;
    expect(labStrings(en, bounce, diagramClusterOf(bounce)).diagram.title).toBe(en.diagram.title);
    expect(labStrings(en, hairpin, diagramClusterOf(hairpin)).diagram.title).toBe(en.diagram.titleAt);
    expect(labStrings(en, bounce, diagramClusterOf(bounce)).live.lead).toBe(en.live.lead);
    expect(labStrings(en, hairpin, diagramClusterOf(hairpin)).live.lead).toBe(en.live.leadDatapath);
  });
});
