import type { Cluster } from '../../model/types';
import type { Dump, DumpChain, DumpTable } from './dump';
import { formatDump, parseDump } from './dump';
import { kernelRule } from './kernelFormat';
import type { IptablesOptions } from './options';
import { generateRestoreInput } from './restoreInput';

/** How rules are spelled in the output. */
export type RuleStyle = 'kube-proxy' | 'kernel';

/** Options of generateIptablesSave. */
export interface SaveOptions extends IptablesOptions {
  /**
   * "kube-proxy" (default): every rule spelled as kube-proxy writes it (its argument order,
   * `--or-mark`, probabilities with 10 decimals): the text kube-proxy's tests compare.
   * "kernel": re-spelled as `iptables-save` prints the same rules back from the kernel
   * (`-d 10.96.0.1/32 -p tcp -m comment --comment "…" -m tcp --dport 80`, `--set-xmark`,
   * 11-decimal probabilities, `--mask … --rsource`), which is what a reader sees on a node.
   */
  readonly style?: RuleStyle;
}

/** A jump kube-proxy ensures in a built-in chain (iptablesJumpChains in proxier.go). */
interface JumpChain {
  readonly table: 'filter' | 'nat';
  readonly dstChain: string;
  readonly srcChain: string;
  readonly comment: string;
  readonly extraArgs: readonly string[];
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

/** In code order; each is added with EnsureRule(Prepend, …), so later ones end up first. */
const JUMP_CHAINS: readonly JumpChain[] = [
  {
    table: 'filter',
    dstChain: 'KUBE-EXTERNAL-SERVICES',
    srcChain: 'INPUT',
    comment: 'kubernetes externally-visible service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-EXTERNAL-SERVICES',
    srcChain: 'FORWARD',
    comment: 'kubernetes externally-visible service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-NODEPORTS',
    srcChain: 'INPUT',
    comment: 'kubernetes health check service ports',
    extraArgs: [],
  },
  {
    table: 'filter',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'FORWARD',
    comment: 'kubernetes service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'OUTPUT',
    comment: 'kubernetes service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-FORWARD',
    srcChain: 'FORWARD',
    comment: 'kubernetes forwarding rules',
    extraArgs: [],
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'INPUT',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'OUTPUT',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'FORWARD',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: [] },
  {
    table: 'nat',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'PREROUTING',
    comment: 'kubernetes service portals',
    extraArgs: [],
  },
  {
    table: 'nat',
    dstChain: 'KUBE-POSTROUTING',
    srcChain: 'POSTROUTING',
    comment: 'kubernetes postrouting rules',
    extraArgs: [],
  },
  // iptablesKubeletJumpChains: kube-proxy duplicates kubelet's KUBE-FIREWALL jumps (no comment).
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'INPUT', comment: '', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'OUTPUT', comment: '', extraArgs: [] },
];

const BUILT_IN: Readonly<Record<'filter' | 'nat', readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** kube-proxy's iptables.Monitor creates this empty chain in mangle, nat and filter to notice flushes. */
const CANARY = 'KUBE-PROXY-CANARY';

function emptyChain(name: string, policy = '-'): DumpChain {
  return { name, policy, packets: 0, bytes: 0, rules: [], deleted: false };
}

/** Quotes an exec'd argument the way it has to be written in iptables-save text. */
function quoteArg(arg: string): string {
  return /\s/.test(arg) ? `"${arg}"` : arg;
}

/**
 * The `iptables-save` text (filter and nat tables) that kube-proxy in iptables mode leaves on
 * `nodeName` of a freshly booted node after its first full sync:
 *   - the built-in chains (policy ACCEPT, zero counters) with the jumps kube-proxy ensures
 *     into them, each added with EnsureRule(Prepend), so they appear in reverse code order:
 *     INPUT: KUBE-FIREWALL, KUBE-PROXY-FIREWALL, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES;
 *     FORWARD: KUBE-PROXY-FIREWALL, KUBE-FORWARD, KUBE-SERVICES, KUBE-EXTERNAL-SERVICES;
 *     OUTPUT: KUBE-FIREWALL, KUBE-PROXY-FIREWALL, KUBE-SERVICES. (On a real node kubelet adds
 *     its KUBE-FIREWALL jumps first, so they sit below kube-proxy's; kubelet, the CNI plugin
 *     and the mangle table are not part of this model.)
 *   - the empty KUBE-PROXY-CANARY chain of kube-proxy's flush monitor;
 *   - everything of generateRestoreInput, merged in as `iptables-restore --noflush` does.
 * Chains are listed as iptables-save lists them: built-in chains in hook order, then user
 * chains sorted by name. Throws a RangeError if the node does not exist.
 */
export function generateIptablesSave(cluster: Cluster, nodeName: string, options: SaveOptions = {}): string {
  const restore = parseDump(generateRestoreInput(cluster, nodeName, options));
  const state: Dump = {
    tables: (['filter', 'nat'] as const).map((name) => ({
      name,
      chains: BUILT_IN[name].map((c) => emptyChain(c, 'ACCEPT')),
    })),
  };
  const table = (name: string): DumpTable => {
    const t = state.tables.find((x) => x.name === name);
    if (t === undefined) throw new Error(`internal: table ${name}`);
    return t;
  };
  const index = new Map<DumpTable, Map<string, DumpChain>>(
    state.tables.map((t) => [t, new Map(t.chains.map((c) => [c.name, c]))]),
  );
  const ensureChain = (t: DumpTable, name: string): DumpChain => {
    const chains = index.get(t) ?? new Map<string, DumpChain>();
    const found = chains.get(name);
    if (found !== undefined) return found;
    const chain = emptyChain(name);
    t.chains.push(chain);
    chains.set(name, chain);
    index.set(t, chains);
    return chain;
  };

  for (const t of state.tables) ensureChain(t, CANARY);
  for (const jump of JUMP_CHAINS) {
    const t = table(jump.table);
    ensureChain(t, jump.dstChain);
    const args = [...jump.extraArgs];
    if (jump.comment !== '') args.push('-m', 'comment', '--comment', jump.comment);
    args.push('-j', jump.dstChain);
    const rule = ['-A', jump.srcChain, ...args.map(quoteArg)].join(' ');
    const src = ensureChain(t, jump.srcChain);
    if (!src.rules.includes(rule)) src.rules.unshift(rule);
  }
  // iptables-restore --noflush: a declared chain is created or flushed, then its rules appended.
  for (const restoredTable of restore.tables) {
    const t = table(restoredTable.name);
    for (const chain of restoredTable.chains) ensureChain(t, chain.name).rules.length = 0;
    for (const chain of restoredTable.chains) ensureChain(t, chain.name).rules.push(...chain.rules);
  }
  for (const t of state.tables) {
    const builtIn = BUILT_IN[t.name as 'filter' | 'nat'];
    t.chains.sort((a, b) => {
      const ia = builtIn.indexOf(a.name);
      const ib = builtIn.indexOf(b.name);
      if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    if (options.style === 'kernel') {
      for (const chain of t.chains) chain.rules.splice(0, chain.rules.length, ...chain.rules.map(kernelRule));
    }
  }
  return formatDump(state);
}
