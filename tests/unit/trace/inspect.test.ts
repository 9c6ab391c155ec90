/** The worker's first look at pasted text: format, lines, bytes, line starts and the guess — linear on any text. */
import { describe, expect, it } from 'vitest';
import { inspectDump, lineStarts, utf8Length } from '../../../src/workers/trace/inspect';
import { guessFromDump } from '../../../src/workers/trace/guess';
import { bounceRules } from './helpers';

describe('inspectDump', () => {
  it('counts lines ended by \\n, \\r\\n or a lone \\r, as the engine reads them', () => {
    expect([...lineStarts('a\nb\r\nc\rd')]).toEqual([0, 2, 5, 7]);
    expect([...lineStarts('a\n')]).toEqual([0]);
    expect(lineStarts('').length).toBe(0);
    const cr = bounceRules().replace(/\n/g, '\r');
    expect(inspectDump(cr).lines).toBe(inspectDump(bounceRules()).lines);
  });

  it('measures UTF-8 bytes and guesses like the page did', () => {
    expect(utf8Length('a노드😀')).toBe(1 + 6 + 4);
    const info = inspectDump(bounceRules());
    expect(info.format).toBe('iptables-save');
    expect(info.guess).toEqual(guessFromDump(bounceRules()));
  });

  it('stays linear on text crafted to slow the guess (one long line repeating the needle)', () => {
    const crafted = `*filter\n${'x -A KUBE-SERVICES '.repeat(100_000)}`;
    const nft = 'set nodeport-ips {'.repeat(100_000);
    const t = performance.now();
    inspectDump(crafted);
    inspectDump(nft);
    // Quadratic code took seconds on 2 MB; linear code takes milliseconds. A generous bound
    // for a shared machine, far below what the old code needed.
    expect(performance.now() - t).toBeLessThan(3_000);
  });
});
