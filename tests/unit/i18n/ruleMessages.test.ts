/**
 * The rule readers' messages in Korean: every message template in the engine's source has a
 * Korean line with the same values, that line passes the glossary checks, and real problems
 * from broken dumps come out in Korean, nested messages included. A message added to the
 * engine without a translation fails here, by name and place.
 */
import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/engine/netfilter/parse';
import { parseNft } from '../../../src/engine/nftables/parse';
import { ruleMessagesKo } from '../../../src/i18n/trace/ruleMessagesKo';
import { koreanRuleMessage } from '../../../src/islands/trace/ruleMessage';
import { glossary, lintKorean } from '../../korean/lint';
import { sourceMessages } from './engineMessageSources';

const SOURCES = [
  'src/engine/netfilter',
  'src/engine/nftables',
  'src/engine/network/resolve.ts',
  'src/engine/network/walk.ts',
  // A ping's "why nothing came back", shown on the trace page for icmp.
  'src/engine/network/echo.ts',
  'src/workers/trace',
];

/** Literals the scan finds that are not messages: line texts, field names, kinds, generated rules. */
const NOT_MESSAGES = new Set([
  '*{0}',
  'note',
  'add rule {0} {1} {2} {3}',
  '{0} table {1}',
  '{0} chain {1}',
  '{0} {1} {2}',
  '{0} element {1} {2} {3}',
  'to.ip',
  'to.port',
  'protocol',
  'from.ip',
  'from.name',
  'from.namespace',
  'from.kind',
  'set nodeport-ips {',
  'add element ip kube-proxy nodeport-ips {',
  'add element ip6 kube-proxy nodeport-ips {',
  'jump loop',
  // What a rule did, in the trace's action column: iptables' own words, shown as code on both
  // pages as the lesson's trace shows them.
  'DNAT to {0}:{1}',
  'DNAT to {0}',
  'MARK set 0x{0}',
  // walk.ts: the names of hops and the client's side, which the trace strings translate.
  ...sourceMessages(['src/engine/network/walk.ts'])
    .map((m) => m.template)
    .filter((t) => !/ (drops|has no address|has no route)/.test(t)),
]);

const placeholders = (template: string): string[] => [...template.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('the Korean table of rule messages', () => {
  const found = sourceMessages(SOURCES).filter((m) => !NOT_MESSAGES.has(m.template));

  it('has a line for every message the engine writes', () => {
    const missing = found.filter((m) => !(m.template in ruleMessagesKo)).map((m) => `${m.where}: ${m.template}`);
    expect(missing).toEqual([]);
    expect(found.length).toBeGreaterThan(100);
  });

  it('has no line for a message the engine no longer writes', () => {
    const written = new Set(found.map((m) => m.template));
    expect(Object.keys(ruleMessagesKo).filter((en) => !written.has(en))).toEqual([]);
  });

  it.each(Object.entries(ruleMessagesKo))('“%s” keeps its values and reads right', (en, ko) => {
    // The values a sentence has in English, it has in Korean ("value{2}" is only English plural).
    const own = placeholders(en).filter((p) => !(p === '{2}' && en.includes('value{2}')));
    expect(placeholders(ko)).toEqual(own);
    expect(lintKorean(ko, 'template', glossary)).toEqual([]);
  });
});

describe('rule messages on a Korean page', () => {
  it('translates each template with values filled in, particles fitted to them', () => {
    for (const en of Object.keys(ruleMessagesKo)) {
      const message = en.replace(/\{(\d+)\}/g, (_, i: string) => `KUBE-X${i}`);
      const ko = koreanRuleMessage(message);
      expect(ko, message).not.toBeNull();
      expect(ko).not.toMatch(/\{\d+\}|\([을를이가은는으]+\)/);
      for (const i of placeholders(ruleMessagesKo[en]!)) expect(ko).toContain(`KUBE-X${i.slice(1, -1)}`);
    }
    expect(koreanRuleMessage('port 80 is above 65535')).toBe('포트 80은 65535보다 큽니다');
    expect(koreanRuleMessage('chain KUBE-SVC-X already exists')).toBe('`KUBE-SVC-X` 체인이 이미 있습니다');
  });

  it('translates a message inside a message, and leaves an unknown one alone', () => {
    expect(koreanRuleMessage('-m statistic: --mode random needs --probability')).toBe(
      '`-m statistic`: `--mode random`에는 `--probability`가 필요합니다',
    );
    expect(koreanRuleMessage('nat KUBE-SERVICES rule 3 (line 9): -m foo --bar is not modelled')).toBe(
      '`nat` 테이블 `KUBE-SERVICES` 체인의 3번 규칙(9번째 줄): `-m foo --bar`는 이 엔진이 다루지 않습니다',
    );
    expect(koreanRuleMessage('something the engine never says')).toBeNull();
  });

  it('keeps a value’s backticks from opening a code span', () => {
    expect(koreanRuleMessage('bad chain name "a`b"')).toBe("체인 이름 “a'b”가 올바르지 않습니다");
  });

  it('says every problem of broken iptables and nft dumps in Korean', () => {
    const iptables = parseIptablesSave(
      [
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-SERVICES - [0:0]',
        '-A PREROUTING -j KUBE-SERVICES',
        '-A KUBE-SERVICES -m frobnicate --zap 1 -j ACCEPT',
        '-A KUBE-SERVICES -m statistic --mode random -j ACCEPT',
        '-A KUBE-SERVICES -p tcp --dport http -j ACCEPT',
        '-A NO-SUCH-CHAIN -j ACCEPT',
        '-A KUBE-SERVICES -j NOWHERE',
        '*mangle',
        'COMMIT',
      ].join('\n'),
    );
    const nft = parseNft(
      [
        'table ip kube-proxy {',
        '  chain services { type nat hook prerouting priority dstnat; policy maybe; }',
        '  chain x { ip6 daddr ::1 accept; numgen inc mod 2 vmap { 0 : jump a }; }',
        '}',
        'frobnicate table ip kube-proxy',
      ].join('\n'),
    );
    const messages = [...iptables.problems, ...nft.problems].map((p) => p.message);
    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const message of messages) {
      const ko = koreanRuleMessage(message);
      expect(ko, message).not.toBeNull();
      expect(lintKorean(ko!, 'rendered', glossary), `${message} → ${ko}`).toEqual([]);
    }
  });
});
