import { parseAddress } from '../../netfilter/ip';
import { isLoopbackIP, proxierFamily } from '../family';
import type { Cluster, Node } from '../../model/types';
import { endpointsForServicePort } from '../endpoints';
import { servicePortInfos } from '../servicePorts';
import { LineBuffer } from './lineBuffer';
import type { IptablesOptions } from './options';
import { resolveOptions } from './options';
import { defaultInterfaceAddresses, localDetector, nodeIPsFor, nodePortAddresses } from './nodeContext';
import type { ServiceRulesContext } from './serviceRules';
import { NFACCT_INVALID_DROPPED, writeServiceRules } from './serviceRules';

/** kube-proxy switches to "large cluster mode" (no per-endpoint comments) above this. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** The mark KUBE-MARK-MASQ sets: 1 << masqueradeBit, printed the way iptables-save prints it. */
export function masqueradeMark(bit: number): string {
  // kube-proxy formats it with %#08x ("0x00004000"); iptables-save and kube-proxy's own test
  // fixtures show the same value as 0x4000, which is what we print.
  return `0x${(2 ** bit).toString(16)}`;
}

/** Finds a node by name or throws a RangeError listing the nodes there are. */
export function findNode(cluster: Cluster, nodeName: string): Node {
  const node = cluster.nodes.find((n) => n.name === nodeName);
  if (node === undefined) {
    const names = cluster.nodes.map((n) => n.name).join(', ');
    throw new RangeError(`no node named "${nodeName}" in the cluster (nodes: ${names === '' ? 'none' : names})`);
  }
  return node;
}

/**
 * The exact text kube-proxy (iptables mode, full sync) hands to `iptables-restore --noflush`
 * on `nodeName`: a line-for-line port of syncProxyRules in pkg/proxy/iptables/proxier.go.
 * kube-proxy walks its services in Go map order; here they are sorted (see servicePortInfos),
 * which is also the order kube-proxy's tests sort the dump into. Stale-chain deletion (`-X`)
 * is not modelled: the state is a fresh node. An IPv6 view of the cluster (model/family.ts) gets
 * the IPv6 proxier's ip6tables input: no localhost NodePorts, `! -d ::1/128` on the nodeports jump.
 */
export function generateRestoreInput(cluster: Cluster, nodeName: string, options?: IptablesOptions): string {
  const node = findNode(cluster, nodeName);
  const opts = resolveOptions(options);
  const proxy = cluster.proxy;
  const mark = masqueradeMark(proxy.masqueradeBit);
  const detector = localDetector(cluster, node);
  const npa = nodePortAddresses(cluster, node);
  const family = proxierFamily(cluster);
  const isIPv6 = family === 6;
  // NewProxier: localhost NodePorts are IPv4 only and need a loopback among the nodePortAddresses.
  const localhostNodePorts = !isIPv6 && proxy.localhostNodePorts && npa.containsIPv4Loopback;
  const nodeIP = parseAddress(node.internalIP);

  const filterChains = new LineBuffer();
  const filterRules = new LineBuffer();
  const natChains = new LineBuffer();
  const natRules = new LineBuffer();
  const chainLine = (name: string): string => `:${name} - [0:0]`;

  for (const chain of [
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
  ]) {
    filterChains.write(chainLine(chain));
  }
  for (const chain of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'])
    natChains.write(chainLine(chain));

  natRules.write('-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  // Clear the mark to avoid re-masquerading if the packet re-traverses the network stack.
  natRules.write('-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', mark);
  const masqRule = [
    '-A',
    'KUBE-POSTROUTING',
    '-m',
    'comment',
    '--comment',
    '"kubernetes service traffic requiring SNAT"',
    '-j',
    'MASQUERADE',
  ];
  if (opts.randomFully) masqRule.push('--random-fully');
  natRules.write(masqRule);
  natRules.write('-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', mark);

  if (localhostNodePorts) {
    filterChains.write(chainLine('KUBE-FIREWALL'));
    filterRules.write(
      '-A',
      'KUBE-FIREWALL',
      '-m',
      'comment',
      '--comment',
      '"block incoming localnet connections"',
      '-d',
      '127.0.0.0/8',
      '!',
      '-s',
      '127.0.0.0/8',
      '-m',
      'conntrack',
      '!',
      '--ctstate',
      'RELATED,ESTABLISHED,DNAT',
      '-j',
      'DROP',
    );
  }

  const services = servicePortInfos(cluster.services, family).map((info) => ({
    info,
    endpoints: endpointsForServicePort(
      cluster.endpointSlices,
      info.service.namespace,
      info.service.name,
      info.port.name,
      info.apiProtocol,
      node.name,
      family,
    ),
  }));
  const totalEndpoints = services.reduce((sum, s) => sum + s.endpoints.length, 0);
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  const serviceComment = (args: string[], comment: string): string[] =>
    largeClusterMode ? args : [...args, '-m', 'comment', '--comment', comment];

  const ctx: ServiceRulesContext = {
    filterRules,
    natChains,
    natRules,
    detector,
    masqueradeAll: proxy.masqueradeAll,
    localhostNodePorts,
    nfacct: opts.nfacct,
    nodeIP,
    serviceComment,
  };
  // Build rules for each service port (the loop body is serviceRules.ts).
  for (const { info, endpoints } of services) writeServiceRules(ctx, info, endpoints);

  // Finally, tail-call to the nodePorts chain. This must be after all other service rules.
  const lastRuleComment = '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
  if (npa.matchAll) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    // Block localhost nodePorts when they are not supported (on IPv6 they never are).
    if (isIPv6) destinations.push('!', '-d', '::1/128');
    else if (!localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    natRules.write(
      '-A',
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      lastRuleComment,
      destinations,
      '-j',
      'KUBE-NODEPORTS',
    );
  } else {
    const interfaces = opts.interfaceAddresses ?? defaultInterfaceAddresses(node);
    for (const ip of nodeIPsFor(npa, interfaces)) {
      // ip.IsLoopback() && !localhostNodePorts: skipped.
      if (isLoopbackIP(ip) && !localhostNodePorts) continue;
      natRules.write(
        '-A',
        'KUBE-SERVICES',
        '-m',
        'comment',
        '--comment',
        lastRuleComment,
        '-d',
        ip,
        '-j',
        'KUBE-NODEPORTS',
      );
    }
  }

  // Drop INVALID packets (unexpected resets) unless the kernel is liberal about TCP windows.
  if (!opts.conntrackTCPLiberal) {
    const rule = ['-A', 'KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID'];
    if (opts.nfacct) rule.push('-m', 'nfacct', '--nfacct-name', NFACCT_INVALID_DROPPED);
    rule.push('-j', 'DROP');
    filterRules.write(rule);
  }
  // Forward marked traffic even if the FORWARD policy is not ACCEPT.
  filterRules.write(
    '-A',
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    '"kubernetes forwarding rules"',
    '-m',
    'mark',
    '--mark',
    `${mark}/${mark}`,
    '-j',
    'ACCEPT',
  );
  filterRules.write(
    '-A',
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    '"kubernetes forwarding conntrack rule"',
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    'ACCEPT',
  );

  return [
    '*filter',
    ...filterChains.lines,
    ...filterRules.lines,
    'COMMIT',
    '*nat',
    ...natChains.lines,
    ...natRules.lines,
    'COMMIT',
    '',
  ].join('\n');
}
