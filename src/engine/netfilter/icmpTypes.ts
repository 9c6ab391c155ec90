/**
 * ICMP and ICMPv6 message types as rules name them: iptables' `-m icmp --icmp-type`,
 * ip6tables' `-m icmp6 --icmpv6-type` (a name, a number, or "type/code"), and nft's
 * `icmp type` / `icmpv6 type`. The engine walks one kind of ICMP packet, a ping: the echo
 * request (ICMP 8, ICMPv6 128) and its reply (0, 129), both with code 0, so a match is a
 * comparison of the packet's type, and of code 0 with the rule's code range.
 */
import type { Packet } from './packet';

/** A type with the codes a rule accepts (the whole 0–255 range when it names none). */
export interface IcmpTypeMatch {
  readonly type: number;
  readonly codeMin: number;
  readonly codeMax: number;
}

/** The echo request's type in each family (what a walked ping sends). */
export const ECHO_REQUEST: Readonly<Record<4 | 6, number>> = { 4: 8, 6: 128 };
/** The echo reply's type in each family (what comes back). */
export const ECHO_REPLY: Readonly<Record<4 | 6, number>> = { 4: 0, 6: 129 };

const ANY_CODE = [0, 255] as const;

/**
 * The test of an iptables icmp / icmp6 match (`type` null: any). Only a ping is walked as
 * ICMP, an echo request or reply of code 0; the module loads only with -p icmp / -p
 * ipv6-icmp, so a negation stays within the protocol.
 */
export function icmpTest(family: 4 | 6, type: IcmpTypeMatch | null, negated: boolean): (p: Packet) => boolean {
  const proto = family === 4 ? 1 : 58;
  const holds = (p: Packet): boolean => type === null || (p.icmpType === type.type && type.codeMin === 0);
  return (p) => p.proto === proto && holds(p) !== negated;
}

// libxt_icmp.c's icmp_codes table (names iptables accepts; iptables-save prints numbers).
const IPTABLES_ICMP: Readonly<Record<string, readonly [number, number, number]>> = {
  'echo-reply': [0, ...ANY_CODE],
  pong: [0, ...ANY_CODE],
  'destination-unreachable': [3, ...ANY_CODE],
  'network-unreachable': [3, 0, 0],
  'host-unreachable': [3, 1, 1],
  'protocol-unreachable': [3, 2, 2],
  'port-unreachable': [3, 3, 3],
  'fragmentation-needed': [3, 4, 4],
  'source-route-failed': [3, 5, 5],
  'network-unknown': [3, 6, 6],
  'host-unknown': [3, 7, 7],
  'network-prohibited': [3, 9, 9],
  'host-prohibited': [3, 10, 10],
  'TOS-network-unreachable': [3, 11, 11],
  'TOS-host-unreachable': [3, 12, 12],
  'communication-prohibited': [3, 13, 13],
  'host-precedence-violation': [3, 14, 14],
  'precedence-cutoff': [3, 15, 15],
  'source-quench': [4, ...ANY_CODE],
  redirect: [5, ...ANY_CODE],
  'echo-request': [8, ...ANY_CODE],
  ping: [8, ...ANY_CODE],
  'router-advertisement': [9, ...ANY_CODE],
  'router-solicitation': [10, ...ANY_CODE],
  'time-exceeded': [11, ...ANY_CODE],
  'ttl-exceeded': [11, ...ANY_CODE],
  'parameter-problem': [12, ...ANY_CODE],
  'timestamp-request': [13, ...ANY_CODE],
  'timestamp-reply': [14, ...ANY_CODE],
  'address-mask-request': [17, ...ANY_CODE],
  'address-mask-reply': [18, ...ANY_CODE],
};

