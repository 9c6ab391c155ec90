/**
 * What the trace page needs to know about an nftables ruleset beyond what the engine walks:
 * a static bound on the rules one packet can meet (jumps and gotos, including those inside
 * verdict maps, can fan out just like iptables jumps), the loops of jumps, whether kube-proxy
 * wrote it, and the node addresses and target it names.
 */
import type { NftRuleset, NftTable } from '../../engine/nftables';
import { formatAddress, parseAddress } from '../../engine/rules';
import type { ProblemView } from './protocol';

/** Bounds above this are reported as this. */
const CAP = 1e15;
/** Families whose tables the engine walks (IPv4 packets see ip and inet, IPv6 ones ip6 and inet). */
const WALKED = new Set(['ip', 'ip6', 'inet']);

/** The chains a rule can jump or go to: `jump X`, `goto X`, and verdicts of the maps it uses. */
function targetsOf(table: NftTable, tokens: readonly { readonly kind: string; readonly text: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!.text;
    if ((t === 'jump' || t === 'goto') && tokens[i + 1]!.kind === 'word') out.push(tokens[i + 1]!.text);
    if (t === 'vmap' && tokens[i + 1]!.text.startsWith('@')) {
      for (const e of table.sets.get(tokens[i + 1]!.text.slice(1))?.elements ?? []) {
        const m = /^(?:jump|goto)\s+(\S+)$/.exec(e.value ?? '');
        if (m) out.push(m[1] as string);
      }
    }
  }
  return out;
}

/** The bound and the loops of one ruleset (tables of families an IPv4 packet does not see are left out). */
export function nftWalkBound(rs: NftRuleset): { bound: number; loops: ProblemView[]; rules: number } {
  let bound = 0;
  let rules = 0;
  const loops: ProblemView[] = [];
  for (const table of rs.tables.values()) {
    for (const c of table.chains.values()) rules += c.rules.length;
    if (!WALKED.has(table.family)) continue;
    const memo = new Map<string, number>();
    const onStack = new Set<string>();
    // Iterative depth-first sum over the jump graph (a chain may be nested thousands deep).
    const costOf = (root: string): number => {
      type Frame = { name: string; rule: number; targets: string[]; next: number; sum: number };
      const frame = (name: string): Frame => ({ name, rule: 0, targets: [], next: 0, sum: 0 });
      const stack: Frame[] = [frame(root)];
      onStack.add(root);
      let result = 0;
      while (stack.length > 0) {
        const f = stack[stack.length - 1] as Frame;
        const chainRules = table.chains.get(f.name)?.rules ?? [];
        let pushed = false;
        while (!pushed && (f.next < f.targets.length || f.rule < chainRules.length)) {
          if (f.next >= f.targets.length) {
            const rule = chainRules[f.rule++]!;
            f.sum = Math.min(CAP, f.sum + 1);
            f.targets = targetsOf(table, rule.tokens);
            f.next = 0;
            continue;
          }
          const target = f.targets[f.next++] as string;
          const known = memo.get(target);
          if (known !== undefined) f.sum = Math.min(CAP, f.sum + known);
          else if (onStack.has(target)) {
            const rule = chainRules[f.rule - 1];
            if (rule)
              loops.push({
                line: rule.line,
                text: rule.text,
                message: `jump loop: ${f.name} → ${target}`,
                level: 'error',
              });
          } else if (table.chains.has(target)) {
            stack.push(frame(target));
            onStack.add(target);
            pushed = true;
          }
        }
        if (pushed) continue;
        stack.pop();
        onStack.delete(f.name);
        memo.set(f.name, f.sum);
        result = f.sum;
        const parent = stack[stack.length - 1];
        if (parent) parent.sum = Math.min(CAP, parent.sum + f.sum);
      }
      return result;
    };
    for (const c of table.chains.values())
      if (c.base) bound = Math.min(CAP, bound + (memo.get(c.name) ?? costOf(c.name)));
  }
  return { bound, loops, rules };
}

/** Whether kube-proxy's nftables mode wrote this ruleset (it keeps everything in `table ip kube-proxy`). */
export function nftIsKube(rs: NftRuleset): boolean {
  return [...rs.tables.values()].some((t) => t.name === 'kube-proxy');
}

/** The first place `needle` starts a match of `re` (anchored) within 64 KB; a few tries at most. */
function windowMatch(text: string, needle: string, re: RegExp): RegExpExecArray | null {
  let tries = 0;
  for (let at = text.indexOf(needle); at >= 0 && tries < 8; at = text.indexOf(needle, at + needle.length), tries++) {
    const m = re.exec(text.slice(at, at + 65536));
    if (m) return m;
  }
  return null;
}

/** Node addresses, a NodePort and a cluster IP named in kube-proxy's nft sets and maps. */
export function nftGuess(text: string): {
  localIPs: string[];
  nodePort: { port: number; protocol: 'tcp' | 'udp' | 'sctp' } | null;
  clusterIP: { ip: string; port: number; protocol: 'tcp' | 'udp' | 'sctp' } | null;
} {
  const localIPs: string[] = [];
  // Found with indexOf and read within a bounded window: a regex scanning to the end from every
  // "set nodeport-ips {" of a crafted text would take quadratic time.
  const set =
    windowMatch(text, 'set nodeport-ips {', /^set nodeport-ips \{[^}]*?elements = \{([^}]*)\}/) ??
    windowMatch(
      text,
      'add element ip kube-proxy nodeport-ips {',
      /^add element ip kube-proxy nodeport-ips \{([^}]*)\}/,
    ) ??
    windowMatch(
      text,
      'add element ip6 kube-proxy nodeport-ips {',
      /^add element ip6 kube-proxy nodeport-ips \{([^}]*)\}/,
    );
  for (const word of set?.[1]?.split(/[\s,]+/) ?? []) {
    const v = parseAddress(word);
    if (v !== null && localIPs.length < 16) localIPs.push(formatAddress(v));
  }
  const np = /\b(tcp|udp|sctp) \. (\d{1,5}) : goto external-/.exec(text);
  const cip = /\b(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*) \. (tcp|udp|sctp) \. (\d{1,5}) : goto service-/i.exec(
    text,
  );
  return {
    localIPs,
    nodePort: np ? { port: Number(np[2]), protocol: np[1] as 'tcp' } : null,
    clusterIP: cip ? { ip: cip[1] as string, port: Number(cip[3]), protocol: cip[2] as 'tcp' } : null,
  };
}
