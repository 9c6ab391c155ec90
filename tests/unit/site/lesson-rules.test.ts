import { describe, expect, it } from 'vitest';
import { generateIptablesSave } from '../../../src/engine/kubeproxy/index';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';
import { readLessons } from './lesson-files';

/** Every `-A …` rule a lesson quotes, in code blocks or inline code, in order. */
function quotedRules(body: string): string[] {
  const inBlocks = [...body.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.startsWith('-A ')),
  );
  const inline = [...body.matchAll(/`(-A [^`]+)`/g)].map((m) => m[1] ?? '');
  return [...inBlocks, ...inline];
}

/** The rules the engine writes on `node` for the bounce cluster under one traffic policy. */
function engineRules(policy: 'Cluster' | 'Local', node: string): Set<string> {
  const dump = generateIptablesSave(bounceCluster({ externalTrafficPolicy: policy }), node);
  return new Set(dump.split('\n').filter((line) => line.startsWith('-A ')));
}

const bounce = readLessons().filter((l) => l.slug === 'bounce');
const written = ['Cluster', 'Local'].flatMap((policy) =>
  ['node-1', 'node-2', 'node-3'].map((node) => ({
    policy,
    node,
    rules: engineRules(policy as 'Cluster' | 'Local', node),
  })),
);

describe('iptables rules quoted in the bounce lesson', () => {
  it.each(bounce.map((l) => [l.locale, l] as const))(
    '%s: each is a rule kube-proxy writes, word for word',
    (_, lesson) => {
      const rules = quotedRules(lesson.body);
      expect(rules.length).toBeGreaterThan(10);
      const invented = rules.filter((rule) => !written.some((w) => w.rules.has(rule)));
      expect(invented).toEqual([]);
    },
  );

  it('are the same in English and Korean', () => {
    const [en, ko] = ['en', 'ko'].map((locale) => quotedRules(bounce.find((l) => l.locale === locale)?.body ?? ''));
    expect(ko).toEqual(en);
  });

  it('show node 2 choosing pod 1 with probability 0.5 under the default policy', () => {
    const en = quotedRules(bounce.find((l) => l.locale === 'en')?.body ?? '');
    const pick = en.find((rule) => rule.includes('--probability'));
    expect(pick).toContain('10.244.1.2:8080');
    expect(written.find((w) => w.policy === 'Cluster' && w.node === 'node-2')?.rules.has(pick ?? '')).toBe(true);
  });

  it('show node 3 dropping the NodePort under externalTrafficPolicy: Local', () => {
    const en = quotedRules(bounce.find((l) => l.locale === 'en')?.body ?? '');
    const drop = en.find((rule) => rule.endsWith('-j DROP'));
    expect(written.find((w) => w.policy === 'Local' && w.node === 'node-3')?.rules.has(drop ?? '')).toBe(true);
    expect(written.find((w) => w.policy === 'Local' && w.node === 'node-2')?.rules.has(drop ?? '')).toBe(false);
  });
});