// libip6t_icmp6.c's icmpv6_codes table.
const IPTABLES_ICMPV6: Readonly<Record<string, readonly [number, number, number]>> = {
  'destination-unreachable': [1, ...ANY_CODE],
  'no-route': [1, 0, 0],
  'communication-prohibited': [1, 1, 1],
  'beyond-scope': [1, 2, 2],
  'address-unreachable': [1, 3, 3],
  'port-unreachable': [1, 4, 4],
  'failed-policy': [1, 5, 5],
  'reject-route': [1, 6, 6],
  'packet-too-big': [2, ...ANY_CODE],
  'time-exceeded': [3, ...ANY_CODE],
  'ttl-exceeded': [3, ...ANY_CODE],
  'ttl-zero-during-transit': [3, 0, 0],
  'ttl-zero-during-reassembly': [3, 1, 1],
  'parameter-problem': [4, ...ANY_CODE],
  'bad-header': [4, 0, 0],
  'unknown-header-type': [4, 1, 1],
  'unknown-option': [4, 2, 2],
  'echo-request': [128, ...ANY_CODE],
  ping: [128, ...ANY_CODE],
  'echo-reply': [129, ...ANY_CODE],
  pong: [129, ...ANY_CODE],
  'router-solicitation': [133, ...ANY_CODE],
  'router-advertisement': [134, ...ANY_CODE],
  'neighbour-solicitation': [135, ...ANY_CODE],
  'neighbor-solicitation': [135, ...ANY_CODE],
  'neighbour-advertisement': [136, ...ANY_CODE],
  'neighbor-advertisement': [136, ...ANY_CODE],
  redirect: [137, ...ANY_CODE],
};

/**
 * An `--icmp-type` (family 4) or `--icmpv6-type` (6) argument: "any" (null: every type), a
 * name, a number, or "type/code". Undefined when it is none of these.
 */
export function parseIptablesIcmpType(text: string, family: 4 | 6): IcmpTypeMatch | null | undefined {
  if (family === 4 && text === 'any') return null;
  const named = (family === 4 ? IPTABLES_ICMP : IPTABLES_ICMPV6)[text];
  if (named) return { type: named[0], codeMin: named[1], codeMax: named[2] };
  const m = /^(\d{1,3})(?:\/(\d{1,3}))?$/.exec(text);
  if (!m) return undefined;
  const type = Number(m[1]);
  const code = m[2] === undefined ? null : Number(m[2]);
  if (type > 255 || (code !== null && code > 255)) return undefined;
  return code === null ? { type, codeMin: 0, codeMax: 255 } : { type, codeMin: code, codeMax: code };
}

/** nft's `icmp type` names (the icmp_type datatype). */
export const NFT_ICMP_TYPES: Readonly<Record<string, number>> = {
  'echo-reply': 0,
  'destination-unreachable': 3,
  'source-quench': 4,
  redirect: 5,
  'echo-request': 8,
  'router-advertisement': 9,
  'router-solicitation': 10,
  'time-exceeded': 11,
  'parameter-problem': 12,
  'timestamp-request': 13,
  'timestamp-reply': 14,
  'info-request': 15,
  'info-reply': 16,
  'address-mask-request': 17,
  'address-mask-reply': 18,
};

/** nft's `icmpv6 type` names (the icmpv6_type datatype). */
export const NFT_ICMPV6_TYPES: Readonly<Record<string, number>> = {
  'destination-unreachable': 1,
  'packet-too-big': 2,
  'time-exceeded': 3,
  'parameter-problem': 4,
  'echo-request': 128,
  'echo-reply': 129,
  'mld-listener-query': 130,
  'mld-listener-report': 131,
  'mld-listener-done': 132,
  'mld-listener-reduction': 132,
  'nd-router-solicit': 133,
  'nd-router-advert': 134,
  'nd-neighbor-solicit': 135,
  'nd-neighbor-advert': 136,
  'nd-redirect': 137,
  'router-renumbering': 138,
  'ind-neighbor-solicit': 141,
  'ind-neighbor-advert': 142,
  'mld2-listener-report': 143,
};

/** nft's `icmp code` names (icmp_code datatype; `nft list ruleset` prints code 0 as net-unreachable). */
export const NFT_ICMP_CODES: Readonly<Record<string, number>> = {
  'net-unreachable': 0,
  'host-unreachable': 1,
  'prot-unreachable': 2,
  'port-unreachable': 3,
  'frag-needed': 4,
  'net-prohibited': 9,
  'host-prohibited': 10,
  'admin-prohibited': 13,
};

/** nft's `icmpv6 code` names (icmpv6_code datatype). */
export const NFT_ICMPV6_CODES: Readonly<Record<string, number>> = {
  'no-route': 0,
  'admin-prohibited': 1,
  'addr-unreachable': 3,
  'port-unreachable': 4,
  'policy-fail': 5,
  'reject-route': 6,
};
