/** The lab: the engine's output shaped for the rules view, the trace view and the diagram. */
import { describe, expect, it } from 'vitest';
import { liveEn } from '../../../src/i18n/live/en';
import { createLab } from '../../../src/stores/lab/lab';
import { bounceLesson } from './bounceLesson';
import { natLines, natSection, ruleTokens } from '../../../src/stores/lab/natTable';
import type { Scenario } from '../../../src/stores/model';

const scenarios: Scenario[] = [
  { policy: 'Cluster', node: 'node-1' },
  { policy: 'Cluster', node: 'node-2' },
  { policy: 'Cluster', node: 'node-3' },
  { policy: 'Local', node: 'node-1' },
  { policy: 'Local', node: 'node-2' },
  { policy: 'Local', node: 'node-3' },
];
const nodes = ['node-1', 'node-2', 'node-3'];
const lab = createLab(bounceLesson());

describe('the nat table listing', () => {
  it('is exactly the *nat … COMMIT part of the generated dump, line for line', () => {
    const dump =
      '*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n:KUBE-X - [0:0]\n-A KUBE-X -j DNAT --to-destination 1.2.3.4:80\nCOMMIT\n';
    expect(natSection(dump)).toEqual([
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':KUBE-X - [0:0]',
      '-A KUBE-X -j DNAT --to-destination 1.2.3.4:80',
      'COMMIT',
    ]);
    const { lines, slots } = natLines(dump);
    expect(lines.map((l) => l.kind)).toEqual(['table', 'chain', 'chain', 'rule', 'commit']);
    // Built-in chains count their policy; rules count by position in their chain.
    expect(slots).toEqual([
      { chain: 'PREROUTING', rule: 0 },
      { chain: 'KUBE-X', rule: 1 },
    ]);
  });

  it('tokens put the text back together and classify each word', () => {
    const line =
      '-A KUBE-SVC-X -m comment --comment "default/web:http -> 10.244.1.2:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-Y';
    const tokens = ruleTokens(line);
    expect(tokens.map((t) => t.text).join('')).toBe(line);
    const kinds = Object.fromEntries(tokens.filter((t) => t.kind !== 'space').map((t) => [t.text, t.kind]));
    expect(kinds).toMatchObject({
      '-A': 'keyword',
      'KUBE-SVC-X': 'chain',
      '--comment': 'flag',
      '"default/web:http -> 10.244.1.2:8080"': 'comment',
      '0.5000000000': 'value',
      '-j': 'flag',
      'KUBE-SEP-Y': 'target',
    });
  });

  it.each(scenarios)(
    'for $policy, every node: the listing is the engine’s nat text and every line is explained',
    (scenario) => {
      for (const node of nodes) {
        const { lines } = lab.rules(scenario, node);
        expect(lines[0]?.text).toBe('*nat');
        expect(lines.at(-1)?.text).toBe('COMMIT');
        for (const line of lines) {
          expect(line.tokens.map((t) => t.text).join(''), line.text).toBe(line.text);
          const key = line.explain?.key ?? '';
          expect(Object.keys(liveEn.rules), `${node}: ${line.text}`).toContain(key);
          // kube-proxy's own rules all have a specific note.
          expect(key, `${node}: ${line.text}`).not.toBe('ruleOther');
          for (const value of Object.values(line.explain?.values ?? {})) expect(value, line.text).not.toBe('?');
        }
      }
    },
  );
});

describe('exact distributions', () => {
  it.each<[Scenario, Record<string, number>]>([
    [
      { policy: 'Cluster', node: 'node-2' },
      { 'pod-1': 0.5, 'pod-2': 0.5 },
    ],
    [
      { policy: 'Cluster', node: 'node-3' },
      { 'pod-1': 0.5, 'pod-2': 0.5 },
    ],
    [
      { policy: 'Local', node: 'node-1' },
      { 'pod-1': 1, 'pod-2': 0 },
    ],
    [
      { policy: 'Local', node: 'node-2' },
      { 'pod-1': 0, 'pod-2': 1 },
    ],
    [
      { policy: 'Local', node: 'node-3' },
      { 'pod-1': 0, 'pod-2': 0, timedOut: 1 },
    ],
  ])('%o', (scenario, expected) => {
    expect(lab.exact(scenario)).toEqual(expected);
  });
});

describe('sample connections', () => {
  it('a bounced connection is told in order: arrive, DNAT, MASQUERADE, cross the LAN, deliver', () => {
    const scenario: Scenario = { policy: 'Cluster', node: 'node-2' };
    const bounced = Array.from({ length: 20 }, (_, i) => lab.story(scenario, 42, i)).find((s) => s.pod === 'pod-1')!;
    expect(bounced.narration.map((n) => n.key)).toEqual(['arrive', 'dnat', 'masq', 'route', 'deliver']);
    expect(bounced.narration.find((n) => n.key === 'masq')?.values['src']).toBe('192.168.10.12');
    expect(bounced.podNode).toBe('node-1');
    // The rows walk node-2 first, then node-1, and include the DNAT and MASQUERADE rules.
    const ruleNodes = bounced.rows.filter((r) => r.kind === 'rule').map((r) => r.node);
    expect(ruleNodes.indexOf('node-1')).toBeGreaterThan(ruleNodes.lastIndexOf('node-2'));
    const actions = bounced.rows.flatMap((r) => (r.kind === 'rule' ? [r.action] : []));
    expect(actions).toContain('DNAT to 10.244.1.2:8080');
    expect(actions.some((a) => a.startsWith('MASQUERADE to 192.168.10.12:'))).toBe(true);
  });

  it('different samples of a seed differ, and the same sample replays', () => {
    const scenario: Scenario = { policy: 'Cluster', node: 'node-2' };
    const outcomes = new Set(Array.from({ length: 20 }, (_, i) => lab.story(scenario, 7, i).outcome));
    expect(outcomes).toEqual(new Set(['pod-1', 'pod-2']));
    expect(lab.story(scenario, 7, 3)).toEqual(lab.story(scenario, 7, 3));
  });

  it('ETP Local keeps the client address; node 3 drops with the filter rule named', () => {
    const kept = lab.story({ policy: 'Local', node: 'node-2' }, 1, 0);
    expect(kept.narration.map((n) => n.key)).toEqual(['arrive', 'dnat', 'deliver', 'kept']);
    expect(kept.narration.find((n) => n.key === 'deliver')?.values['src']).toBe('192.168.10.100');
    const dropped = lab.story({ policy: 'Local', node: 'node-3' }, 1, 0);
    expect(dropped.outcome).toBe('timedOut');
    expect(dropped.narration.at(-1)?.key).toBe('drop');
    expect(dropped.narration.at(-1)?.values['reason']).toContain('has no local endpoints');
  });
});
