/**
 * Facts about the node that are not in the cluster objects but change kube-proxy's rules.
 * The defaults describe a current Linux node: iptables ≥ 1.6.2 (so MASQUERADE gets
 * --random-fully), the nfnetlink_acct module available (kube-proxy ≥ 1.29 then adds its nfacct
 * counters), and nf_conntrack_tcp_be_liberal off.
 */
export interface IptablesOptions {
  /** kube-proxy could create its nfacct counters (adds `-m nfacct` to two rules). Default true. */
  readonly nfacct?: boolean;
  /** iptables supports --random-fully on MASQUERADE. Default true. */
  readonly randomFully?: boolean;
  /** net.netfilter.nf_conntrack_tcp_be_liberal is set (no INVALID drop rule). Default false. */
  readonly conntrackTCPLiberal?: boolean;
  /**
   * The node's interface addresses, consulted only when nodePortAddresses is set. Default:
   * 127.0.0.1 (lo), the InternalIP (LAN interface) and the podCIDR's .1 (node end of the pod
   * veths, ptp style).
   */
  readonly interfaceAddresses?: readonly string[];
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly nfacct: boolean;
  readonly randomFully: boolean;
  readonly conntrackTCPLiberal: boolean;
  readonly interfaceAddresses: readonly string[] | undefined;
}

/** Applies the defaults. */
export function resolveOptions(options: IptablesOptions = {}): ResolvedOptions {
  return {
    nfacct: options.nfacct ?? true,
    randomFully: options.randomFully ?? true,
    conntrackTCPLiberal: options.conntrackTCPLiberal ?? false,
    interfaceAddresses: options.interfaceAddresses,
  };
}
