import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bounceCluster, type BounceOptions } from '../../../../src/engine/scenarios/bounce';
import { createSimulation, type ConnectionSpec } from '../../../../src/engine/simulate';

const toNode2: ConnectionSpec = { from: { kind: 'client' }, to: { ip: '192.168.10.12', port: 30080 } };

describe('runner', () => {
  it('runs in chunks, reports progress, and stops at the total', () => {
    const run = createSimulation(bounceCluster()).run(toNode2, { count: 1000, seed: 3 });
    expect(run.progress()).toEqual({ done: 0, total: 1000, finished: false, cancelled: false });
    expect(run.step(300)).toEqual({ done: 300, total: 1000, finished: false, cancelled: false });
    expect(run.summary().count).toBe(300);
    run.step(10_000);
    expect(run.progress()).toMatchObject({ done: 1000, finished: true });
    const s = run.summary();
    expect(Object.values(s.pods).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(s.verdicts.DNAT).toBe(1000);
    expect(s.cached).toBe(true);
  });

  it('cancel stops a run; later steps do nothing', () => {
    const run = createSimulation(bounceCluster()).run(toNode2, { count: 1000, seed: 3 });
    run.step(100);
    run.cancel();
    expect(run.step(500)).toEqual({ done: 100, total: 1000, finished: true, cancelled: true });
  });

  it('counts drops and the rule that made them', () => {
    const run = createSimulation(bounceCluster({ externalTrafficPolicy: 'Local' })).run(
      { from: { kind: 'client' }, to: { ip: '192.168.10.13', port: 30080 } },
      { count: 50, seed: 1 },
    );
    run.step(50);
    expect(run.summary()).toMatchObject({ count: 50, dropped: 50, rejected: 0, destinations: {} });
    const drop = run.counters().find((c) => c.chain === 'KUBE-EXTERNAL-SERVICES');
    expect(drop).toMatchObject({ node: 'node-3', rule: 1, packets: 50 });
  });

  it('keeps memory constant: outcomes and the cache stay bounded as N grows', () => {
    const run = createSimulation(bounceCluster()).run(toNode2, { count: 200_000, seed: 9 });
    run.step(1000);
    const early = run.summary().outcomes.length;
    run.step(200_000);
    expect(run.summary().outcomes.length).toBe(early);
    expect(early).toBe(2);
  });

  it('the cache is bit-identical to full walks: same seed, same counts and counters', () => {
    const variants: BounceOptions[] = [{}, { externalTrafficPolicy: 'Local' }, { notReadyPods: ['pod-2'] }];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(...variants),
        fc.constantFrom('192.168.10.11', '192.168.10.12', '192.168.10.13'),
        (seed, variant, ip) => {
          const sim = createSimulation(bounceCluster(variant));
          const spec: ConnectionSpec = { from: { kind: 'client' }, to: { ip, port: 30080 } };
          const cached = sim.run(spec, { count: 400, seed });
          const full = sim.run(spec, { count: 400, seed, cache: false });
          cached.step(400);
          full.step(400);
          expect(cached.summary().cached).toBe(true);
          expect(full.summary().cached).toBe(false);
          const counts = (r: typeof cached): unknown =>
            r.summary().outcomes.map((o) => [o.result.destination, o.result.verdict, o.count]);
          expect(counts(cached)).toEqual(counts(full));
          expect(cached.counters(true)).toEqual(full.counters(true));
        },
      ),
      { numRuns: 12, seed: 20240501 },
    );
  });

  it('with session affinity it walks every connection in full, carrying state and the clock', () => {
    const sim = createSimulation(bounceCluster({ sessionAffinity: 'ClientIP' }));
    const sticky = sim.run(toNode2, { count: 200, seed: 5, interval: 1 });
    sticky.step(200);
    expect(sticky.summary().cached).toBe(false);
    expect(Object.keys(sticky.summary().pods)).toHaveLength(1); // one client, well within 10800 s
    const spread = sim.run(toNode2, { count: 200, seed: 5, interval: 20_000 });
    spread.step(200);
    expect(Object.keys(spread.summary().pods).sort()).toEqual(['default/pod-1', 'default/pod-2']);
  });

  it('runs a round of specs in turn and counts each spec on its own', () => {
    const toNode1: ConnectionSpec = { from: { kind: 'client' }, to: { ip: '192.168.10.11', port: 30080 } };
    const toNode3: ConnectionSpec = { from: { kind: 'client' }, to: { ip: '192.168.10.13', port: 30080 } };
    const run = createSimulation(bounceCluster({ externalTrafficPolicy: 'Local' })).run([toNode1, toNode2, toNode3], {
      count: 301,
      seed: 4,
    });
    run.step(301);
    const s = run.summary();
    expect(s.flows.map((f) => f.count)).toEqual([101, 100, 100]);
    expect(s.flows[0]?.pods).toEqual({ 'default/pod-1': 101 });
    expect(s.flows[1]?.pods).toEqual({ 'default/pod-2': 100 });
    expect(s.flows[2]).toMatchObject({ pods: {}, dropped: 100 });
    expect(s).toMatchObject({ count: 301, dropped: 100, pods: { 'default/pod-1': 101, 'default/pod-2': 100 } });
    expect(s.experiences).toEqual({ served: 201, refused: 0, 'timed-out': 100, unknown: 0 });
  });

  it('a single spec is a round of one: one flow equal to the whole', () => {
    const run = createSimulation(bounceCluster()).run(toNode2, { count: 500, seed: 8 });
    run.step(500);
    const { flows, ...whole } = run.summary();
    expect(flows).toHaveLength(1);
    expect(flows[0]).toEqual(whole);
  });

  it('rounds: the cache stays bit-identical to full walks', () => {
    const sim = createSimulation(bounceCluster());
    const round: ConnectionSpec[] = ['192.168.10.11', '192.168.10.12', '192.168.10.13'].map((ip) => ({
      from: { kind: 'client' },
      to: { ip, port: 30080 },
    }));
    const cached = sim.run(round, { count: 900, seed: 77 });
    const full = sim.run(round, { count: 900, seed: 77, cache: false });
    cached.step(900);
    full.step(900);
    expect(cached.summary().cached).toBe(true);
    const view = (r: typeof cached): unknown => r.summary().flows.map((f) => f.pods);
    expect(view(cached)).toEqual(view(full));
    expect(cached.counters(true)).toEqual(full.counters(true));
  });

  it('session affinity in a round: each client sticks per entry node, the nodes choose independently, a short timeout unsticks', () => {
    const clients = Array.from({ length: 12 }, (_, i) => `192.168.10.${101 + i}`);
    const round: ConnectionSpec[] = clients.flatMap((ip) =>
      ['192.168.10.11', '192.168.10.12'].map((node): ConnectionSpec => ({
        from: { kind: 'client', ip },
        to: { ip: node, port: 30080 },
      })),
    );
    const cluster = bounceCluster({ sessionAffinity: 'ClientIP' });
    const run = createSimulation(cluster).run(round, { count: round.length * 20, seed: 11, interval: 60 });
    run.step(Infinity);
    const flows = run.summary().flows;
    expect(flows.every((f) => f.count === 20 && Object.keys(f.pods).length === 1)).toBe(true);
    const podOf = (f: (typeof flows)[number]): string => Object.keys(f.pods)[0] as string;
    const split = clients.filter((_, c) => podOf(flows[2 * c]!) !== podOf(flows[2 * c + 1]!));
    // Each node's first choice is a fair coin: with 12 clients, some land apart and some together.
    expect(split.length).toBeGreaterThan(0);
    expect(split.length).toBeLessThan(clients.length);

    const short = { ...cluster, services: cluster.services.map((s) => ({ ...s, sessionAffinityTimeoutSeconds: 30 })) };
    const loose = createSimulation(short).run(round, { count: round.length * 20, seed: 11, interval: 60 });
    loose.step(Infinity);
    expect(loose.summary().flows.every((f) => Object.keys(f.pods).length === 2)).toBe(true);
    const tight = createSimulation(short).run(round, { count: round.length * 20, seed: 11, interval: 29 });
    tight.step(Infinity);
    expect(tight.summary().flows.every((f) => Object.keys(f.pods).length === 1)).toBe(true);
  });

  it('rejects an empty round', () => {
    expect(() => createSimulation(bounceCluster()).run([], { count: 1, seed: 1 })).toThrow(
      /at least one connection spec/,
    );
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => createSimulation(bounceCluster()).run(toNode2, { count: 1.5, seed: 1 })).toThrow(
      /count must be a whole number/,
    );
  });
});
