/**
 * IPVS mode on every node: the nat-table marks kube-proxy's few iptables rules set
 * (KUBE-SERVICES → KUBE-NODE-PORT / KUBE-CLUSTER-IP / KUBE-LOAD-BALANCER → KUBE-MARK-MASQ,
 * KUBE-LOOP-BACK for hairpin), the IPVS lookup and scheduling at LOCAL_IN (LOCAL_OUT for the
 * node's own connections), and MASQUERADE in KUBE-POSTROUTING for marked packets, to the
 * address of the interface the packet leaves by — the same source iptables mode shows.
 * No destination (empty real-server list): ip_vs_schedule() fails and ip_vs_leave() answers
 * ICMP port unreachable (REJECT). Connections keep the destination counters lc reads; a
 * closed TCP connection stays in TIME_WAIT (inactive) for 120 s, UDP for 300 s
 * (ip_vs_proto_tcp.c / ip_vs_proto_udp.c default timeouts).
 */
import type { Cluster } from '../../model/types';
import { formatIPv4 } from '../../netfilter/ip';
import type { NetNode, Topology } from '../../network/topology';
import type { RuleRef } from '../../network/types';
import type { RuleCounter } from '../../run/runner';
import type { Balancer, LbContext, LbVerdict, Pkt } from '../shared/balancer';
import { traceStep, type TracePlace } from '../shared/trace';
import { markMasq } from './masqueradeMark';
import { PROTO, TIME_WAIT } from './protocols';
import { vsLine, destLine } from './render';
import {
  cloneSchedulerState,
  mhTable,
  newSchedulerState,
  scheduleLc,
  scheduleMh,
  scheduleRr,
  scheduleSh,
  scheduleWrr,
  shTable,
  type Pick,
  type SchedulerState,
} from './schedulers';
import type { VirtualServer } from './virtualServers';

/** The immutable part: virtual servers per node, and the hash tables built from them. */
export interface IpvsTables {
  readonly cluster: Cluster;
  readonly topology: Topology;
  /** Virtual servers per node index. */
  readonly servers: readonly (readonly VirtualServer[])[];
  /** Addresses bound to kube-ipvs0 per node index (KUBE-IPVS-IPS). */
  readonly bound: readonly ReadonlySet<number>[];
  /** Lazily built sh / mh tables per "node|vs". */
  readonly hashTables: Map<string, Int32Array>;
}

interface Conn {
  readonly node: number;
  readonly vs: number;
  readonly dest: number;
  readonly protocol: VirtualServer['protocol'];
  /** null while open; when closed, the time it leaves TIME_WAIT. */
  expires: number | null;
}

interface State {
  readonly sched: Map<string, SchedulerState>;
  readonly conns: Conn[];
  /** Persistence templates: "node|vs|client" → destination and expiry. */
  readonly templates: Map<string, { dest: number; expires: number }>;
  readonly picks: Map<string, number>;
  /** Connections created by the walk in progress. */
  pending: number[];
  /** Per session connection (0-based), the IPVS connections it created. */
  readonly walks: number[][];
}

/** The IPVS balancer over precomputed tables. */
export class IpvsBalancer implements Balancer {
  constructor(
    private readonly tables: IpvsTables,
    private readonly state: State = {
      sched: new Map(),
      conns: [],
      templates: new Map(),
      picks: new Map(),
      pending: [],
      walks: [],
    },
  ) {}

  clone(): Balancer {
    const s = this.state;
    const sched = new Map([...s.sched].map(([k, v]) => [k, cloneSchedulerState(v)] as const));
    return new IpvsBalancer(this.tables, {
      sched,
      conns: s.conns.map((c) => ({ ...c })),
      templates: new Map([...s.templates].map(([k, v]) => [k, { ...v }] as const)),
      picks: new Map(s.picks),
      pending: [...s.pending],
      walks: s.walks.map((w) => [...w]),
    });
  }

  /** Destination counters of a virtual server (for ipvsadm's ActiveConn / InActConn). */
  countersOf(node: number, vs: number): SchedulerState {
    return this.schedState(node, vs);
  }

  private schedState(node: number, vs: number): SchedulerState {
    const key = `${node}|${vs}`;
    let s = this.state.sched.get(key);
    if (!s) {
      s = newSchedulerState(this.tables.servers[node]?.[vs]?.dests.length ?? 0);
      this.state.sched.set(key, s);
    }
    return s;
  }

  private hashTable(node: number, vs: number, server: VirtualServer): Int32Array {
    const key = `${node}|${vs}`;
    let t = this.tables.hashTables.get(key);
    if (!t) {
      t = server.scheduler === 'sh' ? shTable(server.dests) : mhTable(server.dests);
      this.tables.hashTables.set(key, t);
    }
    return t;
  }

