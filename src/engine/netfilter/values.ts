/**
 * Parsers for the option values iptables prints: ports, port lists, marks, protocols. Each
 * returns the value or an error string saying what was wrong — never a guess.
 */
import type { PortRange } from './model';

/** A parsed value or why it could not be parsed. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Wraps a value as a successful parse. */
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** Wraps an error message as a failed parse. */
export const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Parses one port number 0..65535 (service names are not resolved: we have no /etc/services). */
export function parsePort(text: string): Parsed<number> {
  if (!/^\d{1,5}$/.test(text)) return fail(`"${text}" is not a port number (service names are not resolved)`);
  const n = Number(text);
  return n <= 65535 ? ok(n) : fail(`port ${n} is above 65535`);
}

/** Parses "p", "a:b", ":b" or "a:" as tcp/udp --dport/--sport accept them. */
export function parsePortRange(text: string): Parsed<PortRange> {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text);
    return p.ok ? ok({ first: p.value, last: p.value }) : p;
  }
  const a = colon === 0 ? ok(0) : parsePort(text.slice(0, colon));
  const b = colon === text.length - 1 ? ok(65535) : parsePort(text.slice(colon + 1));
  if (!a.ok) return a;
  if (!b.ok) return b;
  // iptables swaps a reversed range silently (xtables_parse_port_range); so do we.
  return ok({ first: Math.min(a.value, b.value), last: Math.max(a.value, b.value) });
}

/** Parses a multiport list "80,443,8000:8080" (at most 15 ports, ranges counting twice). */
export function parsePortList(text: string): Parsed<PortRange[]> {
  const ranges: PortRange[] = [];
  let slots = 0;
  for (const item of text.split(',')) {
    const r = parsePortRange(item);
    if (!r.ok) return r;
    ranges.push(r.value);
    slots += r.value.first === r.value.last ? 1 : 2;
  }
  if (slots > 15) return fail(`multiport takes at most 15 ports, "${text}" has ${slots}`);
  return ok(ranges);
}

/** Parses an unsigned 32-bit number in decimal or 0x hex (marks, masks). */
export function parseU32(text: string): Parsed<number> {
  if (/^0x[0-9a-f]{1,8}$/i.test(text) || /^\d{1,10}$/.test(text)) {
    const n = Number(text);
    if (n <= 0xffffffff) return ok(n >>> 0);
  }
  return fail(`"${text}" is not a 32-bit number`);
}

/** Parses "value[/mask]" with the mask defaulting to 0xffffffff. */
export function parseValueMask(text: string): Parsed<{ value: number; mask: number; hasMask: boolean }> {
  const slash = text.indexOf('/');
  const value = parseU32(slash < 0 ? text : text.slice(0, slash));
  if (!value.ok) return value;
  if (slash < 0) return ok({ value: value.value, mask: 0xffffffff, hasMask: false });
  const mask = parseU32(text.slice(slash + 1));
  if (!mask.ok) return mask;
  return ok({ value: value.value, mask: mask.value, hasMask: true });
}

/** Parses a non-negative integer, with a name for the error message. */
export function parseCount(text: string, what: string): Parsed<number> {
  if (!/^\d{1,10}$/.test(text)) return fail(`${what} "${text}" is not a whole number`);
  return ok(Number(text));
}

const PROTOCOLS: Readonly<Record<string, number>> = {
  all: 0,
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  gre: 47,
  esp: 50,
  ah: 51,
  icmpv6: 58,
  'ipv6-icmp': 58,
  sctp: 132,
  udplite: 136,
};

/** Parses `-p` (a name from iptables' table or a number 0..255). */
export function parseProtocol(text: string): Parsed<number> {
  const lower = text.toLowerCase();
  const known = PROTOCOLS[lower];
  if (known !== undefined) return ok(known);
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return ok(Number(text));
  return fail(`unknown protocol "${text}"`);
}

/** The name iptables-save prints for a protocol number. */
export function protocolName(n: number): string {
  for (const [name, value] of Object.entries(PROTOCOLS)) if (value === n) return name;
  return String(n);
}

/** Whether a port lies in any of the ranges. */
export function portInRanges(port: number, ranges: readonly PortRange[]): boolean {
  for (const r of ranges) if (port >= r.first && port <= r.last) return true;
  return false;
}
