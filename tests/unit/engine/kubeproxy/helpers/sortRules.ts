/** kube-proxy's test-only canonical order for iptables dumps, so our dumps compare with its expected ones. */
import type { DumpChain, DumpTable } from '../../../../../src/engine/kubeproxy/iptables/dump';
import { formatDump, parseDump, ruleComment } from '../../../../../src/engine/kubeproxy/iptables/dump';
import { goSliceStable } from './goStableSort';

/** "The service name is the comment up to the first space or colon" (kube-proxy's test helper). */
function serviceNameOf(rule: string): string | undefined {
  const comment = ruleComment(rule);
  if (comment === undefined) return undefined;
  const i = comment.search(/[ :]/);
  return i === -1 ? comment : comment.slice(0, i);
}

/** orderByCommentServiceName: false when either rule has no comment. */
function orderByCommentServiceName(a: string, b: string): boolean {
  const na = serviceNameOf(a);
  const nb = serviceNameOf(b);
  if (na === undefined || nb === undefined) return false;
  return na < nb;
}

function chainRank(chain: DumpChain): number {
  if (chain.name === 'KUBE-NODEPORTS') return 0;
  if (chain.name === 'KUBE-SERVICES') return 1;
  return chain.name.startsWith('KUBE-') ? 2 : 3;
}

function sortTable(table: DumpTable): void {
  table.chains.sort((a, b) => chainRank(a) - chainRank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nodePorts = table.chains.find((c) => c.name === 'KUBE-NODEPORTS');
  if (nodePorts !== undefined && (table.name === 'filter' || table.name === 'nat')) {
    goSliceStable(nodePorts.rules, orderByCommentServiceName);
  }
  const services = table.chains.find((c) => c.name === 'KUBE-SERVICES');
  if (services !== undefined && table.name === 'filter') goSliceStable(services.rules, orderByCommentServiceName);
  if (services !== undefined && table.name === 'nat') {
    const isLast = (rule: string): boolean => ruleComment(rule)?.includes('must be the last rule') === true;
    goSliceStable(services.rules, (a, b) => {
      if (isLast(a)) return false;
      if (isLast(b)) return true;
      return orderByCommentServiceName(a, b);
    });
  }
}

/**
 * kube-proxy's sortIPTablesRules (pkg/proxy/iptables/proxier_test.go), the canonical order
 * its tests compare dumps in: tables by name; chains KUBE-NODEPORTS, KUBE-SERVICES, other
 * KUBE-* alphabetically, then the rest alphabetically; KUBE-NODEPORTS and KUBE-SERVICES rules
 * stably sorted by service name (the nat "must be the last rule" rule kept last); every other
 * chain keeps its rule order. Throws on text that is not a dump.
 */
export function sortIPTablesRules(text: string): string {
  const dump = parseDump(text);
  dump.tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const table of dump.tables) sortTable(table);
  return formatDump(dump);
}
