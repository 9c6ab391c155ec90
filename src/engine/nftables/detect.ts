/**
 * Tells nftables text from iptables-save text by its first meaningful line: iptables-save
 * starts tables with "*filter" and chains with ":" or "-A"; nft text starts with "table",
 * "add", "flush", "create", "insert", "delete" or "define".
 */

/** Which front end a pasted ruleset is written for. */
export type RulesFormat = 'iptables' | 'nftables';

/** The format of a ruleset text; iptables when nothing says otherwise. */
export function detectRulesFormat(text: string): RulesFormat {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^(\*|:|-A |-I |-N |COMMIT)/.test(line)) return 'iptables';
    if (/^(table|add|flush|create|insert|delete|destroy|define|include)\b/.test(line)) return 'nftables';
    return 'iptables';
  }
  return 'iptables';
}
