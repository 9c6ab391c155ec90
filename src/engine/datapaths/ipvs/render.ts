/**
 * What an IPVS-mode node shows: `ipvsadm -Ln` (format of ipvsadm.c list_service /
 * print_service_entry: header, "Prot LocalAddress:Port Scheduler Flags", one "  -> " line per
 * real server with Forward / Weight / ActiveConn / InActConn), then the ipsets kube-proxy
 * fills and the iptables rules IPVS mode keeps, as iptables-save would list them (built-in
 * chains first, kube chains alphabetically as libiptc keeps them; rules in the order
 * pkg/proxy/ipvs/proxier.go writeIptablesRules() writes them; the chain jumps are prepended
 * by EnsureRule(Prepend), so the last one listed in iptablesJumpChain comes first).
 */
import { formatAddress, formatIPv4 } from '../../netfilter/ip';
import type { ProxyConfig } from '../../model/types';
import type { NetNode } from '../../network/topology';
import type { RealServer, VirtualServer } from './virtualServers';

const pad = (text: string, width: number): string =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);

/** "TCP  10.96.120.15:80 rr" plus flags, as ipvsadm prints a service. */
export function vsLine(vs: VirtualServer): string {
  let line = `${vs.protocol}  ${formatIPv4(vs.address)}:${vs.port} ${vs.scheduler}`;
  if (vs.scheduler === 'mh') line += ' (mh-port)';
  if (vs.persistentTimeout > 0) line += ` persistent ${vs.persistentTimeout}`;
  return line;
}

/** "  -> 10.244.1.2:8080              Masq    1      0          0". */
export function destLine(d: RealServer, active: number, inactive: number): string {
  return `  -> ${pad(`${formatIPv4(d.ip)}:${d.port}`, 28)} ${pad('Masq', 7)} ${pad(String(d.weight), 6)} ${pad(String(active), 10)} ${inactive}`;
}

