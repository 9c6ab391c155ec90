/**
 * What the reader has typed on the trace page: the dump and the packet fields, plus the
 * pre-filling from the dump (LOCAL addresses and a target) that never overrides what the
 * reader chose — except when they ask for it with "guess from the rules".
 */
import { atom, map } from 'nanostores';
import { parseAddress } from '../engine/rules';
import type { DumpGuess } from '../workers/trace/guess';
import type { TraceProtocol } from '../workers/trace/protocol';
import { $dumpInfo, inspectText } from './traceInspect';

/** The packet fields as typed. */
export interface PacketFields {
  src: string;
  dst: string;
  port: string;
  protocol: TraceProtocol;
  local: string;
  runCount: number;
}

/** Fields of a fresh page: an outside client, nothing else guessed yet. */
export const emptyPacket: PacketFields = {
  src: '203.0.113.10',
  dst: '',
  port: '',
  protocol: 'tcp',
  local: '127.0.0.1',
  runCount: 10_000,
};

/** The page's example: a node's dump in either mode and the packet that goes with it. */
export interface TraceExample {
  readonly iptables: string;
  readonly nft: string;
  /** Built with the dumps from the same cluster, so the packet always fits them. */
  readonly packet: Omit<PacketFields, 'runCount'>;
}

/** The pasted dump. */
export const $dumpText = atom('');
/**
 * True when the dump was loaded without going through the text area (a large paste, drop or
 * file): the page then shows "rules loaded: N lines" and a windowed view instead of the text.
 */
export const $dumpDetached = atom(false);
/** The packet fields. */
export const $packet = map<PacketFields>({ ...emptyPacket });
/** True once the reader edited the LOCAL field themselves: guesses then leave it alone. */
export const $localTouched = atom(false);
/** What the last guess found, for the note under the LOCAL field. */
export const $guessNote = atom<{ readonly found: readonly string[] } | null>(null);

/** Sets one packet field as the reader typed it. */
export function setPacketField<K extends keyof PacketFields>(key: K, value: PacketFields[K]): void {
  if (key === 'local') $localTouched.set(true);
  // nanostores types setKey through a conditional type TypeScript cannot narrow generically.
  $packet.setKey(key, value as never);
}

/**
 * Pre-fills from a guess (made in the worker from the rules): LOCAL addresses (unless the
 * reader set them, or `force`), and the destination when it is empty (or `force`).
 */
export function applyGuess(guess: DumpGuess, force: boolean): void {
  const packet = $packet.get();
  const nodeIPs = guess.localIPs.filter((ip) => !LOOPBACK.test(ip));
  $guessNote.set({ found: nodeIPs });
  if (force || !$localTouched.get()) {
    // Keep node addresses the reader typed; the dump may simply not name them. An untouched
    // field holds only defaults or an earlier guess (IPv4 ones beside an IPv6 dump's): replaced.
    const typed = $localTouched.get() ? localList(packet.local) : [];
    const kept = typed.filter((ip) => !guess.localIPs.includes(ip));
    $packet.setKey(
      'local',
      [
        ...guess.localIPs.filter((ip) => !LOOPBACK.test(ip)),
        ...kept,
        ...guess.localIPs.filter((ip) => LOOPBACK.test(ip)),
      ].join(', '),
    );
  }
  const target = guess.target;
  if (target && (force || packet.port.trim() === '')) {
    $packet.setKey('port', String(target.port));
    $packet.setKey('protocol', target.protocol);
    if (target.ip) $packet.setKey('dst', target.ip);
  }
}

/** Guesses again from the current rules, overriding the fields ("guess from the rules"). */
export function guessAgain(): void {
  const inspected = $dumpInfo.get();
  if (inspected && inspected.text === $dumpText.get()) applyGuess(inspected.info.guess, true);
}

/**
 * Replaces the dump; `loaded` (paste, file, restore) also pre-fills from it once the worker
 * has read it; `detached` when the text does not live in the text area; `file` when it was
 * read from one (the worker then reads the file rather than receiving a copy of the text).
 */
export function setDumpText(text: string, loaded: boolean, detached = false, file?: Blob): void {
  $dumpText.set(text);
  $dumpDetached.set(detached);
  inspectText(text, loaded ? (info) => $dumpText.get() === text && applyGuess(info.guess, false) : undefined, file);
}

/** The LOCAL field's addresses as typed (separated by blanks or commas). */
function localList(local: string): string[] {
  return local.split(/[\s,]+/).filter((ip) => ip !== '');
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/**
 * True when the packet starts on the node itself: its source is one of the LOCAL addresses
 * (compared as addresses: "FD00::12" is fd00::12), in 127.0.0.0/8 or ::1. The worker decides
 * the same way (pipeline.ts), so the box and the trace agree.
 */
export function sentFromNode(packet: PacketFields): boolean {
  const src = packet.src.trim();
  if (LOOPBACK.test(src)) return true;
  const address = parseAddress(src);
  return address !== null && localList(packet.local).some((ip) => parseAddress(ip) === address);
}

/** The outside source the reader had before ticking "sent from this node", given back on unticking. */
let clientSource = emptyPacket.src;

/**
 * Ticks or unticks "sent from this node": the source becomes the node's first LOCAL address of
 * the destination's family that is not loopback (a real process's usual source), or the
 * outside client's again.
 */
export function setSentFromNode(on: boolean): void {
  const packet = $packet.get();
  if (on === sentFromNode(packet)) return;
  if (on) {
    clientSource = packet.src;
    const local = localList(packet.local);
    // A source of the destination's family: a connection stays in one family.
    const v6 = packet.dst.includes(':');
    const ofFamily = local.filter((ip) => ip.includes(':') === v6);
    $packet.setKey('src', ofFamily.find((ip) => !LOOPBACK.test(ip)) ?? ofFamily[0] ?? (v6 ? '::1' : '127.0.0.1'));
  } else {
    $packet.setKey('src', clientSource === packet.src || clientSource.trim() === '' ? emptyPacket.src : clientSource);
  }
}

/** Loads an example dump and the packet that goes with it. */
export function loadExample(text: string, packet: TraceExample['packet']): void {
  $dumpText.set(text);
  $dumpDetached.set(false);
  inspectText(text);
  $packet.set({ ...packet, runCount: $packet.get().runCount });
  $localTouched.set(false);
  $guessNote.set(null);
}

/** Empties the dump and forgets guesses. */
export function clearDump(): void {
  $dumpText.set('');
  $dumpDetached.set(false);
  inspectText('');
  $localTouched.set(false);
  $guessNote.set(null);
}
