/**
 * kube-proxy's own nftables test tracer (nftablesTracer / tracePacket in
 * pkg/proxy/nftables/helpers_test.go), ported over our generated table so its packet-flow
 * expectations can be checked against our rules, as helpers/tracer.ts does for iptables. It
 * is as crude as the original, on purpose (docs/kube-proxy.md §3):
 * - every packet, even one from the node, walks filter-prerouting-pre-dnat, nat-prerouting,
 *   then filter-forward and filter-input (never the output hooks, never nat-postrouting);
 * - `numgen random` visits every endpoint and collects them all;
 * - a `jump mark-for-masquerade` is the masquerade (mark, masquerading chain not run);
 * - `ct state new` always holds; `fib … type local` means "one of nodeIPs" (127/8 is not);
 * - affinity lookups and `update @set` are rules it does not know (none of the flow tests
 *   uses ClientIP affinity).
 * The original names the first chain "filter-prerouting"; kube-proxy has since renamed it
 * filter-prerouting-pre-dnat, which is what both kube-proxy and our generator write.
 */
import { inPrefix, parseAddress, parsePrefix } from '../../../../../src/engine/netfilter/ip';
import type { NftTableSpec } from '../../../../../src/engine/kubeproxy/nftables';
import { hostOf } from './tracer';

/** tracePacket's result: outputs joined with ", ", whether the packet was marked, what matched. */
export interface NftTraceResult {
  readonly output: string;
  readonly masq: boolean;
  readonly matches: readonly string[];
}

const RE = {
  destAddr: /^ip6* daddr (!= )?(\S+)/,
  destAddrLookup: /^ip6* daddr (!= )?\{([^}]*)\}/,
  destAddrLocal: /^fib daddr type local/,
  destIPOnlyLookup: /^ip6* daddr @(\S+)/,
  destDispatch: /^ip6* daddr \. meta l4proto \. th dport vmap @(\S+)$/,
  destPortDispatch: /^meta l4proto \. th dport vmap @(\S+)$/,
  sourceAddr: /^ip6* saddr (!= )?(\S+)/,
  sourceAddrLookup: /^ip6* saddr (!= )?\{([^}]*)\}/,
  sourceAddrLocal: /^fib saddr type local/,
  endpointVmap: /^numgen random mod \d+ vmap \{(.*)\}$/,
  masquerade: /^jump mark-for-masquerade$/,
  jump: /^(jump|goto) (\S+)$/,
  return: /^return$/,
  verdict: /^(drop|reject)$/,
  dnat: /^meta l4proto (tcp|udp|sctp) dnat to (\S+)$/,
  ignored: / *comment "[^"]*"$|^ct state new/g,
};

// Both families, as the original's netutils.ParseIPSloppy / ParseCIDRSloppy read them.
function addressMatches(ip: string, wantMatch: boolean, ruleAddress: string): boolean {
  const value = parseAddress(ip);
  const prefix = parsePrefix(ruleAddress);
  const match = value !== null && prefix !== null && inPrefix(value, prefix);
  return match === wantMatch;
}

/** addressMatchesSet: every member must give the wanted answer (so "!= { a, b }" is "in none"). */
function addressMatchesSet(ip: string, wantMatch: boolean, members: string): boolean {
  return members
    .replaceAll(' ', '')
    .split(',')
    .every((address) => addressMatches(ip, true, address) === wantMatch);
}

