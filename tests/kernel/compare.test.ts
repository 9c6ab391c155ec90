import { describe, expect, it } from 'vitest';
import type { ConnectionResult } from '../../src/engine/simulate';
import { compareWithEngine, formatComparison, NO_ANSWER, REFUSED, type ExpectedOutcome } from './harness/compare';
import { observableOf } from './harness/engine';
import { tally } from './harness/kernelCluster';
import type { ConnectionOutcome } from './harness/processes';

// The verdict logic of the kernel suite (pure: runs everywhere).

const answered = (pod: string, peer: string, n: number): ConnectionOutcome[] =>
  Array.from({ length: n }, () => ({ outcome: 'answered', pod, peer }));
const fiftyFifty: ExpectedOutcome[] = [
  { kind: 'pod', pod: 'pod-1', source: '192.168.10.12', probability: 0.5 },
  { kind: 'pod', pod: 'pod-2', source: '10.244.2.1', probability: 0.5 },
];

describe('compareWithEngine', () => {
  it('agrees with a fair 50/50 sample and the predicted sources', () => {
    const c = compareWithEngine(
      tally([...answered('pod-1', '192.168.10.12', 195), ...answered('pod-2', '10.244.2.1', 205)]),
      fiftyFifty,
    );
    expect(c.agrees).toBe(true);
    expect(c.pValue).toBeGreaterThan(0.5);
  });

  it('rejects a 70/30 sample against a 50/50 prediction', () => {
    const c = compareWithEngine(
      tally([...answered('pod-1', '192.168.10.12', 280), ...answered('pod-2', '10.244.2.1', 120)]),
      fiftyFifty,
    );
    expect(c.agrees).toBe(false);
    expect(c.pValue).toBeLessThan(1e-9);
  });

  it('rejects outright a source the engine did not predict, and names it', () => {
    const c = compareWithEngine(
      tally([...answered('pod-1', '192.168.10.12', 200), ...answered('pod-2', '192.168.10.12', 200)]),
      fiftyFifty,
    );
    expect(c.pValue).toBe(0);
    expect(c.sourceMismatches).toEqual(['pod-2: kernel saw {192.168.10.12}, engine predicts {10.244.2.1}']);
    expect(formatComparison('t', c)).toContain('KERNEL AND ENGINE DISAGREE');
  });

  it('maps time-outs to "no answer" and refusals to "refused"', () => {
    const outcomes: ConnectionOutcome[] = [...Array(10)].map(() => ({ outcome: 'timeout' }));
    expect(compareWithEngine(tally(outcomes), [{ kind: 'no-answer', probability: 1 }]).agrees).toBe(true);
    expect(compareWithEngine(tally(outcomes), [{ kind: 'refused', probability: 1 }]).agrees).toBe(false);
    expect(compareWithEngine(tally(outcomes), [{ kind: 'refused', probability: 1 }]).rows.map((r) => r.label)).toEqual([
      REFUSED,
      NO_ANSWER,
    ]);
  });
});

describe('observableOf', () => {
  const base: ConnectionResult = {
    verdict: 'DNAT',
    destination: { kind: 'pod', namespace: 'default', name: 'pod-2', node: 'node-2', ip: '10.244.2.2', port: 8080 },
    decidedBy: null,
    reason: null,
    hops: ['node-2'],
    masquerade: true,
    sourceSeen: { ip: '10.244.2.1', port: 1 },
    reply: { delivered: true, hops: ['node-2'], failure: null, decidedBy: null },
    trace: null,
    steps: null,
  };

  it('turns engine results into what a TCP client and the pod observe', () => {
    expect(observableOf(base, 0.5)).toEqual({ kind: 'pod', pod: 'pod-2', source: '10.244.2.1', probability: 0.5 });
    expect(
      observableOf({ ...base, reply: { delivered: false, hops: [], failure: 'x', decidedBy: null } }, 1).kind,
    ).toBe('no-answer');
    expect(observableOf({ ...base, verdict: 'DROP', destination: null }, 1).kind).toBe('no-answer');
    expect(observableOf({ ...base, verdict: 'REJECT', destination: null }, 1).kind).toBe('refused');
    expect(
      observableOf(
        { ...base, verdict: 'NONE', destination: { kind: 'node', node: 'node-2', ip: '192.168.10.12', port: 1 } },
        1,
      ).kind,
    ).toBe('refused');
    expect(observableOf({ ...base, verdict: 'UNKNOWN', destination: null, reason: 'odd rule' }, 1)).toEqual({
      kind: 'other',
      label: 'engine cannot judge: odd rule',
      probability: 1,
    });
  });
});
