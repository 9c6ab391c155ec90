/**
 * Advance widths from a TrueType/OpenType font file, so card text can be wrapped before it is
 * rasterised (SVG has no line wrapping). Reads only what that needs: `head` (units per em),
 * `hhea` + `hmtx` (advances) and `cmap` (format 4 or 12). Kerning is ignored, which makes the
 * measured width a little wider than the drawn one: wrapping errs on the safe side.
 */

/** Measures text set in one font. */
export interface FontMetrics {
  /** Width of `text` at `size` px, in px. */
  width(text: string, size: number): number;
  /** True when the font has a glyph for the code point. */
  covers(codePoint: number): boolean;
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** Reads the font in `bytes`; `name` only labels error messages. */
export function readFontMetrics(bytes: Uint8Array, name: string): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view, name);
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new Error(`font ${name}: no "${tag}" table (is it a TrueType/OpenType file?)`);
    return record;
  };
  const unitsPerEm = view.getUint16(table('head').offset + 18);
  const numberOfHMetrics = view.getUint16(table('hhea').offset + 34);
  const hmtx = table('hmtx').offset;
  const glyphOf = readCmap(view, table('cmap').offset, name);
  const advanceOf = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  return {
    width(text, size) {
      let units = 0;
      for (const char of text) units += advanceOf(glyphOf(char.codePointAt(0) ?? 0));
      return (units * size) / unitsPerEm;
    },
    covers: (codePoint) => glyphOf(codePoint) !== 0,
  };
}

function readTableDirectory(view: DataView, name: string): Map<string, TableRecord> {
  if (view.byteLength < 12) throw new Error(`font ${name}: file too short to be a font`);
  const count = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

/** The code point → glyph id lookup of the best Unicode subtable (format 12, else 4). */
function readCmap(view: DataView, cmap: number, name: string): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const sub = cmap + view.getUint32(at + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return cmapFormat12(view, sub);
    if (format === 4) format4 ??= sub;
  }
  if (format4 !== undefined) return cmapFormat4(view, format4);
  throw new Error(`font ${name}: no Unicode cmap subtable of format 4 or 12`);
}

function cmapFormat12(view: DataView, sub: number): (codePoint: number) => number {
  const groups = view.getUint32(sub + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = sub + 16 + 12 * mid;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return view.getUint32(at + 8) + (cp - start);
    }
    return 0;
  };
}

function cmapFormat4(view: DataView, sub: number): (codePoint: number) => number {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (cp > view.getUint16(ends + 2 * i)) continue;
      const start = view.getUint16(starts + 2 * i);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + 2 * i);
      const rangeAt = rangeOffsets + 2 * i;
      const rangeOffset = view.getUint16(rangeAt);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeAt + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
