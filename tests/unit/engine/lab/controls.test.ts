/** Controls patch the scenario; rounds of several clients run on one clock and state. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySettings } from '@/engine/lab/applySettings';
import { defaultSettings, isValidSettings, resolveControls } from '@/engine/lab/controls';
import { countsByEnd } from '@/engine/lab/evidence';
import { startLabRun } from '@/engine/lab/run';
import type { ControlSpec, TrafficSpec } from '@/engine/lab/spec';
import { trafficSteps } from '@/engine/lab/traffic';
import { loadManifests } from '@/engine/model/loadManifests';
import { measure, stickyGroups } from '@/engine/quiz/observe';
import { createSimulation } from '@/engine/simulate';

const cluster = loadManifests(
  readFileSync(join(process.cwd(), 'content', 'scenarios', 'bounce.yaml'), 'utf8'),
).cluster!;
const traffic: TrafficSpec = {
  service: 'default/web',
  clients: [
    { name: 'alice', ip: '192.168.10.100' },
    { name: 'bob', ip: '192.168.10.101' },
  ],
  connections: [
    { from: 'alice', to: 'nodePort', node: 'node-1' },
    { from: 'bob', to: 'nodePort', node: 'node-2' },
  ],
  interval: 4,
};
const specs: ControlSpec[] = [
  { kind: 'externalTrafficPolicy' },
  { kind: 'internalTrafficPolicy' },
  { kind: 'sessionAffinity' },
  { kind: 'sessionAffinityTimeout', values: [3, 10, 10800] },
  { kind: 'entryNode' },
  { kind: 'client' },
  { kind: 'datapath' },
  { kind: 'endpointReadiness', pod: 'pod-2' },
];
const controls = resolveControls(specs, cluster, traffic);

describe('controls', () => {
  it('take their ids, values and defaults from the scenario', () => {
    expect(controls.map((c) => `${c.id}=${c.default}`)).toEqual([
      'policy=Cluster',
      'itp=Cluster',
      'affinity=None',
      'timeout=10800',
      'node=node-1',
      'client=alice',
      'datapath=iptables',
      'ready-pod-2=ready',
    ]);
    expect(isValidSettings(controls, defaultSettings(controls))).toBe(true);
    expect(isValidSettings(controls, { ...defaultSettings(controls), node: 'node-9' })).toBe(false);
  });

  it('patch the Service, the proxy, the endpoints and the traffic', () => {
    const { cluster: c, traffic: t } = applySettings(cluster, traffic, controls, {
      policy: 'Local',
      itp: 'Local',
      affinity: 'ClientIP',
      timeout: '10',
      node: 'node-3',
      client: 'bob',
      datapath: 'nftables',
      'ready-pod-2': 'terminating',
    });
    expect(c.services[0]).toMatchObject({
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 10,
    });
    expect(c.proxy.mode).toBe('nftables');
    expect(c.endpointSlices[0]?.endpoints[1]?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(t.connections).toEqual([
      { from: 'bob', to: 'nodePort', node: 'node-3' },
      { from: 'bob', to: 'nodePort', node: 'node-3' },
    ]);
    expect(cluster.services[0]?.externalTrafficPolicy).toBe('Cluster'); // the scenario itself is untouched
  });

  it('a not-ready endpoint is left out of the rules', () => {
    const { cluster: c, traffic: t } = applySettings(cluster, traffic, controls, {
      ...defaultSettings(controls),
      'ready-pod-2': 'notReady',
    });
    const sim = createSimulation(c);
    const run = startLabRun(sim, trafficSteps(c, t), { total: 400, seed: 1, interval: 1 });
    run.step(400);
    expect(countsByEnd(run.finish().tallies)).toEqual({ 'pod-1': 400 });
  });
});

describe('a round of two clients on the simulated clock', () => {
  const run = (settings: Record<string, string>) => {
    const { cluster: c, traffic: t } = applySettings(
      cluster,
      traffic,
      controls.filter((x) => x.kind !== 'entryNode' && x.kind !== 'client'),
      settings,
    );
    const steps = trafficSteps(c, t);
    const r = startLabRun(createSimulation(c), steps, { total: 2000, seed: 3, interval: t.interval ?? 1 });
    while (r.step(300) < 2000);
    return r.finish().tallies;
  };

  it('without affinity each client spreads over both pods', () => {
    const tallies = run({});
    expect(stickyGroups(tallies).map((g) => `${g.client}@${g.entry} ${g.total}`)).toEqual([
      'alice@node-1 1000',
      'bob@node-2 1000',
    ]);
    const { hits, trials } = measure({ kind: 'stickiness' }, tallies);
    expect(hits / trials).toBeGreaterThan(0.45);
    expect(hits / trials).toBeLessThan(0.56);
  });

  it('with ClientIP affinity each client sticks to one pod', () => {
    const tallies = run({ affinity: 'ClientIP' });
    expect(measure({ kind: 'stickiness' }, tallies)).toEqual({ hits: 2000, trials: 2000 });
  });

  it('with a 10 s timeout and 4 s between rounds, it still sticks', () => {
    expect(measure({ kind: 'stickiness' }, run({ affinity: 'ClientIP', timeout: '10' }))).toEqual({
      hits: 2000,
      trials: 2000,
    });
  });

  it('with a 3 s timeout the affinity expires between them, and the choice is random again', () => {
    const { hits, trials } = measure({ kind: 'stickiness' }, run({ affinity: 'ClientIP', timeout: '3' }));
    expect(hits / trials).toBeLessThan(0.56);
  });
});
