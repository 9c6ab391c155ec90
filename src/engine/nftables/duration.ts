/** Durations as nft writes them (set timeouts, element expiries, `update … timeout`). */

/** Parses a duration such as "10800s", "3h", "2h59m58s", "1d" into seconds; null if not one. */
export function parseDuration(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+)(ms|d|h|m|s)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text)) !== null) {
    const v = Number(m[1]);
    total += m[2] === 'd' ? v * 86400 : m[2] === 'h' ? v * 3600 : m[2] === 'm' ? v * 60 : m[2] === 's' ? v : v / 1000;
    seen = re.lastIndex;
  }
  return seen === text.length && seen > 0 ? total : null;
}
