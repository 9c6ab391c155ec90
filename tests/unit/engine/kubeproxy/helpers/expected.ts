import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDump, parseDump } from '../../../../../src/engine/kubeproxy/iptables/dump';

/** An expected dump copied from kube-proxy's tests (see kube-proxy-expected/README.md). */
export function expectedDump(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../kube-proxy-expected/${name}.txt`, import.meta.url)), 'utf8');
}

/**
 * The expected dump without its stale-chain deletions: a `-X` line (and its declaration)
 * records history (chains left over from an earlier sync), which a single full sync of the
 * final state cannot know about.
 */
export function withoutDeletedChains(text: string): string {
  const dump = parseDump(text);
  for (const table of dump.tables) {
    for (let i = table.chains.length - 1; i >= 0; i--) if (table.chains[i]?.deleted === true) table.chains.splice(i, 1);
  }
  return formatDump(dump);
}
