/**
 * What the page shows as soon as rules are pasted or loaded — their format, size in lines and
 * bytes, where each line starts (for the windowed rules view), and the LOCAL-address and
 * target guess — computed in the worker, so a 1,000,000-line paste never blocks the page.
 * Every step is linear in the text's size, whatever the text (crafted input included).
 */
import { MAX_INPUT_BYTES } from '../../text/limits';
import { detectFormat, type DumpFormat } from './formats';
import { guessFromDump, type DumpGuess } from './guess';

/** The facts of one text. */
export interface DumpInfo {
  readonly format: DumpFormat;
  readonly lines: number;
  /** Size in UTF-8 bytes. */
  readonly bytes: number;
  /** Larger than MAX_INPUT_BYTES: nothing else was read. */
  readonly tooBig: boolean;
  /** Offset of each line's first character (lines end with \n, \r\n or a lone \r). */
  readonly lineStarts: Uint32Array;
  readonly guess: DumpGuess;
}

/** UTF-8 length of `text`, stopping once past `stop`. */
export function utf8Length(text: string, stop = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Start offsets of the lines of `text` (none for ""); a final line break opens no new line. */
export function lineStarts(text: string): Uint32Array {
  if (text === '') return new Uint32Array(0);
  let out = new Uint32Array(1024);
  let n = 0;
  const push = (at: number): void => {
    if (n === out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = at;
  };
  push(0);
  // The next \n and \r, each searched again only once passed: linear whatever the mix.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    // \r\n counts once; a lone \r is a line break too.
    const at = cr >= 0 && (lf < 0 || cr < lf) ? (text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1) : lf + 1;
    if (at < text.length) push(at);
    if (lf >= 0 && lf < at) lf = text.indexOf('\n', at);
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
  }
  return out.slice(0, n);
}

const NO_GUESS: DumpGuess = { localIPs: ['127.0.0.1'], target: null };

/** The facts of rules `bytes` long, beyond MAX_INPUT_BYTES: only their size (nothing was read). */
export function tooBigInfo(bytes: number): DumpInfo {
  return { format: 'unknown', lines: 0, bytes, tooBig: true, lineStarts: new Uint32Array(0), guess: NO_GUESS };
}

/** The facts of `text` (see DumpInfo). */
export function inspectDump(text: string): DumpInfo {
  const bytes = utf8Length(text, MAX_INPUT_BYTES);
  if (bytes > MAX_INPUT_BYTES) return tooBigInfo(bytes);
  const starts = lineStarts(text);
  const format = detectFormat(text);
  const guess = format === 'empty' || format === 'iptables-list' ? NO_GUESS : guessFromDump(text);
  return { format, lines: starts.length, bytes, tooBig: false, lineStarts: starts, guess };
}
