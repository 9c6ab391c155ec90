import { describe, expect, it } from 'vitest';
import * as edit from '../../../src/playground/edit';
import { DEFAULT_SCENARIO, MAX_NODES, MAX_PODS, type PlaygroundScenario } from '../../../src/playground/scenario';
import { scenarioProblems } from '../../../src/playground/validate';

const chain = (s: PlaygroundScenario, ...steps: ((s: PlaygroundScenario) => edit.EditResult)[]): PlaygroundScenario =>
  steps.reduce((acc, step) => {
    const r = step(acc);
    expect(r.problem).toBeNull();
    return r.scenario;
  }, s);

describe('playground editor model', () => {
  it('the default scenario is the bounce question and is valid', () => {
    expect(DEFAULT_SCENARIO.nodes).toBe(3);
    expect(DEFAULT_SCENARIO.pods.map((p) => p.node)).toEqual([0, 1]);
    expect(DEFAULT_SCENARIO.entry).toBe(1);
    expect(scenarioProblems(DEFAULT_SCENARIO)).toEqual([]);
  });

  it('refuses an 11th node with the limit, and keeps the scenario', () => {
    let s = DEFAULT_SCENARIO;
    while (s.nodes < MAX_NODES) s = chain(s, edit.addNode);
    const r = edit.addNode(s);
    expect(r.scenario).toBe(s);
    expect(r.problem).toEqual({ code: 'tooManyNodes', field: 'nodes', values: { max: 10 } });
  });

  it('refuses removing the last node', () => {
    const one = chain(DEFAULT_SCENARIO, edit.removeNode, edit.removeNode);
    expect(one.nodes).toBe(1);
    expect(edit.removeNode(one).problem?.code).toBe('tooFewNodes');
  });

  it('removing a node moves its pods to the first node and keeps entry and client valid', () => {
    let s = chain(
      DEFAULT_SCENARIO,
      (x) => edit.setEntry(x, 2),
      (x) => edit.movePod(x, 1, 2),
      (x) => edit.setClient(x, { kind: 'node', index: 2 }),
    );
    s = chain(s, edit.removeNode);
    expect(s.nodes).toBe(2);
    expect(s.pods[1]?.node).toBe(0);
    expect(s.entry).toBe(1);
    expect(s.client).toEqual({ kind: 'node', index: 1 });
    expect(scenarioProblems(s)).toEqual([]);
  });

  it('refuses a 21st pod', () => {
    let s = DEFAULT_SCENARIO;
    while (s.pods.length < MAX_PODS) s = chain(s, (x) => edit.addPod(x, 2));
    expect(edit.addPod(s, 0).problem).toEqual({ code: 'tooManyPods', field: 'pods', values: { max: 20 } });
    expect(scenarioProblems(s)).toEqual([]);
  });

  it('moves pods only to existing nodes, and marks states', () => {
    expect(edit.movePod(DEFAULT_SCENARIO, 0, 3).problem?.code).toBe('podNode');
    const s = chain(
      DEFAULT_SCENARIO,
      (x) => edit.movePod(x, 0, 2),
      (x) => edit.setPodState(x, 1, 'terminating'),
    );
    expect(s.pods).toEqual([
      { node: 2, state: 'ready' },
      { node: 1, state: 'terminating' },
    ]);
  });

  it('removing the pod that is the client makes the client external; later pods shift', () => {
    const s = chain(
      DEFAULT_SCENARIO,
      (x) => edit.setClient(x, { kind: 'pod', index: 1 }),
      (x) => edit.removePod(x, 0),
    );
    expect(s.client).toEqual({ kind: 'pod', index: 0 });
    expect(chain(s, (x) => edit.removePod(x, 0)).client).toEqual({ kind: 'external', index: 0 });
  });

  it('a ClusterIP Service has no node port and only the ClusterIP target; back to NodePort restores 30080', () => {
    const c = chain(DEFAULT_SCENARIO, (x) => edit.setService(x, { type: 'ClusterIP' }));
    expect(c.service.nodePort).toBe(0);
    expect(c.target).toBe('clusterIP');
    expect(edit.setTarget(c, 'nodePort').problem?.code).toBe('target');
    expect(chain(c, (x) => edit.setService(x, { type: 'NodePort' })).service.nodePort).toBe(30080);
    expect(scenarioProblems(c)).toEqual([]);
  });

  it('checks ports, node ports and seeds', () => {
    expect(edit.setService(DEFAULT_SCENARIO, { port: 0 }).problem?.code).toBe('port');
    expect(edit.setService(DEFAULT_SCENARIO, { targetPort: 70000 }).problem?.field).toBe('service.targetPort');
    expect(edit.setService(DEFAULT_SCENARIO, { nodePort: 8080 }).problem?.code).toBe('nodePort');
    expect(edit.setSeed(DEFAULT_SCENARIO, -1).problem?.code).toBe('seed');
    expect(edit.setSeed(DEFAULT_SCENARIO, 1.5).problem?.code).toBe('seed');
    expect(edit.setSeed(DEFAULT_SCENARIO, 0xffffffff).scenario.seed).toBe(0xffffffff);
  });

  it('sets the IP family, and refuses one that is neither IPv4 nor IPv6 by its field', () => {
    expect(edit.setFamily(DEFAULT_SCENARIO, 'IPv6').scenario.family).toBe('IPv6');
    const bad = edit.setFamily(DEFAULT_SCENARIO, 'IPv5' as never);
    expect(bad.scenario).toBe(DEFAULT_SCENARIO);
    expect(bad.problem).toMatchObject({ code: 'choice', field: 'family' });
    expect(scenarioProblems({ ...DEFAULT_SCENARIO, family: 'ipv6' as never }).map((p) => p.field)).toEqual(['family']);
  });

  it('validation names every bad field', () => {
    const bad = { ...DEFAULT_SCENARIO, nodes: 11, entry: 12, pods: [{ node: 40, state: 'gone' as never }] };
    const fields = scenarioProblems(bad).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['nodes', 'entry', 'pods[0].node', 'pods[0].state']));
  });
});
