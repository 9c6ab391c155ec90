/**
 * sortNFTablesTransaction from kube-proxy's nftables helpers_test.go: drop blank and "#"
 * lines, then a stable sort by object type (table, chain, rule, set, map, element), object
 * name, and whole line — except rules, which keep their order within a chain.
 */
const ORDER: Readonly<Record<string, number>> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };

/** The lines of an `nft -f` transaction in kube-proxy's comparison order. */
export function sortNftTransaction(text: string): string[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const keyed = lines.map((line, index) => ({ line, words: line.split(' '), index }));
  keyed.sort((a, b) => {
    const wi = a.words;
    const wj = b.words;
    if (wi.length < 5 || wj.length < 5) return a.index - b.index;
    const ti = wi[1] as string;
    const tj = wj[1] as string;
    if (ti !== tj) return (ORDER[tj] ?? 0) - (ORDER[ti] ?? 0);
    if (wi[4] !== wj[4]) return (wi[4] as string) < (wj[4] as string) ? -1 : 1;
    if (ti === 'rule') return a.index - b.index;
    return a.line < b.line ? -1 : a.line > b.line ? 1 : a.index - b.index;
  });
  return keyed.map((k) => k.line);
}
