/** The bounce cluster's rules on every node under both policies, against hand-checked golden dumps. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateIptablesSave, generateRestoreInput } from '../../../../src/engine/kubeproxy';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { GOLDEN_CASES } from '../golden/cases';

describe('bounce golden dumps', () => {
  it.each(GOLDEN_CASES)('ETP $policy on $node ($style)', ({ policy, node, style, file }) => {
    const golden = readFileSync(fileURLToPath(new URL(`../golden/${file.slice(2)}`, import.meta.url)), 'utf8');
    expect(generateIptablesSave(bounceCluster({ externalTrafficPolicy: policy }), node, { style })).toBe(golden);
  });
});

describe('bounce: what differs between nodes', () => {
  const local = (node: string) => generateRestoreInput(bounceCluster({ externalTrafficPolicy: 'Local' }), node);
  it('ETP Cluster: identical rules on every node', () => {
    const cluster = bounceCluster();
    const [a, b, c] = ['node-1', 'node-2', 'node-3'].map((n) => generateIptablesSave(cluster, n));
    expect(a).toBe(b);
    expect(b).toBe(c);
  });
  it('ETP Local: node-3 drops external NodePort traffic and has no KUBE-SVL', () => {
    const text = local('node-3');
    expect(text).toContain(
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
    );
    expect(text).not.toContain('KUBE-SVL-');
  });
  it('ETP Local: node-2 sends external traffic to its own pod only', () => {
    const svl = local('node-2')
      .split('\n')
      .filter((l) => l.startsWith('-A KUBE-SVL-'));
    expect(svl).toEqual([
      '-A KUBE-SVL-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.2:8080" -j KUBE-SEP-4EX2N4PG4ASNZOBF',
    ]);
  });
});