  private expire(now: number): void {
    for (const c of this.state.conns) {
      if (c.expires !== null && c.expires <= now && c.expires !== -1) {
        const counters = this.schedState(c.node, c.vs).counters[c.dest];
        if (counters) counters.inactive--;
        c.expires = -1; // gone
      }
    }
  }

  intercept(ctx: LbContext, node: NetNode, p: Pkt): LbVerdict {
    if (ctx.ingress === 'socket') return { kind: 'pass' };
    const protocol = PROTO[p.proto];
    const servers = this.tables.servers[node.index] ?? [];
    const vsIndex = servers.findIndex((v) => v.protocol === protocol && v.address === p.dst && v.port === p.dport);
    const hook = ctx.ingress === 'local' ? 'LOCAL_OUT' : 'LOCAL_IN';
    const place: TracePlace = { node: node.name, hook, table: 'ipvs', chain: 'ip_vs', direction: 'original' };
    if (vsIndex < 0) {
      // KUBE-IPVS-FILTER sits in filter INPUT, which the node's own packets to a kube-ipvs0
      // address cross too (looped back, still ctstate NEW): they are rejected alike.
      if (this.tables.bound[node.index]?.has(p.dst)) {
        const text =
          '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable';
        const decidedBy: RuleRef = { node: node.name, table: 'filter', chain: 'KUBE-IPVS-FILTER', rule: 6, text };
        traceStep(
          ctx.trace,
          { ...place, hook: 'INPUT', table: 'filter', chain: 'KUBE-IPVS-FILTER' },
          'ipvs.filter-reject',
          text,
          'REJECT',
          { address: formatIPv4(p.dst), port: p.dport },
          6,
        );
        return {
          kind: 'stop',
          verdict: 'REJECT',
          reason:
            protocol === undefined
              ? `${formatIPv4(p.dst)} is a service address on kube-ipvs0, and the ip,port entries of KUBE-IPVS-FILTER's RETURN rules never match an ICMP packet`
              : `${formatIPv4(p.dst)} is a service address on kube-ipvs0, but port ${p.dport} is no service port there`,
          decidedBy,
          // Rejected in INPUT, where the address is local: icmp_send() answers from it.
          errorFrom: p.dst,
        };
      }
      return { kind: 'pass' };
    }
    const vs = servers[vsIndex] as VirtualServer;
    this.expire(ctx.now);
    const vsText = vsLine(vs);
    // nat PREROUTING / OUTPUT (KUBE-SERVICES) runs before IPVS sees the packet at LOCAL_IN / LOCAL_OUT.
    const masq = markMasq(this.tables.cluster, ctx, node, p, vs);
    traceStep(ctx.trace, place, 'ipvs.lookup', `virtual server ${vsText}`, 'match', {
      vip: formatIPv4(vs.address),
      port: vs.port,
      protocol: vs.protocol,
      scheduler: vs.scheduler,
      dests: vs.dests.length,
    });
    if (vs.fellBack) {
      traceStep(
        ctx.trace,
        place,
        'ipvs.local-fallback',
        'no local endpoint: kube-proxy gave this ETP/ITP Local virtual server all endpoints (kubernetes/kubernetes#97081)',
        'fallback',
        { dests: vs.dests.length },
      );
    }
    const pick = this.pick(node.index, vsIndex, vs, p, ctx.now);
    if (!pick) {
      traceStep(
        ctx.trace,
        place,
        'ipvs.no-destination',
        'no destination available: ip_vs_leave() sends ICMP port unreachable',
        'REJECT',
        { vip: formatIPv4(vs.address), port: vs.port },
      );
      const decidedBy: RuleRef = {
        node: node.name,
        table: 'ipvs',
        chain: vsText,
        rule: 0,
        text: 'no destination available',
      };
      return {
        kind: 'stop',
        verdict: 'REJECT',
        reason: `IPVS virtual server ${vsText} has no real server: the kernel answers ICMP port unreachable`,
        decidedBy,
        errorFrom: p.dst,
      };
    }
    const dest = vs.dests[pick.index] as VirtualServer['dests'][number];
    const params: Record<string, string | number> = {
      scheduler: vs.scheduler,
      vip: formatIPv4(vs.address),
      port: vs.port,
      backend: `${formatIPv4(dest.ip)}:${dest.port}`,
      index: pick.index,
    };
    for (const [k, v] of Object.entries(pick.detail)) params[k] = v;
    traceStep(
      ctx.trace,
      place,
      'ipvs.schedule',
      `${vs.scheduler} → ${formatIPv4(dest.ip)}:${dest.port}`,
      `masq ${formatIPv4(dest.ip)}:${dest.port}`,
      params,
      pick.index + 1,
    );
    const counters = this.schedState(node.index, vsIndex).counters[pick.index];
    if (counters) counters.active++;
    this.state.conns.push({ node: node.index, vs: vsIndex, dest: pick.index, protocol: vs.protocol, expires: null });
    this.state.pending.push(this.state.conns.length - 1);
    const pickKey = `${node.index}|${vsIndex}|${pick.index}`;
    this.state.picks.set(pickKey, (this.state.picks.get(pickKey) ?? 0) + 1);
    // KUBE-LOOP-BACK (dst,dst,src): a pod reaching itself through the service is masqueraded.
    const hairpin = dest.endpoint.isLocal && p.src === dest.ip;
    if (hairpin) {
      traceStep(
        ctx.trace,
        { ...place, hook: 'POSTROUTING', table: 'nat', chain: 'KUBE-POSTROUTING' },
        'ipvs.hairpin-masquerade',
        '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
        'MASQUERADE',
        { backend: formatIPv4(dest.ip) },
        1,
      );
    } else if (masq) {
      traceStep(
        ctx.trace,
        { ...place, hook: 'POSTROUTING', table: 'nat', chain: 'KUBE-POSTROUTING' },
        'ipvs.masquerade',
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
        'MASQUERADE',
        {},
        4,
      );
    }
    return {
      kind: 'translate',
      ip: dest.ip,
      port: dest.port,
      // kube-proxy's KUBE-POSTROUTING MASQUERADE carries --random-fully: the kernel draws the port.
      snat: hairpin || masq ? { kind: 'egress', keepPorts: null } : { kind: 'none' },
      dsr: false,
    };
  }

