/** createDatapathSimulation: one switch over the datapaths, the same Simulation interface from each. */
import { describe, expect, it } from 'vitest';
import { createDatapathSimulation, type Datapath } from '../../../../src/engine/datapaths';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';

describe('createDatapathSimulation', () => {
  it.each(['iptables', 'ipvs', 'cilium'] as const)(
    '%s: nodes, rules, exact, sample, run and session all answer',
    (datapath) => {
      const sim = createDatapathSimulation(bounceCluster(), {
        datapath,
        ipvsScheduler: 'rr',
        cilium: { lb: 'maglev', nodePortMode: 'dsr' },
      });
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
    },
  );

  it('nftables walks the nft rules kube-proxy writes (table ip kube-proxy on every node)', () => {
    const sim = createDatapathSimulation(bounceCluster(), { datapath: 'nftables' });
    expect(sim.rules('node-2')).toMatch(/^add table ip kube-proxy /);
    const out = sim.exact({ from: { kind: 'client', via: 'node-2' }, to: { ip: '192.168.10.12', port: 30080 } });
    expect(out.map((o) => o.probability)).toEqual([0.5, 0.5]);
  });

  it('the datapath asked for wins over the KubeProxyConfiguration mode, both ways', () => {
    const nftCluster = { ...bounceCluster(), proxy: { ...bounceCluster().proxy, mode: 'nftables' as const } };
    expect(createDatapathSimulation(nftCluster, { datapath: 'iptables' }).rules('node-2')).toMatch(/^\*filter$/m);
    expect(createDatapathSimulation(nftCluster, { datapath: 'iptables' }).rules('node-2')).not.toMatch(
      /table ip kube-proxy/,
    );
    expect(createDatapathSimulation(nftCluster, { datapath: 'nftables' }).rules('node-2')).toMatch(
      /^add table ip kube-proxy /,
    );
    expect(createDatapathSimulation(bounceCluster(), { datapath: 'nftables' }).rules('node-2')).toMatch(
      /^add table ip kube-proxy /,
    );
  });

  it('an unknown datapath names the field', () => {
    expect(() => createDatapathSimulation(bounceCluster(), { datapath: 'bpfilter' as Datapath })).toThrow(
      /datapath: "bpfilter"/,
    );
  });
});