/** `ipvsadm -Ln` for a node's virtual servers (sorted by address and port; the kernel lists its hash order). */
export function renderIpvsadm(
  servers: readonly VirtualServer[],
  counters: (vs: number, dest: number) => { active: number; inactive: number },
): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  const order = servers
    .map((vs, i) => ({ vs, i }))
    .sort((a, b) => a.vs.address - b.vs.address || a.vs.port - b.vs.port || a.vs.protocol.localeCompare(b.vs.protocol));
  for (const { vs, i } of order) {
    lines.push(vsLine(vs));
    vs.dests.forEach((d, k) => {
      const c = counters(i, k);
      lines.push(destLine(d, c.active, c.inactive));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** One ipset: name, type and members in `ipset list` member syntax. */
export interface IpSetListing {
  readonly name: string;
  readonly type: string;
  readonly comment: string;
  readonly members: readonly string[];
}

/** The ipsets kube-proxy fills on a node (ipset.go names, types and comments). */
export function ipsetsFor(servers: readonly VirtualServer[], bound: ReadonlySet<number>): IpSetListing[] {
  const sets = new Map<string, { type: string; comment: string; members: Set<string> }>();
  const def = (name: string, type: string, comment: string): void => {
    sets.set(name, { type, comment, members: new Set() });
  };
  def('KUBE-LOOP-BACK', 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose');
  def('KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose');
  def('KUBE-EXTERNAL-IP', 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose');
  def(
    'KUBE-EXTERNAL-IP-LOCAL',
    'hash:ip,port',
    'Kubernetes service external ip + port with externalTrafficPolicy=local',
  );
  def('KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal');
  def(
    'KUBE-LOAD-BALANCER-LOCAL',
    'hash:ip,port',
    'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  );
  def('KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose');
  def('KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local');
  def('KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose');
  def('KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local');
  def('KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port');
  def('KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface');
  const add = (name: string, member: string): void => {
    sets.get(name)?.members.add(member);
  };
  for (const vs of servers) {
    const proto = vs.protocol.toLowerCase();
    const ipPort = `${formatIPv4(vs.address)},${proto}:${vs.port}`;
    const svc = vs.service;
    if (vs.kind === 'clusterIP') {
      add('KUBE-CLUSTER-IP', ipPort);
      for (const d of vs.dests)
        if (d.endpoint.isLocal) add('KUBE-LOOP-BACK', `${formatIPv4(d.ip)},${proto}:${d.port},${formatIPv4(d.ip)}`);
    } else if (vs.kind === 'externalIP')
      add(svc.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', ipPort);
    else if (vs.kind === 'loadBalancer') {
      add('KUBE-LOAD-BALANCER', ipPort);
      if (svc.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', ipPort);
    } else if (vs.protocol !== 'SCTP') {
      add(`KUBE-NODE-PORT-${vs.protocol}`, String(vs.port));
      if (svc.externalPolicyLocal) add(`KUBE-NODE-PORT-LOCAL-${vs.protocol}`, String(vs.port));
    }
    if (svc.healthCheckNodePort !== 0) add('KUBE-HEALTH-CHECK-NODE-PORT', String(svc.healthCheckNodePort));
  }
  for (const ip of bound) add('KUBE-IPVS-IPS', formatIPv4(ip));
  return [...sets].map(([name, s]) => ({ name, type: s.type, comment: s.comment, members: [...s.members].sort() }));
}

/** The iptables rules IPVS mode keeps on a node, as iptables-save lists them. */
export function renderIptables(sets: readonly IpSetListing[], proxy: ProxyConfig, node: NetNode): string {
  const has = (name: string): boolean => (sets.find((s) => s.name === name)?.members.length ?? 0) > 0;
  const comment = (name: string): string =>
    `-m comment --comment "${sets.find((s) => s.name === name)?.comment ?? ''}"`;
  const mark = `0x${(1 << proxy.masqueradeBit).toString(16)}`;
  const nat: Record<string, string[]> = {
    PREROUTING: [],
    INPUT: [],
    OUTPUT: [],
    POSTROUTING: [],
    'KUBE-LOAD-BALANCER': [],
    'KUBE-MARK-MASQ': [],
    'KUBE-NODE-PORT': [],
    'KUBE-POSTROUTING': [],
    'KUBE-SERVICES': [],
  };
  const filter: Record<string, string[]> = {
    INPUT: [],
    FORWARD: [],
    OUTPUT: [],
    'KUBE-FORWARD': [],
    'KUBE-IPVS-FILTER': [],
    'KUBE-IPVS-OUT-FILTER': [],
    'KUBE-NODE-PORT': [],
    'KUBE-PROXY-FIREWALL': [],
    'KUBE-SOURCE-RANGES-FIREWALL': [],
  };
  const n = (chain: string, rule: string): void => void nat[chain]?.push(`-A ${chain} ${rule}`);
  const f = (chain: string, rule: string): void => void filter[chain]?.push(`-A ${chain} ${rule}`);
  n('PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  n('OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  n('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING');
  f('INPUT', '-m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER');
  f('INPUT', '-m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL');
  f('INPUT', '-m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT');
  f('FORWARD', '-m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL');
  f('FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD');
  f('OUTPUT', '-m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER');
  n('KUBE-SERVICES', '-s 127.0.0.0/8 -j RETURN');
  if (has('KUBE-LOOP-BACK'))
    n('KUBE-POSTROUTING', `${comment('KUBE-LOOP-BACK')} -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE`);
  if (has('KUBE-LOAD-BALANCER'))
    n(
      'KUBE-SERVICES',
      `${comment('KUBE-LOAD-BALANCER')} -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER`,
    );
  if (has('KUBE-LOAD-BALANCER-LOCAL'))
    n(
      'KUBE-LOAD-BALANCER',
      `${comment('KUBE-LOAD-BALANCER-LOCAL')} -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN`,
    );
  for (const proto of ['TCP', 'UDP']) {
    const p = proto.toLowerCase();
    if (has(`KUBE-NODE-PORT-LOCAL-${proto}`))
      n(
        'KUBE-NODE-PORT',
        `-p ${p} ${comment(`KUBE-NODE-PORT-LOCAL-${proto}`)} -m set --match-set KUBE-NODE-PORT-LOCAL-${proto} dst -j RETURN`,
      );
    if (has(`KUBE-NODE-PORT-${proto}`))
      n(
        'KUBE-NODE-PORT',
        `-p ${p} ${comment(`KUBE-NODE-PORT-${proto}`)} -m set --match-set KUBE-NODE-PORT-${proto} dst -j KUBE-MARK-MASQ`,
      );
  }
  if (has('KUBE-CLUSTER-IP')) {
    const base = `${comment('KUBE-CLUSTER-IP')} -m set --match-set KUBE-CLUSTER-IP`;
    const cidr =
      proxy.detectLocalMode === 'ClusterCIDR'
        ? proxy.clusterCIDR
        : proxy.detectLocalMode === 'NodeCIDR' && node.podCIDR
          ? `${formatAddress(node.podCIDR.addr)}/${node.podCIDR.length}`
          : '';
    if (proxy.masqueradeAll) n('KUBE-SERVICES', `${base} dst,dst -j KUBE-MARK-MASQ`);
    else if (cidr) n('KUBE-SERVICES', `! -s ${cidr} ${base} dst,dst -j KUBE-MARK-MASQ`);
    else n('KUBE-SERVICES', `${base} src,dst -j KUBE-MARK-MASQ`);
  }
  for (const [set, masq] of [
    ['KUBE-EXTERNAL-IP', true],
    ['KUBE-EXTERNAL-IP-LOCAL', false],
  ] as const) {
    if (!has(set)) continue;
    const base = `${comment(set)} -m set --match-set ${set} dst,dst`;
    if (masq) n('KUBE-SERVICES', `${base} -j KUBE-MARK-MASQ`);
    n('KUBE-SERVICES', `${base} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`);
    n('KUBE-SERVICES', `${base} -m addrtype --dst-type LOCAL -j ACCEPT`);
  }
  n('KUBE-SERVICES', '-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  n('KUBE-LOAD-BALANCER', '-j KUBE-MARK-MASQ');
  f('KUBE-SOURCE-RANGES-FIREWALL', '-j DROP');
  if (has('KUBE-CLUSTER-IP')) n('KUBE-SERVICES', '-m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
  if (has('KUBE-LOAD-BALANCER')) n('KUBE-SERVICES', '-m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT');
  f('KUBE-FORWARD', `-m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark}/${mark} -j ACCEPT`);
  f(
    'KUBE-FORWARD',
    '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  );
  f(
    'KUBE-NODE-PORT',
    `${comment('KUBE-HEALTH-CHECK-NODE-PORT')} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
  );
  for (const set of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL'])
    f('KUBE-IPVS-FILTER', `-m set --match-set ${set} dst,dst -j RETURN`);
  f('KUBE-IPVS-FILTER', '-m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN');
  f(
    'KUBE-IPVS-FILTER',
    '-m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
  );
  n('KUBE-POSTROUTING', `-m mark ! --mark ${mark}/${mark} -j RETURN`);
  n('KUBE-POSTROUTING', `-j MARK --xor-mark ${mark}`);
  n(
    'KUBE-POSTROUTING',
    '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  );
  n('KUBE-MARK-MASQ', `-j MARK --or-mark ${mark}`);
  const table = (name: string, chains: Record<string, string[]>, builtins: readonly string[]): string[] => [
    `*${name}`,
    ...Object.keys(chains).map((c) => (builtins.includes(c) ? `:${c} ACCEPT [0:0]` : `:${c} - [0:0]`)),
    ...Object.values(chains).flat(),
    'COMMIT',
  ];
  return (
    [
      ...table('filter', filter, ['INPUT', 'FORWARD', 'OUTPUT']),
      ...table('nat', nat, ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']),
    ].join('\n') + '\n'
  );
}

/** The ipsets as `ipset list` shows name, type and members (headers and sizes left out). */
export function renderIpsets(sets: readonly IpSetListing[]): string {
  return (
    sets.map((s) => [`Name: ${s.name}`, `Type: ${s.type}`, 'Members:', ...s.members].join('\n')).join('\n\n') + '\n'
  );
}
