import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateNftables } from '../../../../../src/engine/kubeproxy/nftables';
import { OVERALL_OPTIONS, overallCluster } from './overallCluster';
import { sortNftTransaction } from './sortTransaction';

const expected = readFileSync(new URL('./kube-proxy-expected/overall.nft', import.meta.url), 'utf8');

describe("kube-proxy's TestOverallNFTablesRules", () => {
  it('generates the expected ruleset, compared the way kube-proxy compares it', () => {
    const ours = generateNftables(overallCluster(), 'test-node', OVERALL_OPTIONS);
    expect(sortNftTransaction(ours)).toEqual(sortNftTransaction(expected));
  });

  it('the comparison is not blind: one changed rule is a difference', () => {
    const ours = generateNftables(overallCluster(), 'test-node', OVERALL_OPTIONS).replace('mod 2 vmap', 'mod 3 vmap');
    expect(sortNftTransaction(ours)).not.toEqual(sortNftTransaction(expected));
  });
});
