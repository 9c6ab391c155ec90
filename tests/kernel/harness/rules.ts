import { inNetns, run } from './exec';

/** Which netfilter front end the node rules are written for. */
export type RulesMode = 'iptables' | 'nftables';

/**
 * The jumps kube-proxy adds to the built-in chains with `EnsureRule(Prepend, …)` (docs/kube-proxy.md
 * §1.1), in the order they end up in a real node's `iptables-save`. kube-proxy's own restore
 * text never contains them, so a bare restore would load chains nothing ever enters.
 */
const BUILTIN_JUMPS: Readonly<Record<'filter' | 'nat', readonly string[]>> = {
  filter: [
    '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
    '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
    '-A INPUT -j KUBE-FIREWALL',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
    '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -j KUBE-FIREWALL',
  ],
  nat: [
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  ],
};

const BUILTIN_CHAINS: Readonly<Record<'filter' | 'nat', readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** The result of preparing a restore text: what will be loaded and whether jumps were added. */
export interface PreparedRules {
  readonly text: string;
  readonly addedBuiltinJumps: boolean;
}

/**
 * Makes an iptables-save text loadable as a node's whole ruleset. If it already jumps from the
 * built-in chains (a full `iptables-save`) it is used unchanged; if it is kube-proxy's restore
 * input only, the built-in chains and §1.1 jumps (to chains it declares) are added.
 */
export function withBuiltinJumps(save: string): PreparedRules {
  const lines = save.split('\n');
  const hasBuiltinRule = lines.some((l) => /^-[AI] (PREROUTING|INPUT|FORWARD|OUTPUT|POSTROUTING) /.test(l));
  if (hasBuiltinRule) return { text: save.endsWith('\n') ? save : `${save}\n`, addedBuiltinJumps: false };
  const out: string[] = [];
  let table: string | undefined;
  let declared = new Set<string>();
  let inserted = false;
  const insert = (): void => {
    if (inserted || (table !== 'filter' && table !== 'nat')) return;
    inserted = true;
    for (const chain of BUILTIN_CHAINS[table]) {
      if (!declared.has(chain)) out.push(`:${chain} ACCEPT [0:0]`);
    }
    for (const jump of BUILTIN_JUMPS[table]) {
      const target = /-j (\S+)$/.exec(jump)?.[1];
      if (target && declared.has(target)) out.push(jump);
    }
  };
  for (const line of lines) {
    if (line.startsWith('*')) {
      table = line.slice(1).trim();
      declared = new Set();
      inserted = false;
    } else if (line.startsWith(':')) {
      declared.add(line.slice(1).split(' ')[0] ?? '');
    } else if (line.startsWith('-') || line === 'COMMIT') {
      insert();
    }
    out.push(line);
  }
  return { text: `${out.join('\n').replace(/\n+$/, '')}\n`, addedBuiltinJumps: true };
}

/** Loads a node's ruleset into its namespace, replacing whatever was there. */
export function loadRules(netns: string, mode: RulesMode, text: string): void {
  if (mode === 'iptables') {
    run(inNetns(netns, ['iptables-restore']), { input: text });
  } else {
    run(inNetns(netns, ['nft', '-f', '-']), { input: text });
  }
}

/** The node's live ruleset (iptables-save, with per-rule counters when asked; or nft list). */
export function dumpRules(netns: string, mode: RulesMode, counters = true): string {
  return mode === 'iptables'
    ? run(inNetns(netns, counters ? ['iptables-save', '-c'] : ['iptables-save'])).stdout
    : run(inNetns(netns, ['nft', 'list', 'ruleset'])).stdout;
}

/**
 * An iptables-save text reduced to what the rules say: no "# Generated/Completed" lines and
 * chain counters zeroed, so a live dump compares with a generated one line by line.
 */
export function normalizeSave(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/^(:\S+ \S+) \[\d+:\d+\]$/, '$1 [0:0]'))
    .join('\n')
    .replace(/\n+$/, '\n');
}

/** The nfacct counter names a ruleset matches on (`-m nfacct --nfacct-name NAME`). */
export function nfacctNames(text: string): string[] {
  return [...new Set([...text.matchAll(/--nfacct-name (\S+)/g)].map((m) => m[1]!))];
}

/**
 * kube-proxy creates its nfacct counters (ct_state_invalid_dropped_pkts,
 * localhost_nps_accepted_pkts) over netlink before it writes rules that match on them, and
 * `iptables-restore` refuses a rule naming a counter that does not exist. This does the same
 * with the `nfacct` tool. Without the tool the matches are stripped instead (a counter never
 * changes a verdict) and the returned note says so, so the deviation is visible.
 */
export function provideNfacctCounters(netns: string, text: string): { text: string; note: string } {
  const wanted = nfacctNames(text);
  if (wanted.length === 0) return { text, note: '' };
  if (run(['nfacct', 'list'], { allowFailure: true }).status === 0) {
    for (const name of wanted) run(inNetns(netns, ['nfacct', 'add', name]));
    return { text, note: '' };
  }
  return {
    text: text.replace(/ -m nfacct --nfacct-name \S+/g, ''),
    note: `nfacct tool missing: stripped the nfacct matches (${wanted.join(', ')}) before loading`,
  };
}
