/**
 * The playground feeds the lesson's rules and trace views: its dumps as the same rule lines
 * (iptables-save's nat table numbered and explained, other formats as plain text) and its
 * sample as the same trace rows (hops of request and answer, with the rules met between).
 */
import { describe, expect, it } from 'vitest';
import { rulesOf, sampleOf } from '../../../src/playground/engine';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../../src/playground/scenario';

const withMode = (mode: PlaygroundScenario['datapath']['mode']): PlaygroundScenario => ({
  ...DEFAULT_SCENARIO,
  datapath: { ...DEFAULT_SCENARIO.datapath, mode },
});

describe('the playground in the shared views', () => {
  it('iptables: every line of the dump, only the nat table numbered and explained', () => {
    const r = rulesOf(DEFAULT_SCENARIO, 'node-2');
    if (!r.ok) throw new Error(r.message);
    expect(r.lines.map((l) => l.text).join('\n')).toBe(r.text.replace(/\n$/, ''));
    const natStart = r.lines.findIndex((l) => l.text === '*nat');
    expect(natStart).toBeGreaterThan(0);
    expect(r.lines.slice(0, natStart).every((l) => l.rule === undefined && l.explain === undefined)).toBe(true);
    const svc = r.lines.find((l) => l.kind === 'rule' && l.chain?.startsWith('KUBE-SVC-'));
    expect(svc?.rule).toBeGreaterThan(0);
    expect(svc?.explain?.key).toBeDefined();
  });

  it('Cilium: plain text lines, none numbered', () => {
    const r = rulesOf(withMode('cilium'), 'node-2');
    if (!r.ok) throw new Error(r.message);
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.lines.every((l) => l.kind === 'text' && l.rule === undefined)).toBe(true);
  });

  it('the sample: hops in the engine’s order, the nat rules walked between them', () => {
    const s = sampleOf(DEFAULT_SCENARIO, 0);
    if ('failed' in s) throw new Error(s.failed);
    const hops = s.rows.filter((r) => r.kind === 'hop');
    expect(hops.length).toBe(s.steps.length);
    expect(hops.map((h) => (h.kind === 'hop' ? `${h.node} ${h.event}` : ''))).toEqual(
      s.steps.map((st) => `${st.node} ${st.event}`),
    );
    const first = s.rows[0];
    expect(first?.kind === 'hop' && first.event).toBe('arrive');
    expect(s.rows.some((r) => r.kind === 'rule' && r.table === 'nat' && r.matched)).toBe(true);
  });
});
