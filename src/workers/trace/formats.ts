/**
 * Tells what kind of text was pasted: `iptables-save` output, an nftables ruleset (`nft list
 * ruleset`, or `nft -f` input), `iptables -L` listing (a different thing), or nothing. Only the
 * first meaningful lines are looked at, so this is cheap on any size.
 */

/** The formats the page recognises. */
export type DumpFormat = 'iptables-save' | 'nft' | 'iptables-list' | 'empty' | 'unknown';

/** Lines looked at before deciding (comments and blank lines do not count). */
const LOOK_AT = 50;

const NFT_TABLE =
  /^table\s+(ip|ip6|inet|arp|bridge|netdev)\s+\S+\s*\{|^(add|create|flush|insert|delete|destroy)\s+(table|chain|set|map|rule|element|ruleset)\b/;
const NFT_BODY = /^(chain|set|map|flowtable)\s+\S+\s*\{|^type\s+(filter|nat|route)\s+hook\s/;
const SAVE_LINE = /^(\*[a-z]+$|:[^\s]+\s|-[AINXFPZ]\s|\[\d+:\d+\]\s+-A\s|COMMIT$)/;
const LIST_LINE = /^Chain\s+\S+\s+\((policy\s+(ACCEPT|DROP)|\d+\s+references)/;

/** The format of `text`, from its first meaningful lines. */
export function detectFormat(text: string): DumpFormat {
  let seen = 0;
  let save = 0;
  let start = 0;
  while (start <= text.length && seen < LOOK_AT) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A pasted line may be huge; only its head matters here.
    const line = text.slice(start, Math.min(end, start + 400)).trim();
    start = end + 1;
    if (line === '' || line.startsWith('#')) continue;
    seen++;
    if (NFT_TABLE.test(line) || (save === 0 && NFT_BODY.test(line))) return 'nft';
    if (LIST_LINE.test(line)) return 'iptables-list';
    if (SAVE_LINE.test(line)) save++;
  }
  if (seen === 0) return 'empty';
  return save > 0 ? 'iptables-save' : 'unknown';
}

/**
 * Formats the tracer reads. The engine reads iptables-save and nft text (auto-detected, both
 * at once too); text that looks like neither is still read as iptables-save, so every line it
 * cannot use is listed. `iptables -L` output is a different thing altogether: declined.
 */
export const readableFormats: ReadonlySet<DumpFormat> = new Set<DumpFormat>(['iptables-save', 'nft', 'unknown']);
