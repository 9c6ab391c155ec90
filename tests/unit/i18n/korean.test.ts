/**
 * Korean a Korean reader trusts: every Korean string table, engine message and Korean MDX file
 * passes the glossary checks (tests/korean/lint.ts), and the checks themselves fail on each
 * example of issue 15, so a passing run means something.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, messageTemplate } from '../../../src/engine/model/messages';
import { ko } from '../../../src/i18n/ko';
import { liveKo } from '../../../src/i18n/live/ko';
import { playgroundKo } from '../../../src/i18n/playground/ko';
import { traceKo } from '../../../src/i18n/trace/ko';
import { describeFindings, glossary, lintKorean, mdxProse, parseGlossary, type LintMode } from '../../korean/lint';

/** Every string of a nested table, with its key path. */
function strings(table: unknown, path: string): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (table === null || typeof table !== 'object') return [];
  return Object.entries(table).flatMap(([key, value]) => strings(value, `${path}.${key}`));
}

const tables: [string, string][] = [
  ...strings(ko, 'src/i18n/ko.ts'),
  ...strings(liveKo, 'src/i18n/live/ko.ts'),
  ...strings(playgroundKo, 'src/i18n/playground/ko.ts'),
  ...strings(traceKo, 'src/i18n/trace/ko.ts'),
  ...MESSAGE_CODES.map((code): [string, string] => [
    `src/engine/model/messages.ts ${code}`,
    messageTemplate(code, 'ko'),
  ]),
];

/** Korean MDX files under content/ (lessons, guides, and whatever lands next). */
function koreanMdx(): string[] {
  const root = join(process.cwd(), 'content');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(root, d.name, 'ko');
      try {
        return readdirSync(dir)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => join('content', d.name, 'ko', f));
      } catch {
        return [];
      }
    });
}

const findings = (text: string, mode: LintMode) => lintKorean(text, mode).map((f) => f.rule);

describe('the glossary', () => {
  it('bans the variants issue 15 found and lists the English UI words', () => {
    const variants = glossary.banned.map((b) => String(b.variant));
    for (const v of ['지원 중단', '로드밸런서', '버려짐', '듣고 있는', 'EndpointSlice', 'Not Ready', 'bounce 요청'])
      expect(variants).toContain(v);
    for (const w of ['arrive', 'route', 'send', 'deliver', 'leave', 'via', 'host', 'external'])
      expect(glossary.englishWords.has(w), w).toBe(true);
  });

  it('reads escaped pipes in a regular expression cell', () => {
    const parsed = parseGlossary(
      '## Terms\n\n| English | 한국어 | 피할 말 | 영어로 둘 때 |\n| --- | --- | --- | --- |\n| x | 엑스 | `/a\\|b/`, 씨 | |\n\n## English UI words\n\nfoo, bar.\n',
    );
    expect(parsed.banned.map((b) => String(b.variant))).toEqual(['/a|b/g', '씨']);
    expect([...parsed.englishWords]).toEqual(['foo', 'bar']);
  });
});

describe('the Korean checks fail on every example of issue 15', () => {
  it.each([
    ['node-2:{port}로 보낸 요청', 'particle-after-placeholder'],
    ['노드포트 {port}를 여는', 'particle-after-placeholder'],
    ['{pod}를 이전 노드로 옮기기', 'particle-after-placeholder'],
    ['파드 {pod}는 노드 중 하나에서', 'particle-after-placeholder'],
    ['“{value}”는 허용된 값이 아닙니다', 'particle-after-placeholder'],
    ['시드 {seed}로 뽑은 패킷', 'particle-after-placeholder'],
    ['클라이언트로 고른 {kind}가 존재하지 않습니다', 'particle-after-placeholder'],
  ])('template %s', (text, rule) => {
    expect(findings(text, 'template')).toContain(rule);
  });

  it.each([
    ['node-2:30080로 보낸 요청', 'particle'],
    ['노드포트 30080를 여는', 'particle'],
    ['pod-1를 이전 노드로 옮기기', 'particle'],
    ['node-2 → node-1를 거쳐', 'particle'],
    ['그러니 “50%“는 요청이나 패킷이 아니라', 'quote'],
    ['pod-1을(를) 옮기기', 'unresolved-particle'],
    ['IPVS 모드는 쿠버네티스 1.35부터 지원 중단(deprecated)되었습니다', 'banned-term'],
    ['드롭 대신 버려짐', 'banned-term'],
    ['0x4000 표시를 붙입니다', 'banned-term'],
    ['MASQUERADE 표시를 붙입니다', 'banned-term'],
    ['일치한 규칙', 'banned-term'],
    ['노드 세 개가 한 LAN에 있습니다', 'banned-term'],
    ['노드 {nodes}개 중 하나', 'banned-term'],
    ['로드밸런서 뒤에서', 'banned-term'],
    ['EndpointSlice 컨트롤러', 'banned-term'],
    ['파드가 듣고 있는 포트', 'banned-term'],
    ['bounce 요청을 어떻게 처리하는지', 'banned-term'],
    ['bounce 클러스터로 되돌리기', 'banned-term'],
    ['NodePort 30080', 'banned-term'],
    ['pod-1 10.244.1.2 (ready)', 'banned-term'],
    ['Ready', 'banned-term'],
    ['Not Ready', 'banned-term'],
    ['연결의 절반 정도: 정답은 b', 'banned-term'],
    ['arrive (eth0)', 'english'],
    ['route: via node-1', 'english'],
    ['send', 'english'],
    ['deliver', 'english'],
    ['leave: LAN host', 'english'],
    ['연결이 중간에 막혔습니다: Cilium: service has no backends.', 'english'],
    ['클라이언트로 고른 external이(가) 존재하지 않습니다', 'english'],
    ['시뮬레이션이 멈췄습니다: the scenario is not valid', 'english'],
  ] as const)('rendered %s', (text, rule) => {
    expect(findings(text, 'rendered')).toContain(rule);
  });

  it('catches a straight quote that the typographer would turn the wrong way in MDX', () => {
    expect(findings('그러니 "50%"는 요청이나', 'mdx')).toContain('quote');
  });

  it('accepts what the fixes write', () => {
    for (const ok of [
      '{port}번 노드포트를 여는',
      '{pod}을(를) 이전 노드로 옮기기',
      'node-2의 {port}번 포트로 보낸 요청',
      '노드 {nodes}대 중 하나',
      '클라이언트가 {entryNode} 노드포트({entryNodeIP}:{nodePort})로 연결을 엽니다',
      'pod-1을 옮기기, 30080으로, “50%”는, node-3으로',
      'IPVS 모드는 쿠버네티스 1.35부터 사용 중단(deprecated)되었습니다',
      '직접 응답(direct server return)',
      'kube-proxy가 iptables, nftables, IPVS, Cilium eBPF 규칙을 씁니다',
    ]) {
      expect(lintKorean(ok, ok.includes('{') ? 'template' : 'rendered'), ok).toEqual([]);
    }
  });
});

describe('Korean text of the site', () => {
  it('string tables and engine messages pass the glossary checks', () => {
    const problems = tables.flatMap(([where, text]) => describeFindings(where, lintKorean(text, 'template')));
    expect(problems).toEqual([]);
  });

  it.each(koreanMdx())('%s passes the glossary checks', (file) => {
    const lines = mdxProse(readFileSync(join(process.cwd(), file), 'utf8'));
    const problems = lines.flatMap((line, i) => describeFindings(`${file}:${i + 1}`, lintKorean(line, 'mdx')));
    expect(problems).toEqual([]);
  });
});
