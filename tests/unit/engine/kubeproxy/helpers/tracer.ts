/**
 * kube-proxy's own test tracer (iptablesTracer / tracePacket in proxier_test.go), ported so
 * its packet-flow expectations can be checked against our generated rules. It is deliberately
 * as crude as the original (docs/kube-proxy.md §3): nat PREROUTING only,
 * every endpoint of a statistic cascade collected, affinity/mark/ctstate rules never match.
 * The real interpreter lives in src/engine/netfilter; this exists to reuse kube-proxy's oracle.
 */
import { inPrefix, parseAddress, parsePrefix } from '../../../../../src/engine/netfilter/ip';
import { parseDump, ruleWords } from '../../../../../src/engine/kubeproxy/iptables/dump';
import type { Dump } from '../../../../../src/engine/kubeproxy/iptables/dump';

interface Value {
  readonly negated: boolean;
  readonly value: string;
}

interface Rule {
  raw: string;
  values: Map<string, Value>;
}

const WITH_VALUE = new Set([
  '-A',
  '--comment',
  '-p',
  '-s',
  '--src-type',
  '--sport',
  '-d',
  '--dst-type',
  '--dport',
  '--match-set',
  '-j',
  '--probability',
  '--to-destination',
  '--mark',
  '--ctstate',
  '--name',
  '--seconds',
  '--mode',
]);
const FLAGS = new Set(['--random-fully', '--rcheck', '--set', '--reap']);

function parseRule(raw: string): Rule {
  const words = ruleWords(raw);
  const values = new Map<string, Value>();
  let negated = false;
  for (let w = 0; w < words.length;) {
    const word = words[w] ?? '';
    if (word === '-m' && w < words.length - 1) {
      w += 2;
      continue;
    }
    if (word === '!') {
      negated = true;
      w++;
      continue;
    }
    if (WITH_VALUE.has(word)) {
      values.set(word, { negated, value: words[w + 1] ?? '' });
      w += 2;
    } else {
      if (FLAGS.has(word)) values.set(word, { negated, value: '' });
      w++;
    }
    negated = false;
  }
  return { raw, values };
}

// Both families, as the original's netutils.ParseIPSloppy / ParseCIDRSloppy read them.
function addressMatches(address: Value, ip: string): boolean {
  const value = parseAddress(ip);
  const prefix = parsePrefix(address.value);
  const matches = value !== null && prefix !== null && inPrefix(value, prefix);
  return address.negated ? !matches : matches;
}

/** net.SplitHostPort's host: "[fd00::1]:80" → "fd00::1", "10.0.0.1:80" → "10.0.0.1". */
export function hostOf(endpoint: string): string {
  const m = /^\[([^\]]+)\]:\d+$/.exec(endpoint);
  return m?.[1] ?? endpoint.slice(0, endpoint.lastIndexOf(':'));
}

function valueMatches(v: Value, cmp: string): boolean {
  return v.negated ? v.value !== cmp : v.value === cmp;
}

/** The result of tracePacket: outputs joined with ", " and whether the packet was marked. */
export interface TraceResult {
  readonly output: string;
  readonly masq: boolean;
  readonly matches: readonly string[];
}

/** tracePacket(sourceIP, protocol, destIP, destPort) over an iptables-save dump. */
export function tracePacket(
  dumpText: string,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: number,
  nodeIPs: readonly string[],
): TraceResult {
  const dump: Dump = parseDump(dumpText);
  const localIPs = new Set(['127.0.0.1', '::1', ...nodeIPs]);
  const outputs: string[] = [];
  const matches: string[] = [];
  let masq = false;
  const parsed = new Map<string, Rule[]>();
  const chainRules = (table: string, chain: string): Rule[] | undefined => {
    const key = `${table}/${chain}`;
    if (!parsed.has(key)) {
      const c = dump.tables.find((t) => t.name === table)?.chains.find((x) => x.name === chain);
      if (c === undefined) return undefined;
      parsed.set(key, c.rules.map(parseRule));
    }
    return parsed.get(key);
  };
  const ruleMatches = (rule: Rule, src: string, dst: string): boolean => {
    const v = rule.values;
    const s = v.get('-s');
    if (s !== undefined && !addressMatches(s, src)) return false;
    const st = v.get('--src-type');
    if (st !== undefined && !valueMatches(st, localIPs.has(src) ? 'LOCAL' : 'not-matched')) return false;
    const p = v.get('-p');
    if (p !== undefined && !valueMatches(p, protocol)) return false;
    const d = v.get('-d');
    if (d !== undefined && !addressMatches(d, dst)) return false;
    const dt = v.get('--dst-type');
    if (dt !== undefined && !valueMatches(dt, localIPs.has(dst) ? 'LOCAL' : 'not-matched')) return false;
    const dp = v.get('--dport');
    if (dp !== undefined && !valueMatches(dp, String(destPort))) return false;
    if (v.has('--rcheck') || v.has('--mark') || v.has('--ctstate')) return false;
    return true;
  };
  const runChain = (table: string, chain: string, src: string, dst: string): boolean => {
    const rules = chainRules(table, chain);
    if (rules === undefined) return false;
    for (const rule of rules) {
      const jump = rule.values.get('-j');
      if (jump === undefined) continue;
      if (!ruleMatches(rule, src, dst)) continue;
      matches.push(rule.raw);
      switch (jump.value) {
        case 'KUBE-MARK-MASQ':
          masq = true;
          continue;
        case 'ACCEPT':
        case 'REJECT':
        case 'DROP':
          outputs.push(jump.value);
          return true;
        case 'DNAT':
          outputs.push(rule.values.get('--to-destination')?.value ?? '');
          return true;
        default: {
          const terminated = runChain(table, jump.value, src, dst);
          if (terminated && !rule.values.has('--probability')) return true;
        }
      }
    }
    return false;
  };
  let dst = destIP;
  runChain('nat', 'PREROUTING', sourceIP, dst);
  if (outputs.length > 0) dst = hostOf(outputs[0] ?? '');
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
    runChain('filter', chain, sourceIP, dst);
  }
  return { output: outputs.join(', '), masq, matches };
}

/** One case of runPacketFlowTests. */
export interface PacketFlowTest {
  readonly name: string;
  readonly sourceIP: string;
  readonly protocol?: 'tcp' | 'udp' | 'sctp';
  readonly destIP: string;
  readonly destPort: number;
  readonly output: string;
  readonly masq?: boolean;
}
