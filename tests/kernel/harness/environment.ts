import { randomBytes } from 'node:crypto';
import { run } from './exec';

/** Whether this machine can run the kernel suite, and if not, why. */
export interface KernelSupport {
  readonly iptables: boolean;
  readonly nftables: boolean;
  /** Why the iptables suite cannot run ("" when it can). */
  readonly reason: string;
  /** Why nftables mode cannot run ("" when it can). */
  readonly nftReason: string;
}

let cached: KernelSupport | undefined;

function works(argv: readonly string[]): boolean {
  return run(argv, { allowFailure: true }).status === 0;
}

/**
 * Probes once per process for what the suite needs: Linux, root, `ip netns`, and a netfilter
 * that `iptables-restore` (and `nft`) can load inside a throwaway namespace. Every failure is
 * reported with its reason so a skipped suite says why it skipped.
 */
export function kernelSupport(): KernelSupport {
  if (cached) return cached;
  cached = probe();
  return cached;
}

function probe(): KernelSupport {
  const no = (reason: string): KernelSupport => ({ iptables: false, nftables: false, reason, nftReason: reason });
  if (process.platform !== 'linux') return no(`needs Linux network namespaces (this is ${process.platform})`);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return no('needs root to create network namespaces');
  if (!works(['ip', '-V'])) return no('iproute2 `ip` is not installed');
  if (!works(['iptables-restore', '--version'])) return no('`iptables-restore` is not installed');
  const probeNs = `ktprobe-${randomBytes(3).toString('hex')}`;
  const made = run(['ip', 'netns', 'add', probeNs], { allowFailure: true });
  if (made.status !== 0) return no(`\`ip netns add\` failed: ${made.stderr.trim()}`);
  try {
    const restore = run(['ip', 'netns', 'exec', probeNs, 'iptables-restore'], {
      allowFailure: true,
      input:
        '*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -m statistic --mode random --probability 0.5 -j RETURN\nCOMMIT\n',
    });
    const reason = restore.status === 0 ? '' : `iptables-restore failed inside a namespace: ${restore.stderr.trim()}`;
    let nftReason = reason;
    if (!reason) {
      const nft = run(['ip', 'netns', 'exec', probeNs, 'nft', '-f', '-'], {
        allowFailure: true,
        input:
          'table ip probe {\n chain c {\n  type nat hook prerouting priority -100;\n  numgen random mod 2 vmap { 0 : accept, 1 : accept }\n }\n}\n',
      });
      nftReason = nft.status === 0 ? '' : `nft failed inside a namespace: ${nft.stderr.trim() || 'not installed'}`;
    }
    return { iptables: reason === '', nftables: nftReason === '', reason, nftReason };
  } finally {
    run(['ip', 'netns', 'del', probeNs], { allowFailure: true });
  }
}

/**
 * Why the engine's rules cannot be loaded byte for byte ("" when they can): kube-proxy's rules
 * match on nfacct counters, which only the `nfacct` tool (Debian package nfacct) can create
 * from here. Without it the harness strips those matches, which changes no verdict but does
 * change the text.
 */
export function exactRulesReason(): string {
  const support = kernelSupport();
  if (support.reason) return support.reason;
  return works(['nfacct', 'list'])
    ? ''
    : 'the nfacct tool is missing (apt-get install nfacct), so nfacct matches are stripped';
}
