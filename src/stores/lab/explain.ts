/**
 * What each line of kube-proxy's nat table does, as a key of the "rules" strings and the
 * values it needs. The classifier reads the rule's words the way kube-proxy writes them
 * (proxier.go), so a rule it does not recognise gets the honest "no note" text.
 */
import type { Explanation, RulesLine } from './types';

/** Pod names by IP, to name endpoints ("pod-1 (10.244.1.2:8080)"). */
export type PodNames = ReadonlyMap<string, string>;

interface ChainFacts {
  service?: string;
  endpoint?: string;
}

const BUILT_IN = new Set(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);

function wordsOf(line: RulesLine): string[] {
  return line.tokens.filter((t) => t.kind !== 'space').map((t) => t.text.replace(/^"|"$/g, ''));
}

function after(words: readonly string[], flag: string): string | undefined {
  const i = words.indexOf(flag);
  return i >= 0 ? words[i + 1] : undefined;
}

function has(words: readonly string[], flag: string): boolean {
  return words.includes(flag);
}

/** "ns/svc:port" from a comment like "default/web:http -> 10.244.1.2:8080" or "… cluster IP". */
function serviceOf(comment: string | undefined): string | undefined {
  return comment?.match(/([a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*(?::[a-z0-9-]+)?)/)?.[1];
}

function endpointName(address: string, pods: PodNames): string {
  const pod = pods.get(address.split(':')[0] ?? '');
  return pod ? `${pod} (${address})` : address;
}

/** Gathers, per chain, the Service it belongs to and (for KUBE-SEP) its endpoint. */
function chainFacts(lines: readonly RulesLine[], pods: PodNames): Map<string, ChainFacts> {
  const facts = new Map<string, ChainFacts>();
  for (const line of lines) {
    if (line.kind !== 'rule' || !line.chain) continue;
    const words = wordsOf(line);
    const f = facts.get(line.chain) ?? {};
    const service = serviceOf(after(words, '--comment'));
    if (service !== undefined && f.service === undefined) f.service = service;
    const to = after(words, '--to-destination');
    if (to) f.endpoint = endpointName(to, pods);
    facts.set(line.chain, f);
  }
  return facts;
}

function chainExplanation(chain: string, facts: ChainFacts | undefined): Explanation {
  const service = facts?.service ?? '?';
  if (BUILT_IN.has(chain)) return { key: `chain${chain}`, values: {} };
  if (chain === 'KUBE-SERVICES') return { key: 'chainServices', values: {} };
  if (chain === 'KUBE-NODEPORTS') return { key: 'chainNodePorts', values: {} };
  if (chain === 'KUBE-MARK-MASQ') return { key: 'chainMarkMasq', values: {} };
  if (chain === 'KUBE-POSTROUTING') return { key: 'chainPostrouting', values: {} };
  if (chain === 'KUBE-PROXY-CANARY') return { key: 'chainCanary', values: {} };
  if (chain.startsWith('KUBE-EXT-')) return { key: 'chainExt', values: { service } };
  if (chain.startsWith('KUBE-SVC-')) return { key: 'chainSvc', values: { service } };
  if (chain.startsWith('KUBE-SVL-')) return { key: 'chainSvl', values: { service } };
  if (chain.startsWith('KUBE-SEP-')) return { key: 'chainSep', values: { service, endpoint: facts?.endpoint ?? '?' } };
  return { key: 'chainOther', values: {} };
}

function ruleExplanation(line: RulesLine, facts: Map<string, ChainFacts>, lines: readonly RulesLine[]): Explanation {
  const chain = line.chain ?? '';
  const words = wordsOf(line);
  const target = after(words, '-j') ?? after(words, '-g') ?? '';
  const service = facts.get(chain)?.service ?? '?';
  const endpointOf = (sep: string) => facts.get(sep)?.endpoint ?? sep;
  const none = (key: string): Explanation => ({ key, values: {} });

  if ((chain === 'PREROUTING' || chain === 'OUTPUT') && target === 'KUBE-SERVICES') return none('ruleHookServices');
  if (chain === 'POSTROUTING' && target === 'KUBE-POSTROUTING') return none('ruleHookPostrouting');
  if (chain === 'KUBE-SERVICES') {
    if (target === 'KUBE-NODEPORTS') return none('ruleNodePortsLast');
    const ip = after(words, '-d');
    if (ip && target.startsWith('KUBE-SVC-'))
      return { key: 'ruleClusterIP', values: { service, address: `${ip}:${after(words, '--dport') ?? '?'}` } };
  }
  if (chain === 'KUBE-NODEPORTS' && target.startsWith('KUBE-EXT-')) {
    if (after(words, '-d')?.startsWith('127.')) return none('ruleNodePortLocalhost');
    return { key: 'ruleNodePort', values: { service, port: after(words, '--dport') ?? '?' } };
  }
  if (chain.startsWith('KUBE-EXT-')) {
    const local = after(words, '--src-type') === 'LOCAL';
    const source = after(words, '-s');
    if (source && target.startsWith('KUBE-SVC-')) return { key: 'rulePodTraffic', values: { cidr: source } };
    if (target === 'KUBE-MARK-MASQ') return none(local ? 'ruleMasqLocal' : 'ruleMasqExternal');
    if (target.startsWith('KUBE-SVC-')) return none(local ? 'ruleRouteLocal' : 'ruleToSvc');
    if (target.startsWith('KUBE-SVL-')) return none('ruleToSvl');
  }
  if (chain.startsWith('KUBE-SVC-') || chain.startsWith('KUBE-SVL-')) {
    if (target === 'KUBE-MARK-MASQ') return { key: 'ruleClusterIPMasq', values: { cidr: after(words, '-s') ?? '?' } };
    if (target.startsWith('KUBE-SEP-')) {
      const p = after(words, '--probability');
      if (p) return { key: 'ruleProbability', values: { p, endpoint: endpointOf(target) } };
      const seps = lines.filter((l) => l.kind === 'rule' && l.chain === chain && /-j KUBE-SEP-/.test(l.text)).length;
      return { key: seps > 1 ? 'ruleLastEndpoint' : 'ruleOnlyEndpoint', values: { endpoint: endpointOf(target) } };
    }
  }
  if (chain.startsWith('KUBE-SEP-')) {
    if (target === 'KUBE-MARK-MASQ') return { key: 'ruleHairpin', values: { address: after(words, '-s') ?? '?' } };
    if (target === 'DNAT') return { key: 'ruleDnat', values: { to: after(words, '--to-destination') ?? '?' } };
  }
  if (target === 'MARK') {
    const or = after(words, '--or-mark');
    if (or) return { key: 'ruleSetMark', values: { mark: or } };
    if (has(words, '--xor-mark')) return none('ruleClearMark');
  }
  if (target === 'RETURN' && has(words, '--mark')) return none('ruleReturnUnmarked');
  if (target === 'MASQUERADE') return none('ruleMasquerade');
  if (target === 'DROP') return none('ruleDrop');
  if (target === 'REJECT') return none('ruleReject');
  if (target.startsWith('KUBE-') || BUILT_IN.has(target)) return { key: 'ruleJump', values: { target } };
  return none('ruleOther');
}

/** The lines with an explanation attached to each. */
export function explainLines(lines: readonly RulesLine[], pods: PodNames): RulesLine[] {
  const facts = chainFacts(lines, pods);
  return lines.map((line) => {
    if (line.kind === 'table') return { ...line, explain: { key: 'table', values: {} } };
    if (line.kind === 'commit') return { ...line, explain: { key: 'commit', values: {} } };
    if (line.kind === 'chain')
      return { ...line, explain: chainExplanation(line.chain ?? '', facts.get(line.chain ?? '')) };
    return { ...line, explain: ruleExplanation(line, facts, lines) };
  });
}
