/**
 * Particles after the values the UI shows: names and numbers ending in each final consonant
 * (ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ, and ㄹ's own rule for 로) and in none.
 */
import fc from 'fast-check';
import { josa, numberToHangul } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { lastSyllable, pickParticle, resolveParticles, withParticle } from '../../../src/text/particles';

describe('numbers, read the Korean way', () => {
  it.each([
    ['0', '영', '이', '을', '으로'], // ㅇ
    ['1', '일', '이', '을', '로'], // ㄹ takes 로
    ['2', '이', '가', '를', '로'], // none
    ['3', '삼', '이', '을', '으로'], // ㅁ
    ['4', '사', '가', '를', '로'],
    ['5', '오', '가', '를', '로'],
    ['6', '육', '이', '을', '으로'], // ㄱ
    ['7', '칠', '이', '을', '로'],
    ['8', '팔', '이', '을', '로'],
    ['9', '구', '가', '를', '로'],
    ['10', '십', '이', '을', '으로'], // ㅂ
    ['100', '백', '이', '을', '으로'],
    ['1000', '천', '이', '을', '으로'], // ㄴ
    ['30000', '만', '이', '을', '으로'],
    ['30080', '십', '이', '을', '으로'],
    ['1,000', '천', '이', '을', '으로'],
    ['0.5', '오', '가', '를', '로'],
    ['50%', '트', '가', '를', '로'],
  ])('%s → %s', (value, syllable, iGa, eulReul, euroRo) => {
    expect(lastSyllable(value)).toBe(syllable);
    expect(pickParticle(value, '이/가')).toBe(iGa);
    expect(pickParticle(value, '을/를')).toBe(eulReul);
    expect(pickParticle(value, '으로/로')).toBe(euroRo);
  });

  it('agrees with es-hangul’s own reading of every whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        expect(lastSyllable(String(n))).toBe(numberToHangul(n).slice(-1));
      }),
    );
  });
});

describe('names and addresses the UI fills in', () => {
  it.each([
    ['pod-1', '을', '로'],
    ['pod-2', '를', '로'],
    ['node-3', '을', '으로'],
    ['node-10', '을', '으로'],
    ['node-2:30080', '을', '으로'],
    ['10.244.1.0', '을', '으로'],
    ['192.168.10.100', '을', '으로'],
    ['10.244.0.0/16', '을', '으로'],
    ['127.0.0.0/8', '을', '로'],
    ['1/2', '을', '로'],
    ['“50%”', '를', '로'],
    ['IPVS', '를', '로'],
    ['Cilium eBPF', '를', '로'],
    ['Cilium', '을', '으로'],
    ['iptables', '를', '로'],
    ['web', '을', '으로'],
    ['DNAT', '을', '으로'],
    ['LAN', '을', '으로'],
    ['Local', '을', '로'],
    ['kube-proxy', '를', '로'],
    ['파드', '를', '로'],
    ['연결', '을', '로'],
    ['규칙', '을', '으로'],
    ['체인', '을', '으로'],
    ['홉', '을', '으로'],
    ['마크', '를', '로'],
    ['엔드포인트', '를', '로'],
  ])('%s takes %s and %s', (value, eulReul, euroRo) => {
    expect(withParticle(value, '을/를')).toBe(value + eulReul);
    expect(withParticle(value, '으로/로')).toBe(value + euroRo);
  });

  it('reads the word before a parenthesis, as Korean writing does', () => {
    expect(resolveParticles('노드포트(192.168.10.12:30080)(으)로')).toBe('노드포트(192.168.10.12:30080)로');
  });
});

describe('double forms in strings', () => {
  it('become the one particle that fits', () => {
    expect(resolveParticles('pod-1을(를) 옮기기')).toBe('pod-1을 옮기기');
    expect(resolveParticles('pod-2을(를) 옮기기')).toBe('pod-2를 옮기기');
    expect(resolveParticles('시드 12(으)로, 시드 13(으)로')).toBe('시드 12로, 시드 13으로');
    expect(resolveParticles('“external”은(는) 허용된 값이 아닙니다')).toBe('“external”은 허용된 값이 아닙니다');
    expect(resolveParticles('파드 IP 10.244.1.2이(가) 밖에 있습니다')).toBe('파드 IP 10.244.1.2가 밖에 있습니다');
    expect(resolveParticles('podCIDR 10.244.1.0/24이(가) 10.244.2.0/24과(와) 겹칩니다')).toBe(
      'podCIDR 10.244.1.0/24가 10.244.2.0/24와 겹칩니다',
    );
  });

  it('leave text without double forms alone', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = s.replace(/[()]/g, '');
        expect(resolveParticles(text)).toBe(text);
      }),
    );
  });
});

describe('the particle for a syllable', () => {
  const pairs = ['이/가', '을/를', '은/는', '와/과', '으로/로', '이나/나', '이라/라'] as const;
  it('agrees with es-hangul’s josa.pick for every Hangul syllable and pair', () => {
    const disagreements: string[] = [];
    for (let code = 0xac00; code <= 0xd7a3; code++) {
      const syllable = String.fromCharCode(code);
      for (const pair of pairs) {
        const ours = pickParticle(syllable, pair);
        const theirs = josa.pick(syllable, pair);
        if (ours !== theirs) disagreements.push(`${syllable} ${pair}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});
