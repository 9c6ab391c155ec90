/**
 * Cilium's eBPF service load-balancing (kube-proxy replacement) on every node:
 *   - connections from pods and from the node itself are translated at connect() by the
 *     socket-LB (bpf/bpf_sock.c cil_sock4_connect): the socket talks to the backend directly,
 *     no packet is NATed, and the application still sees the service address; the backend is
 *     picked at random (sock_select_slot: get_prandom_u32() for TCP) from the internal scope;
 *   - packets from outside arriving on a node's device go through bpf_host's from-netdev
 *     program (nodeport_lb4): service lookup (exact address, then the 0.0.0.0 NodePort
 *     surrogate), backend selection — random (lb4_select_backend_id_random: prandom % count
 *     + 1, the default) or Maglev (bpf/lib/lb.h lb4_select_backend_id_maglev) — then:
 *       local backend  → redirected to the pod, client address kept;
 *       remote backend → SNAT mode: source rewritten to the node's address (the reply comes
 *                        back through this node); DSR mode: client address kept, the service
 *                        address travels in an IP option and the backend's node answers the
 *                        client itself; hybrid: DSR for TCP, SNAT for UDP
 *                        (docs.cilium.io "Kubernetes Without kube-proxy", bpf.lbMode);
 *   - a frontend without backends drops the packet (cilium/cilium#22388 "Packets that are
 *     addressed to a VIP without any backend should be dropped"); with
 *     externalTrafficPolicy=Local that is the external scope on a node without a local
 *     backend — no fallback, unlike IPVS mode.
 * ClusterIP frontends are non-routable: from outside they are not translated.
 */
import { formatIPv4 } from '../../netfilter/ip';
import type { NetNode, Topology } from '../../network/topology';
import type { RuleRef } from '../../network/types';
import type { RuleCounter } from '../../run/runner';
import type { Balancer, LbContext, LbVerdict, Pkt } from '../shared/balancer';
import { traceStep, type TracePlace } from '../shared/trace';
import { maglevTable, tupleHash, type MaglevSeeds } from './maglev';
import { frontendName } from './render';
import type { CiliumBackend, Frontend } from './services';

/** How a node answers NodePort traffic whose backend is elsewhere. */
export type NodePortMode = 'snat' | 'dsr' | 'hybrid';

/** Backend selection for traffic from outside. */
export type LbAlgorithm = 'random' | 'maglev';

/** The immutable part: frontends per node and the Maglev tables. */
export interface CiliumTables {
  readonly topology: Topology;
  readonly frontends: readonly (readonly Frontend[])[];
  readonly lb: LbAlgorithm;
  readonly nodePortMode: NodePortMode;
  readonly maglevTableSize: number;
  readonly seeds: MaglevSeeds;
  readonly maglev: Map<string, Int32Array>;
}

/**
 * Cilium's NodePort SNAT ports (NODEPORT_PORT_MIN_NAT–MAX_NAT, bpf/lib/nat.h): a source port
 * inside is kept (__snat_try_keep_port), any other is drawn at random.
 */
const CILIUM_NAT_PORTS = { first: 32768, last: 65535 } as const;

const PROTO: Readonly<Record<number, Frontend['protocol']>> = { 6: 'TCP', 17: 'UDP', 132: 'SCTP' };
const ICMP = 1;

/**
 * A ping is never load-balanced: bpf/lib/lb.h extract_l4_port() answers DROP_NO_SERVICE for
 * ICMP ("No need to perform a service lookup"), and the callers then hand the packet to the
 * stack untranslated. Released Cilium has no echo responder for service addresses (the opt-in
 * one of cilium/cilium#40565 and #47130 is not modelled; docs/kube-proxy.md §4).
 */
function icmpPasses(ctx: LbContext, node: NetNode, p: Pkt, list: readonly Frontend[]): LbVerdict {
  if ((ctx.ingress === 'lan' || ctx.ingress === 'pod') && list.some((f) => f.address === p.dst)) {
    const chain = ctx.ingress === 'lan' ? 'cil_from_netdev' : 'cil_from_container';
    traceStep(
      ctx.trace,
      { node: node.name, hook: 'tc ingress', table: 'bpf', chain, direction: 'original' },
      'bpf.lb.icmp',
      `${chain}: ICMP to service address ${formatIPv4(p.dst)}: no service lookup (extract_l4_port() returns DROP_NO_SERVICE), the packet goes on untranslated`,
      'pass',
      { program: chain, address: formatIPv4(p.dst) },
    );
  }
  return { kind: 'pass' };
}

/** The Maglev table of a frontend (built once, shared by clones). */
export function frontendMaglev(tables: CiliumTables, node: number, f: Frontend): Int32Array {
  const key = `${node}|${f.id}`;
  let t = tables.maglev.get(key);
  if (!t) {
    t = maglevTable(
      f.backends.map((b) => ({ id: b.id, addr: b.addr, weight: 100 })),
      tables.maglevTableSize,
      tables.seeds,
    );
    tables.maglev.set(key, t);
  }
  return t;
}

/**
 * The Cilium balancer. Its state is the session-affinity map (cilium_lb4_affinity: client →
 * backend, refreshed on use, expiring after the Service's timeout) and the pick counters.
 */
