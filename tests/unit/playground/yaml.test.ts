import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportYaml, importYaml } from '../../../src/playground/yaml';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../../src/playground/scenario';

describe('playground YAML', () => {
  it('export then import gives the scenario back', () => {
    const s: PlaygroundScenario = {
      ...DEFAULT_SCENARIO,
      nodes: 4,
      pods: [
        { node: 3, state: 'ready' },
        { node: 1, state: 'notReady' },
        { node: 1, state: 'terminating' },
      ],
      service: {
        ...DEFAULT_SCENARIO.service,
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        sessionAffinity: 'ClientIP',
        nodePort: 31000,
      },
    };
    const yaml = exportYaml(s);
    expect(yaml).toContain('kind: Service');
    const back = importYaml(yaml, 'en', s);
    expect(back).toEqual({ ok: true, scenario: s, warnings: expect.any(Array), dualStack: false });
  });

  it('a dual-stack scenario exports dual-stack manifests that import back whole', () => {
    const s: PlaygroundScenario = {
      ...DEFAULT_SCENARIO,
      family: 'IPv6',
      pods: [...DEFAULT_SCENARIO.pods, { node: 1, state: 'terminating' }],
      service: { ...DEFAULT_SCENARIO.service, type: 'LoadBalancer' },
    };
    const yaml = exportYaml(s);
    for (const line of [
      'podCIDRs:\n    - 10.244.2.0/24\n    - fd00:10:244:2::/64',
      'address: fd00:10::12',
      'ipFamilyPolicy: PreferDualStack',
      'clusterIPs:\n    - 10.96.120.15\n    - fd00:10:96::15',
      '- ip: fd00:10:244:2::3',
      'ip: fd00:10::200',
      'addressType: IPv6',
      'clusterCIDR: 10.244.0.0/16,fd00:10:244::/56',
    ])
      expect(yaml).toContain(line);
    const back = importYaml(yaml, 'en', s);
    expect(back).toEqual({ ok: true, scenario: s, warnings: [], dualStack: true });
    // Read from an IPv4 scenario, the same manifests keep the reader's family, and say they have both.
    expect(importYaml(yaml, 'en', DEFAULT_SCENARIO)).toMatchObject({
      ok: true,
      scenario: { family: 'IPv4' },
      dualStack: true,
    });
    // IPv4-only manifests make the scenario IPv4, whatever the reader had chosen.
    expect(importYaml(exportYaml(DEFAULT_SCENARIO), 'en', s)).toMatchObject({
      ok: true,
      scenario: { family: 'IPv4' },
      dualStack: false,
    });
  });

  it('a bad file reports the loader’s error with its field path, in the reader’s language', () => {
    const bad = exportYaml(DEFAULT_SCENARIO).replace('nodePort: 30080', 'nodePort: 99999');
    const en = importYaml(bad, 'en');
    const ko = importYaml(bad, 'ko');
    if (en.ok || ko.ok) throw new Error('must fail');
    expect(en.errors.join('\n')).toMatch(/spec\.ports\[0\]\.nodePort/);
    expect(ko.errors.join('\n')).toMatch(/필드 spec\.ports\[0\]\.nodePort/);
    expect(ko.errors.join('\n')).not.toEqual(en.errors.join('\n'));
  });

  it('manifests that do not fit the playground say why', () => {
    const two = `${exportYaml(DEFAULT_SCENARIO)}---\napiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: default}\nspec: {selector: {app: x}, ports: [{port: 81}], clusterIP: 10.96.0.9}\n`;
    const r = importYaml(two, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('manyServices');
  });

  it('dual-stack manifests load as dual-stack, in the family the reader has chosen', () => {
    const dual = readFileSync(new URL('../../fixtures/ipv6/dual-stack.yaml', import.meta.url), 'utf8');
    const r = importYaml(dual, 'en', { ...DEFAULT_SCENARIO, family: 'IPv6' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.dualStack).toBe(true);
    expect(r.scenario.family).toBe('IPv6');
    expect(r.scenario.nodes).toBe(3);
    expect(r.scenario.pods.map((p) => p.node)).toEqual([1, 2]);
  });
});
