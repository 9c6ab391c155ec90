/**
 * Guesses from a dump what the page can pre-fill: the node's own addresses and a packet
 * worth tracing. kube-proxy's iptables mode names node addresses only in a few places — `-d`
 * of the rules that send traffic to KUBE-NODEPORTS when nodePortAddresses is set, and the
 * localhost NodePort rule (127.0.0.0/8) — so the guess is often just 127.0.0.1 and the reader
 * adds the node IP; its nftables mode lists them in the nodeport-ips set. Everything guessed
 * stays editable.
 */
import { formatAddress, parseAddress, parseIPv4, parsePrefix } from '../../engine/rules';
import { detectFormat } from './formats';
import { nftGuess } from './nft';

/** What could be guessed. */
export interface DumpGuess {
  /** Node addresses seen in the rules (non-loopback first), always with the loopback (127.0.0.1, or ::1 for IPv6 rules). */
  readonly localIPs: readonly string[];
  /** A NodePort (or else a cluster IP) to send the packet to, when the dump has one. */
  readonly target: {
    readonly ip: string | null;
    readonly port: number;
    readonly protocol: 'tcp' | 'udp' | 'sctp';
  } | null;
}

const MAX_GUESSES = 16;
// Quoted words (comments) may say anything, "-d" included; they are blanked before reading.
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

function wordAfter(words: readonly string[], flag: string): string | null {
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === flag && words[i - 1] !== '!') return words[i + 1] as string;
  }
  return null;
}

/** A single address from "-d 10.0.0.1" or "-d 10.0.0.1/32"; null for wider prefixes. */
function hostAddress(word: string | null): string | null {
  if (word === null) return null;
  const v6 = word.includes(':');
  const prefix = parsePrefix(word.includes('/') ? word : `${word}/${v6 ? 128 : 32}`);
  if (!prefix) return null;
  if (prefix.length === (v6 ? 128 : 32)) return formatAddress(prefix.addr);
  // The localhost NodePort rule matches 127.0.0.0/8; 127.0.0.1 is the address in it.
  if (word === '127.0.0.0/8') return '127.0.0.1';
  return null;
}

function protocolOf(words: readonly string[]): 'tcp' | 'udp' | 'sctp' {
  const p = wordAfter(words, '-p');
  return p === 'udp' || p === 'sctp' ? p : 'tcp';
}

/**
 * The lines of `text` that append to `chain`, found by searching for "-A CHAIN " rather than
 * splitting every line: a 100,000-line dump is read in a few milliseconds. Each line is looked
 * at once (the search resumes after it), so a crafted line repeating the needle stays linear.
 */
function* rulesOf(text: string, chain: string): Generator<string> {
  const needle = `-A ${chain} `;
  for (let at = text.indexOf(needle); at >= 0;) {
    const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const cr = text.indexOf('\r', at);
    if (cr >= 0 && cr < lineEnd) lineEnd = cr;
    // Only whitespace or a "[pkts:bytes]" counter may come before the command.
    if (at - lineStart <= 64 && /^\s*(\[\d+:\d+\]\s+)?$/.test(text.slice(lineStart, at)) && lineEnd - at <= 4096)
      yield text.slice(at, lineEnd).trim();
    at = text.indexOf(needle, lineEnd);
  }
}

/** Guesses the node's addresses and a target from `text` (any size; only two chains are read). */
export function guessFromDump(text: string): DumpGuess {
  if (detectFormat(text) === 'nft') {
    // kube-proxy's nft mode lists node addresses in @nodeport-ips and targets in its maps.
    const g = nftGuess(text);
    // A `table ip6` ruleset is IPv6's: its loopback is ::1.
    const v6 = /^\s*(add )?table ip6 /m.test(text) || g.localIPs.some((ip) => ip.includes(':'));
    const localIPs = [...g.localIPs.filter((ip) => !isLoopback(ip)), v6 ? '::1' : '127.0.0.1'];
    const target = g.nodePort ? { ip: localIPs.find((ip) => !isLoopback(ip)) ?? null, ...g.nodePort } : g.clusterIP;
    return { localIPs, target };
  }
  const found = new Set<string>();
  let nodePort: { port: number; protocol: 'tcp' | 'udp' | 'sctp' } | null = null;
  let clusterIP: { ip: string; port: number; protocol: 'tcp' | 'udp' | 'sctp' } | null = null;
  for (const line of rulesOf(text, 'KUBE-SERVICES')) {
    const words = line.replace(QUOTED, '""').split(/\s+/);
    const target = wordAfter(words, '-j');
    const dst = hostAddress(wordAfter(words, '-d'));
    const port = Number(wordAfter(words, '--dport') ?? NaN);
    if (target === 'KUBE-NODEPORTS' && dst && found.size < MAX_GUESSES) found.add(dst);
    if (!clusterIP && dst && Number.isInteger(port) && target !== 'KUBE-NODEPORTS')
      clusterIP = { ip: dst, port, protocol: protocolOf(words) };
  }
  for (const line of rulesOf(text, 'KUBE-NODEPORTS')) {
    const words = line.replace(QUOTED, '""').split(/\s+/);
    const dst = hostAddress(wordAfter(words, '-d'));
    const port = Number(wordAfter(words, '--dport') ?? NaN);
    if (dst && found.size < MAX_GUESSES) found.add(dst);
    if (!nodePort && Number.isInteger(port)) nodePort = { port, protocol: protocolOf(words) };
    if (nodePort && found.has('127.0.0.1')) break;
  }
  // An ip6tables-save dump's loopback is ::1 (kube-proxy writes no localhost NodePort rule for IPv6).
  const v6 =
    /^#\s*Generated by ip6tables-save/m.test(text) || [...found, clusterIP?.ip ?? ''].some((ip) => ip.includes(':'));
  found.add(v6 ? '::1' : '127.0.0.1');
  const localIPs = [...found].sort((a, b) => Number(isLoopback(a)) - Number(isLoopback(b)));
  const primary = localIPs.find((ip) => !isLoopback(ip)) ?? null;
  const target = nodePort ? { ip: primary, ...nodePort } : clusterIP;
  return { localIPs, target };
}

/** True for 127.0.0.0/8 and ::1. */
export function isLoopback(ip: string): boolean {
  if (ip.includes(':')) return parseAddress(ip) === 1n;
  const v = parseIPv4(ip);
  return v !== null && v >>> 24 === 127;
}
