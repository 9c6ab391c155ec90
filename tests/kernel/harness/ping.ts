import type { EchoResult, Simulation, Source } from '../../../src/engine/simulate';
import { inNetns, run } from './exec';
import type { KernelCluster } from './kernelCluster';

/**
 * Pings through the namespace cluster with the real `ping` (iputils, Debian package
 * iputils-ping) and reads its lines back into the engine's terms: echo replies by the address
 * they came from, ICMP errors by sender and ping's own words, and nothing at all.
 */

/** Whether `ping` can run here ("" when it can), for the suite's skip reason. */
export function pingReason(): string {
  return run(['ping', '-V'], { allowFailure: true }).status === 0
    ? ''
    : '`ping` is not installed (apt-get install iputils-ping)';
}

/** What ping printed, tallied: "reply from IP" / "From IP: <error>" → how many. */
export type PingTally = ReadonlyMap<string, number>;

/** ping's words for an ICMP destination-unreachable code (iputils ping4_common.c pr_icmph). */
const UNREACHABLE_TEXT: Readonly<Record<number, string>> = {
  0: 'Destination Net Unreachable',
  1: 'Destination Host Unreachable',
  2: 'Destination Protocol Unreachable',
  3: 'Destination Port Unreachable',
  9: 'Destination Net Prohibited',
  10: 'Destination Host Prohibited',
  13: 'Packet filtered',
};

/** ping's words for an ICMPv6 destination-unreachable code (iputils ping6_common.c print_icmp). */
const UNREACHABLE_TEXT_V6: Readonly<Record<number, string>> = {
  0: 'Destination unreachable: No route',
  1: 'Destination unreachable: Administratively prohibited',
  2: 'Destination unreachable: Beyond scope of source address',
  3: 'Destination unreachable: Address unreachable',
  4: 'Destination unreachable: Port unreachable',
};

/** The tally the engine's echo result predicts for `count` requests (empty: no answer). */
export function expectedTally(echo: EchoResult, count: number): PingTally {
  if (echo.kind === 'reply') return new Map([[`reply from ${echo.from}`, count]]);
  const tally = new Map<string, number>();
  if (echo.kind === 'unreachable') {
    const words = (echo.type === 1 ? UNREACHABLE_TEXT_V6 : UNREACHABLE_TEXT)[echo.code];
    tally.set(`From ${echo.from}: ${words ?? `code ${echo.code}`}`, count);
    if (echo.sendFails) tally.set('ping: sendmsg: Operation not permitted', count);
  }
  return tally;
}

/** Reads ping's output: replies, per-packet errors and send errors; statistics lines are skipped. */
export function tallyPing(output: string): PingTally {
  const tally = new Map<string, number>();
  const add = (key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);
  for (const line of output.split('\n')) {
    // A redirect ("From 192.168.10.12: icmp_seq=1 Redirect Host(New nexthop: …)") is a router's
    // advice to the sender, not an answer to the ping: a node forwarding a client's request back
    // out of the LAN interface it came in on sends one (the engine does not model redirects).
    // ping -6 never shows them (its ICMPv6 filter passes echo replies and errors only).
    if (/^From \S+ icmp_seq=\d+ Redirect /.test(line)) continue;
    const reply = /^\d+ bytes from ([\da-f.:]+): icmp_seq=/.exec(line);
    const error = /^From ([\da-f.:]+) icmp_seq=\d+ (.+)$/.exec(line);
    if (reply) add(`reply from ${reply[1]}`);
    else if (error) add(`From ${error[1]}: ${error[2]}`);
    else if (/^ping: /.test(line)) add(line);
  }
  return tally;
}

/**
 * Sends `count` echo requests from `from` to `ip` (0.2 s apart, waiting 1 s for the last) and
 * tallies what came back. A client is routed through its `via` node first, as probes are.
 */
export function pingFrom(kernel: KernelCluster, from: Source, ip: string, count: number): PingTally {
  const { netns, bind } = kernel.locate(from);
  if (from.kind === 'client') kernel.routeClientVia(from.via);
  const argv = ['ping', '-n', '-c', String(count), '-i', '0.2', '-W', '1', ...(bind ? ['-I', bind] : []), ip];
  const result = run(inNetns(netns, argv), { allowFailure: true });
  return tallyPing(`${result.stdout}\n${result.stderr}`);
}

/** The engine's answer to the same ping: one exact outcome, as every ICMP walk has. */
export function engineEcho(simulation: Simulation, from: Source, ip: string): EchoResult {
  const outcomes = simulation.exact({ from, to: { ip }, protocol: 'icmp' }, { trace: false });
  const echo = outcomes[0]?.result.echo;
  if (outcomes.length !== 1 || echo === undefined)
    throw new Error(`the engine gave ${outcomes.length} outcomes for a ping, expected one with an echo result`);
  return echo;
}