/** tracePacket(sourceIP, protocol, destIP, destPort) over the table kube-proxy would hold. */
export function traceNftPacket(
  table: NftTableSpec,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: number,
  nodeIPs: readonly string[],
): NftTraceResult {
  const local = new Set(nodeIPs);
  const port = String(destPort);
  const outputs: string[] = [];
  const matches: string[] = [];
  let masq = false;
  const elements = (name: string) => table.sets.find((s) => s.name === name)?.elements ?? [];
  const keyOf = (key: string) => key.split(' . ');

  const runChain = (name: string, dst: string): boolean => {
    const chain = table.chains.find((c) => c.name === name);
    if (chain === undefined) throw new Error(`unknown chain ${name}`);
    for (const ruleObj of chain.rules) {
      let rule = ruleObj.text.replace(RE.ignored, '');
      while (rule !== '') {
        rule = rule.trimStart();
        let m: RegExpMatchArray | null;
        // Same case order as the original: the lookups before the literal comparisons, the
        // masquerade jump before other jumps.
        if ((m = rule.match(RE.destIPOnlyLookup))) {
          rule = rule.slice(m[0].length);
          if (!elements(m[1] ?? '').some((e) => keyOf(e.key)[0] === dst)) rule = '';
        } else if ((m = rule.match(RE.destDispatch))) {
          const hit = elements(m[1] ?? '').find((e) => e.key === `${dst} . ${protocol} . ${port}`);
          rule = hit?.value ?? '';
        } else if ((m = rule.match(RE.destPortDispatch))) {
          const hit = elements(m[1] ?? '').find((e) => e.key === `${protocol} . ${port}`);
          rule = hit?.value ?? '';
        } else if ((m = rule.match(RE.destAddrLookup))) {
          rule = rule.slice(m[0].length);
          if (!addressMatchesSet(dst, m[1] !== '!= ', m[2] ?? '')) rule = '';
        } else if ((m = rule.match(RE.destAddr))) {
          rule = rule.slice(m[0].length);
          if (!addressMatches(dst, m[1] !== '!= ', m[2] ?? '')) rule = '';
        } else if ((m = rule.match(RE.destAddrLocal))) {
          rule = rule.slice(m[0].length);
          if (!local.has(dst)) rule = '';
        } else if ((m = rule.match(RE.sourceAddrLookup))) {
          rule = rule.slice(m[0].length);
          if (!addressMatchesSet(sourceIP, m[1] !== '!= ', m[2] ?? '')) rule = '';
        } else if ((m = rule.match(RE.sourceAddr))) {
          rule = rule.slice(m[0].length);
          if (!addressMatches(sourceIP, m[1] !== '!= ', m[2] ?? '')) rule = '';
        } else if ((m = rule.match(RE.sourceAddrLocal))) {
          rule = rule.slice(m[0].length);
          if (!local.has(sourceIP)) rule = '';
        } else if ((m = rule.match(RE.masquerade))) {
          rule = rule.slice(m[0].length);
          matches.push(ruleObj.text);
          masq = true;
        } else if ((m = rule.match(RE.jump))) {
          rule = rule.slice(m[0].length);
          matches.push(ruleObj.text);
          if (runChain(m[2] ?? '', dst)) return true;
          if (m[1] === 'goto') return false;
        } else if ((m = rule.match(RE.verdict))) {
          matches.push(ruleObj.text);
          outputs.push((m[1] ?? '').toUpperCase());
          return true;
        } else if (RE.return.test(rule)) {
          matches.push(ruleObj.text);
          return false;
        } else if ((m = rule.match(RE.dnat))) {
          matches.push(ruleObj.text);
          outputs.push(m[2] ?? '');
          return true;
        } else if ((m = rule.match(RE.endpointVmap))) {
          for (const entry of (m[1] ?? '').matchAll(/\d+ : goto (\S+)/g)) {
            matches.push(ruleObj.text);
            runChain(entry[1] ?? '', dst);
          }
          return true;
        } else {
          throw new Error(`unmatched rule: ${ruleObj.text}`);
        }
      }
    }
    return false;
  };

  const result = (): NftTraceResult => ({ output: outputs.join(', '), masq, matches });
  if (runChain('filter-prerouting-pre-dnat', destIP)) return result();
  runChain('nat-prerouting', destIP);
  // The pending DNAT changes the destination the filter chains see.
  const dst = outputs.length > 0 ? hostOf(outputs[0] ?? '') : destIP;
  if (runChain('filter-forward', dst)) return result();
  runChain('filter-input', dst);
  return result();
}
