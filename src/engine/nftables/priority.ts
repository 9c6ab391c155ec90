/** Base chain priorities as nft writes them: a number, or a standard name with an offset. */

/** Standard priority names (nft's family ip/inet values). */
const PRIORITY_NAMES: Readonly<Record<string, number>> = {
  raw: -300,
  mangle: -150,
  dstnat: -100,
  filter: 0,
  security: 50,
  srcnat: 100,
};

/** "-110", "dstnat", "dstnat - 10", "dstnat-10", "filter + 5" → a number; null if none of these. */
export function parsePriority(text: string): number | null {
  const m = /^\s*(-?\d+|[a-z]+)\s*(?:([+-])\s*(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const base = /^-?\d+$/.test(m[1] as string) ? Number(m[1]) : PRIORITY_NAMES[m[1] as string];
  if (base === undefined) return null;
  return m[2] ? base + (m[2] === '-' ? -1 : 1) * Number(m[3]) : base;
}
