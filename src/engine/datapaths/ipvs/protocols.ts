import type { VirtualServer } from './virtualServers';

/** IP protocol numbers IPVS balances, by the name virtual servers use. */
export const PROTO: Readonly<Record<number, VirtualServer['protocol']>> = { 6: 'TCP', 17: 'UDP', 132: 'SCTP' };

/** Seconds a closed connection stays inactive (ip_vs_proto_tcp.c / ip_vs_proto_udp.c default timeouts). */
export const TIME_WAIT = { TCP: 120, UDP: 300, SCTP: 120 } as const;