  private pick(node: number, vsIndex: number, vs: VirtualServer, p: Pkt, now: number): Pick | null {
    const key = `${node}|${vsIndex}|${p.src}`;
    if (vs.persistentTimeout > 0) {
      const t = this.state.templates.get(key);
      if (t && t.expires > now) {
        t.expires = now + vs.persistentTimeout;
        return { index: t.dest, detail: { persistent: vs.persistentTimeout } };
      }
    }
    const s = this.schedState(node, vsIndex);
    let pick: Pick | null;
    switch (vs.scheduler) {
      case 'rr':
        pick = scheduleRr(vs.dests, s);
        break;
      case 'wrr':
        pick = scheduleWrr(vs.dests, s);
        break;
      case 'lc':
        pick = scheduleLc(vs.dests, s);
        break;
      case 'sh':
        pick = scheduleSh(vs.dests, this.hashTable(node, vsIndex, vs), p.src);
        break;
      case 'mh':
        pick = scheduleMh(vs.dests, this.hashTable(node, vsIndex, vs), p.src, p.sport);
        break;
    }
    if (pick && vs.persistentTimeout > 0)
      this.state.templates.set(key, { dest: pick.index, expires: now + vs.persistentTimeout });
    return pick;
  }

  finish(now: number, keepOpen: boolean): void {
    const pending = this.state.pending;
    this.state.pending = [];
    if (keepOpen) this.state.walks.push(pending);
    else for (const i of pending) this.closeConn(i, now);
  }

  private closeConn(i: number, now: number): boolean {
    const c = this.state.conns[i];
    if (!c || c.expires !== null) return false;
    const counters = this.schedState(c.node, c.vs).counters[c.dest];
    if (counters) {
      counters.active--;
      counters.inactive++;
    }
    c.expires = now + TIME_WAIT[c.protocol];
    return true;
  }

  close(index: number, now: number): boolean {
    this.expire(now);
    const group = this.state.walks[index];
    if (!group) return false;
    let closed = false;
    for (const i of group) closed = this.closeConn(i, now) || closed;
    return closed;
  }

  counters(all: boolean): RuleCounter[] {
    const out: RuleCounter[] = [];
    this.tables.topology.nodes.forEach((node, n) => {
      (this.tables.servers[n] ?? []).forEach((vs, v) => {
        vs.dests.forEach((d, i) => {
          const packets = this.state.picks.get(`${n}|${v}|${i}`) ?? 0;
          if (all || packets > 0)
            out.push({
              node: node.name,
              table: 'ipvs',
              chain: vsLine(vs),
              rule: i + 1,
              text: destLine(d, 0, 0).trim(),
              packets,
            });
        });
      });
    });
    return out;
  }
}
