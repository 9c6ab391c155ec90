/** createDatapathSimulation: one switch over the datapaths, the same Simulation interface from each. */
import { describe, expect, it } from 'vitest';
import { createDatapathSimulation, DatapathUnavailableError, type Datapath } from '../../../../src/engine/datapaths';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';

describe('createDatapathSimulation', () => {
  it.each(['iptables', 'ipvs', 'cilium'] as const)('%s: nodes, rules, exact, sample, run and session all answer', (datapath) => {
    const sim = createDatapathSimulation(bounceCluster(), { datapath, ipvsScheduler: 'rr', cilium: { lb: 'maglev', nodePortMode: 'dsr' } });
    const c = { from: { kind: 'client' } as const, to: { ip: '192.168.10.12', port: 30080 } };
    expect(sim.nodes).toEqual(['node-1', 'node-2', 'node-3']);
    expect(sim.rules('node-2').length).toBeGreaterThan(100);
    expect(sim.exact(c).reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
    expect(sim.sample(c, 1).destination?.kind).toBe('pod');
    const run = sim.run(c, { count: 20, seed: 1 });
    run.step(20);
    expect(run.summary().count).toBe(20);
    expect(sim.session(1).connect(c).verdict).toBe('DNAT');
    expect(() => sim.rules('node-9')).toThrow(RangeError);
  });

  it('nftables is refused with a clear message until its simulation exists', () => {
    expect(() => createDatapathSimulation(bounceCluster(), { datapath: 'nftables' })).toThrow(DatapathUnavailableError);
    expect(() => createDatapathSimulation(bounceCluster(), { datapath: 'nftables' })).toThrow('datapath "nftables" is not available yet');
  });

  it('an unknown datapath names the field', () => {
    expect(() => createDatapathSimulation(bounceCluster(), { datapath: 'bpfilter' as Datapath })).toThrow(/datapath: "bpfilter"/);
  });
});
