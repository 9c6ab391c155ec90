import { formatFixed } from '../probability';
import { ruleWords } from './dump';

/**
 * Re-spells one rule the way `iptables-save` prints it back from the kernel, for the options
 * kube-proxy uses. kube-proxy writes `-m comment --comment "…" -m tcp -p tcp -d C --dport P`;
 * the kernel keeps matches in that order but iptables-save prints the address/protocol part
 * first (print_rule: -s, -d, -i, -o, -p), host addresses with "/32", each match through its
 * extension's save function (comment quoted unless it is only [A-Za-z0-9_-], statistic's
 * probability as the kernel's 2^31 fraction with %.11f, recent with its --mask/--rsource
 * defaults, nfacct's double space), MARK --or-mark/--xor-mark as --set-xmark, and REJECT
 * with its default --reject-with. Checked against iptables-save 1.8.9 by the kernel suite
 * (tests/kernel/rule-spelling.test.ts). Options kube-proxy never uses pass through unchanged.
 */
export function kernelRule(rule: string): string {
  const words = ruleWords(rule);
  if (words[0] !== '-A' || words[1] === undefined) return rule;
  const ip: Record<string, string> = {};
  const matches: { name: string; options: string[] }[] = [];
  let target: { name: string; options: string[] } | undefined;
  let negate = false;
  for (let i = 2; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (word === '!') {
      negate = true;
      continue;
    }
    if (['-s', '-d', '-i', '-o', '-p'].includes(word)) {
      ip[word] = `${negate ? '! ' : ''}${word} ${word === '-s' || word === '-d' ? withPrefix(next) : next}`;
      i++;
    } else if (word === '-m') {
      matches.push({ name: next, options: [] });
      i++;
    } else if (word === '-j') {
      target = { name: next, options: [] };
      i++;
    } else {
      const owner = target ?? matches[matches.length - 1];
      const options = owner?.options ?? [];
      if (negate) options.push('!');
      options.push(word);
      // Flags without a value; everything else kube-proxy uses takes exactly one argument.
      if (
        !['--set', '--rcheck', '--reap', '--random-fully', '--update', '--remove', '--rsource', '--rdest'].includes(
          word,
        )
      ) {
        options.push(next);
        i++;
      }
    }
    negate = false;
  }
  const parts = ['-A', words[1]];
  for (const key of ['-s', '-d', '-i', '-o', '-p']) if (ip[key] !== undefined) parts.push(ip[key]);
  for (const m of matches) parts.push(`-m ${m.name}${saveMatch(m.name, m.options)}`);
  if (target !== undefined) parts.push(`-j ${target.name}${saveTarget(target.name, target.options)}`);
  return parts.join(' ');
}

// ip6tables-save prints a host address with /128, iptables-save with /32.
function withPrefix(address: string): string {
  return address.includes('/') ? address : `${address}/${address.includes(':') ? 128 : 32}`;
}

/** xtables_save_string: bare if only [A-Za-z0-9_-], else double-quoted with " \ ' escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** Options as pairs: [negated, name, value]. */
function pairs(options: readonly string[]): { neg: boolean; name: string; value: string }[] {
  const out: { neg: boolean; name: string; value: string }[] = [];
  for (let i = 0; i < options.length; i++) {
    let neg = false;
    if (options[i] === '!') {
      neg = true;
      i++;
    }
    const name = options[i] ?? '';
    const flag = [
      '--set',
      '--rcheck',
      '--reap',
      '--random-fully',
      '--update',
      '--remove',
      '--rsource',
      '--rdest',
    ].includes(name);
    out.push({ neg, name, value: flag ? '' : (options[++i] ?? '') });
  }
  return out;
}

function saveMatch(name: string, options: readonly string[]): string {
  const opts = pairs(options);
  const get = (n: string): { neg: boolean; name: string; value: string } | undefined => opts.find((o) => o.name === n);
  const bang = (o: { neg: boolean }): string => (o.neg ? ' !' : '');
  switch (name) {
    case 'comment': {
      const c = get('--comment');
      return c === undefined ? '' : ` --comment ${saveString(c.value)}`;
    }
    case 'statistic': {
      const p = get('--probability');
      if (get('--mode')?.value !== 'random' || p === undefined) break;
      // The kernel stores the probability as lround(p * 2^31) and prints it back divided.
      const stored = Math.round(Number(p.value) * 0x80000000) / 0x80000000;
      return ` --mode random${bang(p)} --probability ${formatFixed(stored, 11)}`;
    }
    case 'recent': {
      let out = '';
      for (const flag of ['--set', '--rcheck', '--update', '--remove']) if (get(flag) !== undefined) out += ` ${flag}`;
      const seconds = get('--seconds');
      if (seconds !== undefined) out += ` --seconds ${seconds.value}`;
      if (get('--reap') !== undefined) out += ' --reap';
      out += ` --name ${get('--name')?.value ?? 'DEFAULT'} --mask ${get('--mask')?.value ?? '255.255.255.255'}`;
      return `${out}${get('--rdest') !== undefined ? ' --rdest' : ' --rsource'}`;
    }
    case 'nfacct': {
      // libxt_nfacct prints " --nfacct-name " and then xtables_save_string adds its own
      // leading space: real iptables-save shows two spaces here.
      const n = get('--nfacct-name');
      if (n !== undefined) return ` --nfacct-name  ${saveString(n.value)}`;
      break;
    }
    default:
      break;
  }
  return opts.map((o) => `${bang(o)} ${o.name}${o.value === '' ? '' : ` ${o.value}`}`).join('');
}

function saveTarget(name: string, options: readonly string[]): string {
  const opts = pairs(options);
  if (name === 'MARK') {
    const or = opts.find((o) => o.name === '--or-mark');
    const xor = opts.find((o) => o.name === '--xor-mark');
    if (or !== undefined) return ` --set-xmark ${or.value}/${or.value}`;
    if (xor !== undefined) return ` --set-xmark ${xor.value}/0x0`;
  }
  if (name === 'REJECT' && opts.length === 0) return ' --reject-with icmp-port-unreachable';
  return opts.map((o) => ` ${o.name}${o.value === '' ? '' : ` ${o.value}`}`).join('');
}
