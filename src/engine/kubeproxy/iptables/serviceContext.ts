import type { Address } from '../../netfilter/ip';
import type { LineBuffer } from './lineBuffer';
import type { LocalDetector } from './nodeContext';

/** nfacct counter of localhost NodePort packets (pkg/proxy/metrics). */
export const NFACCT_LOCALHOST_NODEPORTS = 'localhost_nps_accepted_pkts';
/** nfacct counter of INVALID packets dropped in KUBE-FORWARD (pkg/proxy/metrics). */
export const NFACCT_INVALID_DROPPED = 'ct_state_invalid_dropped_pkts';

/** What the per-service part of syncProxyRules reads and writes. */
export interface ServiceRulesContext {
  readonly filterRules: LineBuffer;
  readonly natChains: LineBuffer;
  readonly natRules: LineBuffer;
  readonly detector: LocalDetector | undefined;
  readonly masqueradeAll: boolean;
  /** localhostNodePorts in force (configured and a loopback among nodePortAddresses). */
  readonly localhostNodePorts: boolean;
  readonly nfacct: boolean;
  readonly nodeIP: Address | null;
  /** appendServiceCommentLocked: the comment, unless in large-cluster mode. */
  readonly serviceComment: (args: string[], comment: string) => string[];
}

/** The line declaring a chain in iptables-restore input (`:NAME - [0:0]`), as kube-proxy writes it. */
export const chainLine = (name: string): string => `:${name} - [0:0]`;