export class CiliumBalancer implements Balancer {
  constructor(
    private readonly tables: CiliumTables,
    private readonly picks: Map<string, number> = new Map(),
    private readonly affinity: Map<string, { slot: number; expires: number }> = new Map(),
  ) {}

  clone(): Balancer {
    return new CiliumBalancer(
      this.tables,
      new Map(this.picks),
      new Map([...this.affinity].map(([k, v]) => [k, { ...v }] as const)),
    );
  }

  /** ClientIP affinity: the backend remembered for this client and frontend, if still fresh. */
  private remembered(ctx: LbContext, node: number, f: Frontend, client: number): number | null {
    if (!f.service.sessionAffinityClientIP) return null;
    const entry = this.affinity.get(`${node}|${f.id}|${client}`);
    if (!entry || entry.expires <= ctx.now || entry.slot >= f.backends.length) return null;
    entry.expires = ctx.now + f.service.stickyMaxAgeSeconds;
    return entry.slot;
  }

  private remember(ctx: LbContext, node: number, f: Frontend, client: number, slot: number): void {
    if (f.service.sessionAffinityClientIP)
      this.affinity.set(`${node}|${f.id}|${client}`, { slot, expires: ctx.now + f.service.stickyMaxAgeSeconds });
  }

  intercept(ctx: LbContext, node: NetNode, p: Pkt): LbVerdict {
    const protocol = PROTO[p.proto];
    const list = this.tables.frontends[node.index] ?? [];
    if (p.proto === ICMP) return icmpPasses(ctx, node, p, list);
    if (ctx.ingress === 'socket') {
      // Socket-LB: every frontend type, internal scope when the service has two. A node port on
      // any node's address (local or remote) matches the 0.0.0.0 surrogate: bpf_sock.c
      // sock4_wildcard_lookup() checks the ipcache for a host or remote-node identity.
      const hostAddress = node.addresses.isLocal(p.dst) || ctx.topology.nodesByLanIP.has(p.dst);
      const candidates = list.filter(
        (f) =>
          f.protocol === protocol && f.port === p.dport && (f.address === p.dst || (f.address === 0 && hostAddress)),
      );
      const f =
        candidates.find((x) => x.scope === 'internal') ?? candidates.find((x) => x.address === p.dst) ?? candidates[0];
      if (!f) return { kind: 'pass' };
      const place: TracePlace = {
        node: node.name,
        hook: 'cgroup/connect4',
        table: 'bpf',
        chain: 'cil_sock4_connect',
        direction: 'original',
      };
      if (f.backends.length === 0) return this.noBackend(ctx, place, f);
      // sock_select_slot(): get_prandom_u32() for TCP (the socket cookie for UDP, which is as
      // good as random across sockets) % count + 1. The socket-LB keys affinity by the network
      // namespace cookie: one per pod, one for the host — the source address stands for it here.
      const slot = this.remembered(ctx, node.index, f, p.src) ?? ctx.chooser.uniform(f.backends.length);
      this.remember(ctx, node.index, f, p.src, slot);
      const b = f.backends[slot] as CiliumBackend;
      this.count(node.index, f, slot);
      traceStep(
        ctx.trace,
        place,
        'bpf.sock.connect',
        `socket-LB: connect() to ${frontendName(f)} → backend ${b.id} (${b.addr}), random slot ${slot + 1}`,
        `connect ${formatIPv4(b.ip)}:${b.port}`,
        {
          program: 'cil_sock4_connect',
          frontend: frontendName(f),
          serviceId: f.id,
          backendId: b.id,
          backend: b.addr,
          slot: slot + 1,
          algorithm: 'random',
        },
        slot + 1,
      );
      return { kind: 'translate', ip: b.ip, port: b.port, snat: { kind: 'none' }, dsr: false };
    }
    if (ctx.ingress !== 'lan') return { kind: 'pass' };
    const external = list.filter(
      (f) => f.scope === 'external' && f.type !== 'ClusterIP' && f.protocol === protocol && f.port === p.dport,
    );
    const f =
      external.find((x) => x.address === p.dst) ??
      (node.addresses.isLocal(p.dst) ? external.find((x) => x.address === 0 && x.type === 'NodePort') : undefined);
    if (!f) return { kind: 'pass' };
    const place: TracePlace = {
      node: node.name,
      hook: 'tc ingress',
      table: 'bpf',
      chain: 'cil_from_netdev',
      direction: 'original',
    };
    traceStep(
      ctx.trace,
      place,
      'bpf.lb.lookup',
      `bpf_host / from-netdev: service lookup ${formatIPv4(p.dst)}:${p.dport} → frontend ${f.id} (${frontendName(f)}), ${f.backends.length} backends`,
      'lookup',
      {
        program: 'cil_from_netdev',
        address: `${formatIPv4(p.dst)}:${p.dport}`,
        serviceId: f.id,
        frontend: frontendName(f),
        backends: f.backends.length,
        scope: f.scope,
      },
    );
    if (f.backends.length === 0) return this.noBackend(ctx, place, f);
    let slot: number;
    let lut = -1;
    const sticky = this.remembered(ctx, node.index, f, p.src);
    if (sticky !== null) slot = sticky;
    else if (this.tables.lb === 'maglev') {
      const table = frontendMaglev(this.tables, node.index, f);
      // With ClientIP affinity Maglev leaves the source port out of the hash (docs, GH#26709).
      lut =
        tupleHash(p.src, f.service.sessionAffinityClientIP ? 0 : p.sport, p.dport, p.proto, this.tables.seeds) %
        table.length;
      const id = table[lut] ?? -1;
      slot = f.backends.findIndex((b) => b.id === id);
    } else slot = ctx.chooser.uniform(f.backends.length);
    this.remember(ctx, node.index, f, p.src, slot);
    const b = f.backends[slot] as CiliumBackend;
    this.count(node.index, f, slot);
    const how = lut >= 0 ? `via Maglev slot ${lut}` : `random slot ${slot + 1}`;
    traceStep(
      ctx.trace,
      place,
      'bpf.lb.select',
      `service ${formatIPv4(p.dst)}:${p.dport} → backend ${b.id} (${formatIPv4(b.ip)}:${b.port}) ${how}`,
      `DNAT ${formatIPv4(b.ip)}:${b.port}`,
      {
        algorithm: this.tables.lb,
        backendId: b.id,
        backend: b.addr,
        slot: slot + 1,
        ...(lut >= 0 ? { maglevSlot: lut } : {}),
      },
      slot + 1,
    );
    if (b.endpoint.isLocal) {
      traceStep(
        ctx.trace,
        place,
        'bpf.nodeport.local',
        `local backend: redirect to the pod's lxc device, client address kept`,
        'redirect',
        { backend: b.addr },
      );
      return { kind: 'translate', ip: b.ip, port: b.port, snat: { kind: 'none' }, dsr: false };
    }
    const dsr = this.tables.nodePortMode === 'dsr' || (this.tables.nodePortMode === 'hybrid' && p.proto === 6);
    if (dsr) {
      traceStep(
        ctx.trace,
        place,
        'bpf.nodeport.dsr',
        `DSR: forward to ${b.endpoint.nodeName} keeping the client address; the service address rides in an IP option`,
        'DSR',
        { backendNode: b.endpoint.nodeName, service: `${formatIPv4(p.dst)}:${p.dport}` },
      );
      return { kind: 'translate', ip: b.ip, port: b.port, snat: { kind: 'none' }, dsr: true };
    }
    traceStep(
      ctx.trace,
      place,
      'bpf.nodeport.snat',
      `SNAT: source rewritten to this node's address before forwarding to ${b.endpoint.nodeName}`,
      'SNAT',
      { backendNode: b.endpoint.nodeName, address: node.lanIP === null ? '' : formatIPv4(node.lanIP) },
    );
    return {
      kind: 'translate',
      ip: b.ip,
      port: b.port,
      snat: { kind: 'egress', keepPorts: CILIUM_NAT_PORTS },
      dsr: false,
    };
  }

