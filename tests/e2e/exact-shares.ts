/**
 * An oracle for the quiz test that owes nothing to the engine's grader: each pod's exact share
 * of connections, read off the nat rules the page shows (iptables-save lines) the way the
 * kernel takes them for a client outside the cluster, and the lesson's claims read from its
 * frontmatter. The right answer is the option whose claim equals the share.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A lesson option as its frontmatter writes it. */
export interface LessonOption {
  id: string;
  claim: { kind: 'share'; value: number } | { kind: 'none' } | { kind: string };
}

/** The options (with their claims) of content/lessons/<locale>/<slug>.mdx. */
export function lessonOptions(locale: string, slug: string): LessonOption[] {
  const text = readFileSync(new URL(`../../content/lessons/${locale}/${slug}.mdx`, import.meta.url), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return (parse(front) as { options: LessonOption[] }).options;
}

/**
 * DNAT destination → exact probability, for a new connection from an outside client to
 * NodePort `dport`. Rules that match only pod or node-local sources, and the KUBE-MARK-*
 * side effects, do not change where an outside client's connection goes, so they are passed
 * over; a `-m statistic --probability p` rule takes p of what reaches it, the rest falls through.
 */
export function exactShares(lines: readonly string[], dport: number): Map<string, number> {
  const chains = new Map<string, string[]>();
  for (const line of lines) {
    const m = /^-A (\S+) (.*)$/.exec(line.trim());
    if (m) chains.set(m[1]!, [...(chains.get(m[1]!) ?? []), m[2]!]);
  }
  const shares = new Map<string, number>();
  const walk = (chain: string, reaching: number, depth: number): void => {
    if (depth > 10) throw new Error(`chains nest deeper than kube-proxy writes them, at ${chain}`);
    let left = reaching;
    for (const rule of chains.get(chain) ?? []) {
      const target = /-j (\S+)/.exec(rule)?.[1] ?? '';
      if (/(^|\s)(!\s)?-s\s/.test(rule) || /--src-type LOCAL/.test(rule) || target.startsWith('KUBE-MARK-')) continue;
      if (chain === 'KUBE-NODEPORTS' && !new RegExp(`--dport ${dport}(\\s|$)`).test(rule)) continue;
      const p = Number(/--probability (\S+)/.exec(rule)?.[1] ?? 1);
      if (target === 'DNAT') {
        const to = /--to-destination (\S+)/.exec(rule)?.[1] ?? '';
        shares.set(to, (shares.get(to) ?? 0) + left * p);
      } else if (chains.has(target)) {
        walk(target, left * p, depth + 1);
      }
      left *= 1 - p;
      if (left === 0) return;
    }
  };
  walk('KUBE-NODEPORTS', 1, 0);
  return shares;
}

/** The id of the option whose claim the exact share makes true: a share claim equal to it, else "none of these". */
export function rightOption(options: readonly LessonOption[], share: number): string | undefined {
  const fits = options.find(
    (o) => o.claim.kind === 'share' && Math.abs((o.claim as { value: number }).value - share) < 1e-9,
  );
  return (fits ?? options.find((o) => o.claim.kind === 'none'))?.id;
}
