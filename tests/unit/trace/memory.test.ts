import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $dumpText, $packet, emptyPacket } from '../../../src/stores/traceInput';
import {
  $remember,
  $rememberFailed,
  MEMORY_KEY,
  restoreMemory,
  saveMemory,
  setRemember,
  watchMemory,
  type StorageLike,
} from '../../../src/stores/traceMemory';

/** An in-memory Storage that can be made to refuse writes. */
function fakeStorage(quota = Infinity): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

beforeEach(() => {
  $dumpText.set('');
  $packet.set({ ...emptyPacket });
  $remember.set(false);
  $rememberFailed.set(null);
});
afterEach(() => vi.useRealTimers());

describe('remember', () => {
  it('stores nothing while off, even when asked to save or when fields change', () => {
    vi.useFakeTimers();
    const store = fakeStorage();
    const stop = watchMemory(10, store);
    $dumpText.set('*nat\nCOMMIT\n');
    $packet.setKey('port', '80');
    saveMemory(store);
    vi.advanceTimersByTime(100);
    stop();
    expect(store.data.size).toBe(0);
  });

  it('saves on turning on and after edits, restores, and deletes on turning off', () => {
    vi.useFakeTimers();
    const store = fakeStorage();
    const stop = watchMemory(10, store);
    $dumpText.set('*nat\nCOMMIT\n');
    setRemember(true, store);
    expect(JSON.parse(store.data.get(MEMORY_KEY) ?? '{}').text).toBe('*nat\nCOMMIT\n');
    $packet.setKey('port', '8443');
    vi.advanceTimersByTime(20);
    expect(JSON.parse(store.data.get(MEMORY_KEY) ?? '{}').packet.port).toBe('8443');
    stop();

    $dumpText.set('');
    $packet.set({ ...emptyPacket });
    $remember.set(false);
    restoreMemory(store);
    expect($remember.get()).toBe(true);
    expect($dumpText.get()).toBe('*nat\nCOMMIT\n');
    expect($packet.get().port).toBe('8443');

    setRemember(false, store);
    expect(store.data.size).toBe(0);
  });

  it('says when the rules are too big to keep, and keeps nothing half-written', () => {
    const store = fakeStorage(1000);
    $dumpText.set('x'.repeat(5000));
    setRemember(true, store);
    expect($rememberFailed.get()).toMatch(/MB$/);
    expect(store.data.size).toBe(0);
  });

  it('removes a damaged entry instead of failing', () => {
    for (const bad of [
      'not json',
      '{"text": 1}',
      '{"text":"a","packet":{"src":"1","dst":"2","port":"3","local":"4","protocol":"gre"}}',
    ]) {
      const store = fakeStorage();
      store.data.set(MEMORY_KEY, bad);
      restoreMemory(store);
      expect(store.data.size).toBe(0);
      expect($remember.get()).toBe(false);
    }
  });

  it('copes with storage that throws on every call', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => restoreMemory(broken)).not.toThrow();
    expect(() => setRemember(true, broken)).not.toThrow();
    expect(() => setRemember(false, broken)).not.toThrow();
  });
});