  /** No backend: from-netdev drops (DROP_NO_SERVICE); the socket-LB fails connect() with EHOSTUNREACH. */
  private noBackend(ctx: LbContext, place: TracePlace, f: Frontend): LbVerdict {
    const socket = place.chain === 'cil_sock4_connect';
    const outcome = socket ? 'connect() fails with EHOSTUNREACH' : 'DROP_NO_SERVICE';
    const text = `frontend ${frontendName(f)} has no backend${f.externalLocal && f.scope === 'external' ? ' on this node (externalTrafficPolicy=Local)' : ''}: ${outcome}`;
    traceStep(ctx.trace, place, 'bpf.lb.no-backend', text, socket ? 'EHOSTUNREACH' : 'DROP', {
      frontend: frontendName(f),
      serviceId: f.id,
      local: f.externalLocal,
      socket,
    });
    const decidedBy: RuleRef = {
      node: place.node,
      table: 'bpf',
      chain: place.chain,
      rule: 0,
      text: socket ? 'EHOSTUNREACH' : 'DROP_NO_SERVICE',
    };
    return { kind: 'stop', verdict: socket ? 'REJECT' : 'DROP', reason: `Cilium: ${text}`, decidedBy };
  }

  private count(node: number, f: Frontend, slot: number): void {
    const key = `${node}|${f.id}|${slot}`;
    this.picks.set(key, (this.picks.get(key) ?? 0) + 1);
  }

  finish(): void {}

  close(): boolean {
    return false;
  }

  counters(all: boolean): RuleCounter[] {
    const out: RuleCounter[] = [];
    this.tables.topology.nodes.forEach((node, n) => {
      for (const f of this.tables.frontends[n] ?? []) {
        f.backends.forEach((b, i) => {
          const packets = this.picks.get(`${n}|${f.id}|${i}`) ?? 0;
          if (all || packets > 0)
            out.push({
              node: node.name,
              table: 'bpf',
              chain: frontendName(f),
              rule: i + 1,
              text: `${b.addr} (${f.id}) (${i + 1})`,
              packets,
            });
        });
      }
    });
    return out;
  }
}
