import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFromHash, decodeScenario, encodeScenario, shareFragment } from '../../../src/playground/codec';
import {
  CILIUM_LBS,
  CILIUM_NODEPORT_MODES,
  DATAPATHS,
  DEFAULT_SCENARIO,
  IP_FAMILIES,
  IPVS_SCHEDULER_NAMES,
  POD_STATES,
  type PlaygroundScenario,
  type Target,
} from '../../../src/playground/scenario';
import { scenarioProblems } from '../../../src/playground/validate';

/** Any valid scenario. */
const scenarioArb: fc.Arbitrary<PlaygroundScenario> = fc.integer({ min: 1, max: 10 }).chain((nodes) =>
  fc
    .record({
      pods: fc.array(
        fc.record({ node: fc.integer({ min: 0, max: nodes - 1 }), state: fc.constantFrom(...POD_STATES) }),
        { maxLength: 20 },
      ),
      type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const),
      port: fc.integer({ min: 1, max: 65535 }),
      targetPort: fc.integer({ min: 1, max: 65535 }),
      nodePort: fc.integer({ min: 30000, max: 32767 }),
      etp: fc.constantFrom('Cluster' as const, 'Local' as const),
      itp: fc.constantFrom('Cluster' as const, 'Local' as const),
      affinity: fc.constantFrom('None' as const, 'ClientIP' as const),
      entry: fc.integer({ min: 0, max: nodes - 1 }),
      clientKind: fc.constantFrom('external' as const, 'pod' as const, 'node' as const),
      clientPick: fc.nat(),
      targetPick: fc.nat(),
      mode: fc.constantFrom(...DATAPATHS),
      scheduler: fc.constantFrom(...IPVS_SCHEDULER_NAMES),
      lb: fc.constantFrom(...CILIUM_LBS),
      npm: fc.constantFrom(...CILIUM_NODEPORT_MODES),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      family: fc.constantFrom(...IP_FAMILIES),
    })
    .map((r): PlaygroundScenario => {
      const targets: Target[] =
        r.type === 'ClusterIP'
          ? ['clusterIP']
          : r.type === 'NodePort'
            ? ['clusterIP', 'nodePort']
            : ['clusterIP', 'nodePort', 'loadBalancer'];
      const kind = r.clientKind === 'pod' && r.pods.length === 0 ? 'external' : r.clientKind;
      const index = kind === 'pod' ? r.clientPick % r.pods.length : kind === 'node' ? r.clientPick % nodes : 0;
      return {
        nodes,
        pods: r.pods,
        service: {
          type: r.type,
          port: r.port,
          targetPort: r.targetPort,
          nodePort: r.type === 'ClusterIP' ? 0 : r.nodePort,
          externalTrafficPolicy: r.etp,
          internalTrafficPolicy: r.itp,
          sessionAffinity: r.affinity,
        },
        client: { kind, index },
        entry: r.entry,
        target: targets[r.targetPick % targets.length]!,
        family: r.family,
        datapath: { mode: r.mode, ipvsScheduler: r.scheduler, ciliumLb: r.lb, ciliumNodePort: r.npm },
        seed: r.seed,
      };
    }),
);

describe('share-link codec', () => {
  it('the bounce scenario is a short code', () => {
    const code = encodeScenario(DEFAULT_SCENARIO);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThanOrEqual(26);
    expect(decodeScenario(code)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
    expect(codeFromHash(`#${shareFragment(DEFAULT_SCENARIO)}`)).toBe(code);
    expect(codeFromHash('#other=1')).toBeNull();
  });

  it('round-trips every valid scenario exactly', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(scenarioProblems(s)).toEqual([]);
        expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string, and whatever it accepts is valid and re-encodes to the same scenario', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/)), (text) => {
        const r = decodeScenario(text);
        if (r.ok) {
          expect(scenarioProblems(r.scenario)).toEqual([]);
          expect(decodeScenario(encodeScenario(r.scenario))).toEqual(r);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects tampered codes (one byte changed) without throwing; accepted ones are valid', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (s, at, xor) => {
        const bytes = Uint8Array.from(
          atob(
            encodeScenario(s).replace(/-/g, '+').replace(/_/g, '/') +
              '=='.slice(0, (4 - (encodeScenario(s).length % 4)) % 4),
          ),
          (c) => c.charCodeAt(0),
        );
        const i = at % bytes.length;
        bytes[i] = bytes[i]! ^ xor;
        const code = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        const r = decodeScenario(code);
        if (r.ok) expect(scenarioProblems(r.scenario)).toEqual([]);
        else expect(['encoding', 'version', 'length', 'field', 'invalid']).toContain(r.error.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the IP family in byte 4's top bit, and reads a code written before it as IPv4", () => {
    const v4 = encodeScenario(DEFAULT_SCENARIO);
    const v6 = encodeScenario({ ...DEFAULT_SCENARIO, family: 'IPv6' });
    expect(v6).not.toBe(v4);
    expect(decodeScenario(v6)).toMatchObject({ ok: true, scenario: { family: 'IPv6' } });
    // The bounce link as stop 23 wrote it (byte 4 = NodePort | nodePort target, top bit clear).
    expect(decodeScenario('AQMBACEAUB-QdYAAAAAAAQIAAQ')).toMatchObject({
      ok: true,
      scenario: { family: 'IPv4', nodes: 3 },
    });
  });

  it('says why a code is rejected', () => {
    const code = encodeScenario(DEFAULT_SCENARIO);
    expect(decodeScenario('')).toEqual({ ok: false, error: { reason: 'encoding' } });
    expect(decodeScenario('***')).toEqual({ ok: false, error: { reason: 'encoding' } });
    expect(decodeScenario(code.slice(0, 10))).toMatchObject({ ok: false, error: { reason: 'length' } });
    expect(decodeScenario(`${code}AA`)).toMatchObject({ ok: false, error: { reason: 'length' } });
    // Version 2 does not exist.
    expect(decodeScenario(`Ag${code.slice(2)}`)).toMatchObject({ ok: false, error: { reason: 'version', version: 2 } });
    // 11 nodes: byte 1 = 11.
    const eleven = encodeScenario({ ...DEFAULT_SCENARIO, nodes: 11 });
    expect(decodeScenario(eleven)).toMatchObject({
      ok: false,
      error: { reason: 'invalid', problems: [{ code: 'tooManyNodes' }] },
    });
  });
});
