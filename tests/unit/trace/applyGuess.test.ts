/** Pre-filling the trace page's LOCAL field from a guess: what the reader typed stays, defaults do not. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  $guessNote,
  $localTouched,
  $packet,
  applyGuess,
  emptyPacket,
  setPacketField,
} from '../../../src/stores/traceInput';

const v4 = { localIPs: ['192.168.10.11', '127.0.0.1'], target: null };
const v6 = { localIPs: ['fd00:10::12', '::1'], target: null };

beforeEach(() => {
  $packet.set({ ...emptyPacket });
  $localTouched.set(false);
  $guessNote.set(null);
});

describe('a guess fills LOCAL', () => {
  it('replaces an untouched field whole: no IPv4 default beside an IPv6 dump’s addresses', () => {
    expect($packet.get().local).toBe('127.0.0.1');
    applyGuess(v6, false);
    expect($packet.get().local).toBe('fd00:10::12, ::1');
    expect($guessNote.get()).toEqual({ found: ['fd00:10::12'] });
  });

  it('replaces an earlier guess when another dump is pasted', () => {
    applyGuess(v4, false);
    expect($packet.get().local).toBe('192.168.10.11, 127.0.0.1');
    applyGuess(v6, false);
    expect($packet.get().local).toBe('fd00:10::12, ::1');
  });

  it('leaves a field the reader typed alone, unless asked to guess again; then keeps what they typed', () => {
    setPacketField('local', '10.1.1.1');
    applyGuess(v4, false);
    expect($packet.get().local).toBe('10.1.1.1');
    applyGuess(v4, true);
    expect($packet.get().local).toBe('192.168.10.11, 10.1.1.1, 127.0.0.1');
  });

  it('does not list an address twice when the reader typed one the guess also found', () => {
    setPacketField('local', '192.168.10.11 10.1.1.1');
    applyGuess(v4, true);
    expect($packet.get().local).toBe('192.168.10.11, 10.1.1.1, 127.0.0.1');
  });
});
